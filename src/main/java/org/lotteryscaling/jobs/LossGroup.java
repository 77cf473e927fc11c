package org.lotteryscaling.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.task.Seeds;

/**
 * Every width's losses of one (target, activation), as the aggregate job groups them: the unit the
 * statistics run on. Widths ascending, losses ascending, so every result is independent of how
 * Spark partitioned and collected the rows.
 */
record LossGroup(String target, String activation, List<WidthLosses> widths) {

  /** From a row (target, activation, widths: array of struct(width, networks, losses)). */
  static LossGroup of(Row row) {
    List<WidthLosses> widths = new ArrayList<>();
    for (Row w : row.<Row>getList(row.fieldIndex("widths"))) {
      List<Double> losses = w.getList(w.fieldIndex("losses"));
      double[] x = new double[losses.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = losses.get(i);
      }
      widths.add(new WidthLosses(w.getInt(w.fieldIndex("width")), w.getLong(w.fieldIndex("networks")), x));
    }
    widths.sort(Comparator.comparingInt(WidthLosses::width));
    return new LossGroup(row.getString(row.fieldIndex("target")),
        row.getString(row.fieldIndex("activation")), List.copyOf(widths));
  }

  /** The seed of this group's resampling streams: a pure function of (seed, target, activation). */
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
}
