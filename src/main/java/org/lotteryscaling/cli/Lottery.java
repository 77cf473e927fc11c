package org.lotteryscaling.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `lottery` command line: one launcher, one subcommand per step of DESIGN.md. */
@Command(
    name = "lottery",
    mixinStandardHelpOptions = true,
    version = "lottery-scaling 0.1.0",
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
        CommandLine.HelpCommand.class})
public final class Lottery implements Runnable {

  /** Exit code for bad input: an unknown option, a bad value, a bad config. */
  public static final int USAGE_ERROR = 2;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; bad input is one line on stderr, exit 2. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, printing to the given writers (commands print via their spec). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Lottery());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, ignored) -> {
      PrintWriter stderr = ex.getCommandLine().getErr();
      stderr.println("lottery: " + ex.getMessage() + " (see 'lottery "
          + ex.getCommandLine().getCommandName() + " --help')");
      stderr.flush();
      return USAGE_ERROR;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof IllegalArgumentException || ex instanceof UserError) {
        commandLine.getErr().println("lottery: " + ex.getMessage());
        commandLine.getErr().flush();
        return USAGE_ERROR;
      }
      if (ex instanceof java.io.UncheckedIOException) {
        // A file system that cannot be reached or read (a name node down, credentials refused):
        // the environment, not the input, so exit 1; one line, which names the folder.
        commandLine.getErr().println("lottery: " + ex.getMessage());
        commandLine.getErr().flush();
        return 1;
      }
      throw ex;
    });
    return cli.execute(args);
  }
}
