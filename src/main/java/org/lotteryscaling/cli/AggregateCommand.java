package org.lotteryscaling.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import org.lotteryscaling.jobs.AggregateJob;
import org.lotteryscaling.stats.AggregateSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** runs -> loss_summary, loss_histogram, loss_modes, scaling_fit, synergy. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Summarise DIR/runs into loss_summary, loss_histogram, loss_modes, scaling_fit and "
        + "synergy (Parquet tables in DIR, replaced on every run).")
public final class AggregateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, paramLabel = "DIR", description = "results folder")
  String results;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Option(names = "--bins", paramLabel = "N",
      description = "log10-loss histogram bins per (target, activation) (default 40)")
  int bins = AggregateSettings.DEFAULT_BINS;

  @Option(names = "--bootstrap", paramLabel = "N",
      description = "bootstrap resamples of the scaling fits (default 1000)")
  int resamples = AggregateSettings.DEFAULT_RESAMPLES;

  @Option(names = "--law-bootstrap", paramLabel = "N",
      description = "bootstrap resamples of the offset and joint laws of scaling_fit, each a"
          + " multi-start nonlinear fit (default 200, or --bootstrap when that is fewer)")
  Integer lawResamples;

  @Option(names = "--seed", paramLabel = "S", description = "seed of the resampling (default 0)")
  long seed;

  @Override
  public Integer call() {
    AggregateSettings settings = UserError.fromInput(() -> lawResamples == null
        ? new AggregateSettings(bins, resamples, seed)
        : new AggregateSettings(bins, resamples, seed, lawResamples));
    long start = System.nanoTime();
    Map<String, Long> written = AggregateJob.run(master, results, settings);
    PrintWriter out = spec.commandLine().getOut();
    for (Map.Entry<String, Long> table : written.entrySet()) {
      out.printf(Locale.ROOT, "wrote %-40s %8d rows%n", results + "/" + table.getKey(), table.getValue());
    }
    out.printf(Locale.ROOT, "aggregated in %.1f s%n", (System.nanoTime() - start) / 1e9);
    out.flush();
    return 0;
  }
}
