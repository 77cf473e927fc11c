package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A user error is one line and exit 2; a bug is one line naming its stack trace's file, exit 1. */
class ErrorsTest {

  /** A command that fails as asked: by the user's input, by a storage failure, or by a bug. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    @Option(names = "--how")
    String how;

    @Override
    public Integer call() {
      switch (how) {
        case "user" -> throw new UserError("width must be >= 1, got -3");
        case "storage" -> throw new UncheckedIOException("cannot access hdfs://nn/x: Connection refused",
            new java.io.IOException("Connection refused"));
        case "wrapped" -> throw new IllegalStateException("state broke", new ArithmeticException("root cause"));
        default -> {
          String missing = null;
          return missing.length(); // an injected bug: a NullPointerException
        }
      }
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(command, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aUserErrorIsOneLineAndExitTwo() {
    Run r = run(new Fail(), "--how", "user");
    assertEquals(2, r.code());
    assertEquals("lottery: width must be >= 1, got -3", r.err().strip());
  }

  @Test
  void aStorageFailureIsOneLineAndExitOne() {
    Run r = run(new Fail(), "--how", "storage");
    assertEquals(1, r.code());
    assertEquals("lottery: cannot access hdfs://nn/x: Connection refused", r.err().strip());
  }

  @Test
  void aBugIsOneLineNamingTheFileThatHoldsItsWholeTrace() throws Exception {
    for (String how : new String[] {"npe", "wrapped"}) {
      Run r = run(new Fail(), "--how", how);
      assertEquals(1, r.code(), r.err());
      String line = r.err().strip();
      assertFalse(line.contains("\n"), "one line: " + line);
      assertTrue(line.startsWith("lottery: internal error (a bug"), line);
      Matcher m = Pattern.compile("stack trace in (\\S+)$").matcher(line);
      assertTrue(m.find(), line);
      Path trace = Path.of(m.group(1));
      String text = Files.readString(trace);
      Files.delete(trace);
      assertTrue(text.contains("at org.lotteryscaling.cli.ErrorsTest$Fail.call"), text);
      if (how.equals("npe")) {
        assertTrue(line.contains("NullPointerException"), line);
      } else {
        assertTrue(text.contains("Caused by: java.lang.ArithmeticException: root cause"), "cause kept: " + text);
      }
    }
  }

  @Test
  void anIllegalArgumentFromTheCodeIsABugNotAUserError() {
    @Command(name = "iae")
    final class Iae implements Callable<Integer> {
      @Override
      public Integer call() {
        throw new IllegalArgumentException("chunk size must be >= 1");
      }
    }
    Run r = run(new Iae());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("internal error"), r.err());
    deleteTrace(r.err());
  }

  @Test
  void badValuesOfTheRealCommandsAreUserErrors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.conf");
    Files.writeString(empty, "# nothing set\n");
    Path folderIsFile = dir.resolve("file");
    Files.writeString(folderIsFile, "x");
    String[][] bad = {
      {"train", "--conf", empty.toString(), "--out", dir.resolve("o").toString()},
      {"train", "--conf", "conf/smoke.conf", "--set", "widths=[0]", "--out", dir.resolve("o").toString()},
      {"train", "--conf", "conf/smoke.conf", "--set", "targets=[x9]", "--out", dir.resolve("o").toString()},
      {"train", "--conf", "conf/smoke.conf", "--set", "nope=1", "--out", dir.resolve("o").toString()},
      {"train", "--conf", "conf/smoke.conf", "--out", folderIsFile.toString()},
      {"train", "--conf", "conf/smoke.conf", "--chunk-neuron-steps", "0", "--out", dir.resolve("o").toString()},
      {"aggregate", "--results", dir.resolve("none").toString(), "--bins", "0"},
      {"report", "--results", dir.resolve("none").toString()},
      {"sql", "--results", dir.toString(), "SELECT 1"},
      {"train-one", "--target", "x2", "--activation", "silu", "--width", "2", "--lr", "0"},
    };
    for (String[] args : bad) {
      Run r = run(new Lottery(), args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      String err = r.err().strip();
      assertTrue(err.startsWith("lottery: ") && !err.contains("\n") && !err.contains("Exception"), err);
    }
    assertTrue(run(new Lottery(), bad[0]).err().contains("sets no key"));
  }

  private static void deleteTrace(String err) {
    Matcher m = Pattern.compile("stack trace in (\\S+)").matcher(err);
    if (m.find()) {
      Path.of(m.group(1)).toFile().delete();
    }
  }
}
