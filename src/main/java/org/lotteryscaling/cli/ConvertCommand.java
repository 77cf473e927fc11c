package org.lotteryscaling.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lotteryscaling.results.ConvertJob;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.Spark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `lottery convert --results DIR`: a folder of plain Parquet tables (before 0.2) to Delta, once. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = "Convert a results folder written before Delta Lake (plain Parquet tables) to Delta"
        + " tables in place (CONVERT TO DELTA: no data file is rewritten); tables already Delta stay.")
public final class ConvertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, paramLabel = "DIR", description = "results folder")
  String results;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Override
  public Integer call() {
    ResultsFolder.requireRuns(results); // before starting Spark
    PrintWriter out = spec.commandLine().getOut();
    for (ConvertJob.Converted c : ConvertJob.run(Spark.session("lottery-convert", master), results)) {
      out.printf("%-20s %s%n", c.table(), c.converted() ? "converted to Delta" : "already Delta");
    }
    out.flush();
    return 0;
  }
}
