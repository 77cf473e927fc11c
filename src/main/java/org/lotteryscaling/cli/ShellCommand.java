package org.lotteryscaling.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * lottery commands read from standard input and run one after another in this JVM. Most of a small
 * run's wall time is the JVM's first use of Spark's, Delta's and Parquet's code (JIT compilation
 * and class loading, docs/performance.md), which a process that lives for one command pays every
 * time; here only the first command pays it, and every command shares one SparkSession.
 */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {"Read lottery commands from standard input, one per line, and run them in this one JVM",
        "and Spark session: after the first, a command skips the JVM's and Spark's start-up and",
        "warm-up. Words are split as a shell does ('...' and \"...\" quote, \\ escapes); blank lines",
        "and lines starting with # are skipped; exit or end of input ends it. Each command's exit",
        "code and wall time follow it on stderr; the shell exits 0, or with the last failing code.",
        "The first command's Spark master (--master) holds for the session. Example:",
        "  printf 'run conf/smoke.conf --out /tmp/a\\nrun conf/smoke.conf --out /tmp/b\\n' | lottery shell"})
final class ShellCommand implements Callable<Integer> {

  static final String PROMPT = "lottery> ";

  @Spec CommandSpec spec;

  private final Reader input;
  private final boolean prompt;

  /** The launcher's shell: stdin, with a prompt where a person types at a terminal. */
  ShellCommand() {
    this(new InputStreamReader(System.in, StandardCharsets.UTF_8), System.console() != null);
  }

  /** A shell reading its commands from {@code input} (tests), without a prompt. */
  ShellCommand(Reader input) {
    this(input, false);
  }

  private ShellCommand(Reader input, boolean prompt) {
    this.input = input;
    this.prompt = prompt;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failure = 0;
    BufferedReader lines = new BufferedReader(input);
    while (true) {
      if (prompt) {
        out.print(PROMPT);
        out.flush();
      }
      String line = readLine(lines);
      if (line == null) {
        break;
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.equals("exit") || trimmed.equals("quit")) {
        break;
      }
      int code = runLine(trimmed, out, err);
      if (code != 0) {
        failure = code;
      }
    }
    return failure;
  }

  /** Runs one command line through the launcher's own error handling and prints its code and time. */
  static int runLine(String line, PrintWriter out, PrintWriter err) {
    List<String> words;
    try {
      words = words(line);
    } catch (UserError e) {
      err.println("lottery shell: " + e.getMessage());
      err.flush();
      return Lottery.USAGE_ERROR;
    }
    if (words.get(0).equals("shell")) {
      err.println("lottery shell: already in a shell");
      err.flush();
      return Lottery.USAGE_ERROR;
    }
    long start = System.nanoTime();
    int code = Lottery.execute(new Lottery(), out, err, words.toArray(String[]::new));
    double seconds = (System.nanoTime() - start) / 1e9;
    out.flush();
    err.println(String.format(Locale.ROOT, "lottery shell: %s: exit %d, %.1f s", words.get(0), code,
        seconds));
    err.flush();
    return code;
  }

  /**
   * The words of a command line as a POSIX shell splits them, without expansions: whitespace
   * separates words, '...' quotes everything up to the next ', "..." everything up to the next
   * unescaped " (where \ escapes " and \), and \ outside quotes escapes the next character.
   */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new UserError("unterminated ' starting at column " + (i + 1));
        }
        word.append(line, i + 1, end);
        i = end;
      } else if (c == '"') {
        int j = i + 1;
        while (j < line.length() && line.charAt(j) != '"') {
          char d = line.charAt(j);
          if (d == '\\' && j + 1 < line.length() && (line.charAt(j + 1) == '"' || line.charAt(j + 1) == '\\')) {
            j++;
            d = line.charAt(j);
          }
          word.append(d);
          j++;
        }
        if (j == line.length()) {
          throw new UserError("unterminated \" starting at column " + (i + 1));
        }
        i = j;
      } else if (c == '\\') {
        if (i + 1 == line.length()) {
          throw new UserError("a \\ at the end of the line escapes nothing");
        }
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static String readLine(BufferedReader lines) {
    try {
      return lines.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shell's input: " + e.getMessage(), e);
    }
  }
}
