package org.lotteryscaling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.lotteryscaling.CodeVersion;
import org.lotteryscaling.UserError;
import org.lotteryscaling.results.StepTimes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The `lottery` command line: one launcher, one subcommand per step (README, "Commands"). */
@Command(
    name = "lottery",
    mixinStandardHelpOptions = true,
    versionProvider = Lottery.Version.class,
    description = "Runs the experiments of 'A Neural Scaling Law from Lottery Ticket Ensembling'.",
    subcommands = {
        TrainOneCommand.class,
        TrainCommand.class,
        RunCommand.class,
        AggregateCommand.class,
        AnalyzeCommand.class,
        ReportCommand.class,
        SqlCommand.class,
        ConvertCommand.class,
        BenchCommand.class,
        ShellCommand.class,
        CommandLine.HelpCommand.class})
public final class Lottery implements Runnable {

  /** Exit code for bad input: an unknown option, a bad value, a bad config. */
  public static final int USAGE_ERROR = 2;

  /** Exit code for a storage failure or a bug (see {@link #execute(PrintWriter, PrintWriter, String...)}). */
  public static final int FAILURE = 1;

  /** {@code lottery --version}: the build's version and git commit, as written into every row. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {CodeVersion.current()};
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    StepTimes.jvmStarted();
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (see {@link #execute(Object, PrintWriter, PrintWriter, String...)}). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, printing to the given writers (commands print via their spec). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return execute(new Lottery(), out, err, args);
  }

  /**
   * Runs {@code command} (a picocli command object) with the launcher's error handling: a
   * {@link UserError} is one line and exit 2; an UncheckedIOException (storage) one line and
   * exit 1; anything else is a bug: one line naming the file that holds its stack trace, exit 1.
   */
  static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, ignored) -> {
      PrintWriter stderr = ex.getCommandLine().getErr();
      // qualifiedName: "lottery train" for a subcommand, "lottery" (not "lottery lottery") for the root
      stderr.println("lottery: " + ex.getMessage() + " (see '"
          + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      stderr.flush();
      return USAGE_ERROR;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter stderr = commandLine.getErr();
      int code;
      if (ex instanceof UserError) {
        stderr.println("lottery: " + ex.getMessage());
        code = USAGE_ERROR;
      } else if (ex instanceof UncheckedIOException) {
        // A file system that cannot be reached or read (a name node down, credentials refused):
        // the environment, not the input and not a bug, so exit 1; one line, which names the folder.
        stderr.println("lottery: " + ex.getMessage());
        code = FAILURE;
      } else {
        stderr.println("lottery: internal error (a bug, please report it): " + oneLine(ex)
            + "; stack trace in " + writeTrace(ex));
        code = FAILURE;
      }
      stderr.flush();
      return code;
    });
    return cli.execute(args);
  }

  /**
   * Writes the full stack trace (causes included) of a bug to a new file in java.io.tmpdir,
   * {@code lottery-error-<time>-<pid>.log}, and returns its path; where that cannot be written,
   * the trace goes to stderr instead.
   */
  static String writeTrace(Throwable bug) {
    StringWriter trace = new StringWriter();
    bug.printStackTrace(new PrintWriter(trace));
    String name = "lottery-error-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + ProcessHandle.current().pid() + ".log";
    try {
      Path file = Path.of(System.getProperty("java.io.tmpdir"), name);
      Files.writeString(file, CodeVersion.current() + "\n" + trace);
      return file.toString();
    } catch (IOException | RuntimeException e) {
      System.err.print(trace);
      return "stderr above (" + name + " could not be written: " + e.getMessage() + ")";
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getName() + (message.isBlank() ? "" : ": " + message.strip());
  }
}
