package org.lotteryscaling.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import org.lotteryscaling.jobs.AnalyzeJob;
import org.lotteryscaling.mechanism.AnalyzeSettings;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.TaskSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `lottery analyze --results DIR`: runs -> the mechanism tables (see README "analyze"). */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Mechanism analyses of DIR/runs: neurons, tickets, algorithms, algorithm_curves,"
        + " ticket_pairs, ticket_correlation, distilled, ensembles.")
public final class AnalyzeCommand implements Callable<Integer> {
  private static final AnalyzeSettings A = AnalyzeSettings.defaults(DataSettings.paper());

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, description = "results folder holding runs")
  String results;

  @Option(names = "--master", description = "Spark master (default: spark.master, else local[*])")
  String master;

  // The data options default to the experiment's own (DIR/experiment.conf, written by train), so
  // every run's training points are regenerated exactly; they are needed only for a folder
  // without one.
  @Option(names = "--points", description = "training points (default: the experiment's, else 1000)")
  Integer points;

  @Option(names = "--test-points", description = "test points (default: the experiment's, else 1000)")
  Integer testPoints;

  @Option(names = "--low", description = "lower end of the input range (default: the experiment's, else -2)")
  Double low;

  @Option(names = "--high", description = "upper end of the input range (default: the experiment's, else 2)")
  Double high;

  @Option(names = "--data-seed", description = "data seed (default: the experiment's, else 0)")
  Long dataSeed;

  @Option(names = "--neuron-min-width", description = "neurons: widths from this up (default 10)")
  int neuronMinWidth = A.neuronMinWidth();

  @Option(names = "--ticket-widths", split = ",", description = "ticket_pairs/correlation widths (default 10,30,50)")
  List<Integer> ticketWidths = new ArrayList<>(A.ticketWidths());

  @Option(names = "--distill-width", description = "distilled: source width (default 50)")
  int distillWidth = A.distillWidth();

  @Option(names = "--ensemble-half-widths", split = ",", description = "ensembles: member widths (default: all)")
  List<Integer> ensembleHalfWidths = new ArrayList<>(A.ensembleHalfWidths());

  @Option(names = "--algorithm-loss-cut", description = "algorithms: width-2 losses below this (default 1e-2)")
  double algorithmLossCut = A.algorithmLossCut();

  @Option(names = "--max-algorithms", description = "algorithms: largest k tried (default 8)")
  int maxAlgorithms = A.maxAlgorithms();

  @Option(names = "--grid-points", description = "points of the x grids (default 101)")
  int gridPoints = A.gridPoints();

  @Option(names = "--peak-bandwidth", description = "loss-peak kernel bandwidth in decades (default 0.1)")
  double peakBandwidth = A.peakBandwidth();

  @Override
  public Integer call() {
    StorageFolder dir = StorageFolder.of(results);
    ResultsFolder.requireRuns(dir); // before starting Spark
    TaskSettings experiment = experimentSettings(dir);
    DataSettings data = experiment.data();
    AnalyzeSettings settings = UserError.fromInput(() -> new AnalyzeSettings(
        new DataSettings(
            points != null ? points : data.trainPoints(),
            testPoints != null ? testPoints : data.testPoints(),
            low != null ? low : data.low(),
            high != null ? high : data.high(),
            dataSeed != null ? dataSeed : data.dataSeed(),
            data.distribution(), data.mean(), data.std(), data.noise()),
        experiment.model().leakySlope(),
        neuronMinWidth, ticketWidths, distillWidth, ensembleHalfWidths, algorithmLossCut,
        maxAlgorithms, gridPoints, peakBandwidth));
    AnalyzeJob.run(Spark.session("lottery-analyze", master), results, settings,
        spec.commandLine().getOut());
    return 0;
  }

  /**
   * The settings the folder's experiment trained with (its data, leaky slope), or the paper's for
   * a bare runs folder.
   */
  static TaskSettings experimentSettings(StorageFolder results) {
    if (ExperimentFolder.exists(results)) {
      return ExperimentFolder.read(results).settings();
    }
    return TaskSettings.paper();
  }
}
