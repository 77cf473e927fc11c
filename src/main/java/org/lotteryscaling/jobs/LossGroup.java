package org.lotteryscaling.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.task.Seeds;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.Sweep;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every width's losses of one (target, activation, setting), as the aggregate job groups them: the
 * unit the statistics run on ({@link Setting#NONE} in an experiment without a sweep). Widths
 * ascending, losses ascending, so every result is independent of how Spark partitioned and
 * collected the rows. {@code widths} holds the train losses of the ok networks; {@code
 * testWidths} the test losses of those of them whose test loss is finite, for the same widths
 * (empty where a group was built without test losses).
 */
record LossGroup(String target, String activation, List<WidthLosses> widths, Setting setting,
    List<WidthLosses> testWidths) {

  /** The group of an experiment without a sweep, without test losses. */
  LossGroup(String target, String activation, List<WidthLosses> widths) {
    this(target, activation, widths, Setting.NONE);
  }

  /** A group without test losses. */
  LossGroup(String target, String activation, List<WidthLosses> widths, Setting setting) {
    this(target, activation, widths, setting, List.of());
  }

  /** The group whose losses are this group's test losses (and which has no test losses). */
  LossGroup test() {
    return new LossGroup(target, activation, testWidths, setting);
  }

  /**
   * The groups of a row (target, activation, widths: array of struct(width, the sweep's columns,
   * networks, losses, test_losses)), one per setting, in the order of the sweep's settings.
   */
  static List<LossGroup> all(Row row, Sweep sweep) {
    Map<Setting, List<WidthLosses>> bySetting = new LinkedHashMap<>();
    Map<Setting, List<WidthLosses>> testBySetting = new LinkedHashMap<>();
    for (Row w : LossGroup.<Row>list(row, "widths")) {
      Setting setting = SweepColumns.settingOf(w, sweep);
      int width = w.<Integer>getAs("width");
      long networks = w.<Long>getAs("networks");
      bySetting.computeIfAbsent(setting, s -> new ArrayList<>())
          .add(new WidthLosses(width, networks, doubles(list(w, "losses"))));
      testBySetting.computeIfAbsent(setting, s -> new ArrayList<>())
          .add(new WidthLosses(width, networks, doubles(list(w, "test_losses"))));
    }
    String target = row.<String>getAs("target");
    String activation = row.<String>getAs("activation");
    List<LossGroup> out = new ArrayList<>();
    bySetting.forEach((setting, widths) -> {
      List<WidthLosses> test = testBySetting.get(setting);
      widths.sort(Comparator.comparingInt(WidthLosses::width));
      test.sort(Comparator.comparingInt(WidthLosses::width));
      out.add(new LossGroup(target, activation, List.copyOf(widths), setting, List.copyOf(test)));
    });
    List<Setting> order = sweep.settings();
    out.sort(Comparator.comparingInt((LossGroup g) -> rank(order, g.setting()))
        .thenComparing(g -> g.setting().toString()));
    return out;
  }

  /** Where a setting comes in the sweep's order; one the sweep does not list comes last. */
  private static int rank(List<Setting> order, Setting setting) {
    int i = order.indexOf(setting);
    return i < 0 ? order.size() : i;
  }

  /**
   * The seed of this group's resampling streams: a pure function of (seed, target, activation),
   * the same for every setting, so one setting's statistics equal its own experiment's.
   */
  long seed(long experimentSeed) {
    return Seeds.resampling(experimentSeed, target, activation);
  }

  /** The width-w losses, or null when w is not in the grid. */
  WidthLosses width(int w) {
    for (WidthLosses x : widths) {
      if (x.width() == w) {
        return x;
      }
    }
    return null;
  }

  private static double[] doubles(List<Double> values) {
    double[] x = new double[values.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = values.get(i);
    }
    return x;
  }

  /** An array column of {@code row}, read by name, as a Java list. */
  private static <T> List<T> list(Row row, String column) {
    return CollectionConverters.asJava(row.<scala.collection.Seq<T>>getAs(column));
  }
}
