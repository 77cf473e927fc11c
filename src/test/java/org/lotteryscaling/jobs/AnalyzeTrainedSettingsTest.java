package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Setting;

/**
 * analyze on networks trained away from the paper's defaults: leaky_relu with a slope of its own,
 * noisy training labels, normal inputs and the mean-field parametrisation (local[2]). Each network
 * must be evaluated as it trained, on the data it trained on, so the loss analyze recomputes for
 * every ensemble member (ensembles.loss_a, loss_b) is the train_loss the train job stored.
 */
class AnalyzeTrainedSettingsTest {
  private static final ExperimentConfig CONFIG = ExperimentConfig.parse("""
      name = trained-settings
      targets = [x2]
      activations = [leaky_relu]
      widths = [2, 10]
      seeds = 4
      data { points = 60, test-points = 30 }
      training { steps = 300, decay-every = 100, curve-points = 8 }
      sweep { "model.leaky-slope, data.noise, data.distribution, model.parametrization" = [
        [0.01, 0.0, uniform, standard], [0.3, 0.05, normal, mean-field]] }
      """, "trained-settings");

  @TempDir static Path dir;
  static SparkSession spark;
  static String printed;

  @BeforeAll
  static void trainThenAnalyze() {
    spark = Spark.session("analyze-trained-settings-test", "local[2]");
    TrainJob.run(spark, CONFIG, TestFolders.of(dir), TrainJobTest.quiet(Long.MAX_VALUE / 4));
    StringWriter out = new StringWriter();
    AnalyzeJob.run(spark, dir.toString(), SweptAnalyzeTest.analysis(CONFIG.settings().data()),
        new PrintWriter(out, true));
    printed = out.toString();
  }

  @Test
  void everyEnsembleMemberReproducesItsStoredTrainLossAtEverySetting() {
    Map<String, Double> stored = new HashMap<>();
    for (Row r : TestFolders.read(spark, dir, ResultTables.RUNS.name())
        .select("model_leaky_slope", "width", "seed", "train_loss").collectAsList()) {
      stored.put(r.get(0) + "/" + r.get(1) + "/" + r.get(2), r.getDouble(3));
    }
    for (Setting setting : CONFIG.sweep().settings()) {
      List<Row> ensembles = TestFolders.read(spark, dir, ResultTables.ENSEMBLES.name())
          .filter(SweepColumns.matches(setting))
          .select("model_leaky_slope", "half_width", "seed_a", "seed_b", "loss_a", "loss_b")
          .collectAsList();
      assertFalse(ensembles.isEmpty(), "ensembles at " + setting);
      for (Row e : ensembles) {
        for (int member = 0; member < 2; member++) {
          double expected = stored.get(e.get(0) + "/" + e.get(1) + "/" + e.get(2 + member));
          double recomputed = e.getDouble(4 + member);
          assertEquals(expected, recomputed, 1e-9 * expected, setting + " " + e);
        }
      }
    }
  }

  @Test
  void theMechanismTablesHaveRowsAtEverySetting() {
    for (var table : List.of(ResultTables.NEURONS, ResultTables.TICKETS,
        ResultTables.TICKET_PAIRS, ResultTables.DISTILLED)) {
      for (Setting setting : CONFIG.sweep().settings()) {
        assertTrue(TestFolders.read(spark, dir, table.name())
            .filter(SweepColumns.matches(setting)).count() > 0, table.name() + " at " + setting);
      }
    }
  }
}
