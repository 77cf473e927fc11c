package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.stats.Quantiles;

class AnalyzeSummaryTest {

  /**
   * AnalyzeSummary prints medians with Spark SQL's percentile(x, p), kept so that every printed
   * number is a query a user can rerun. Spark interpolates linearly between the order statistics
   * around (n - 1) p, which is the type-7 quantile of stats.Quantiles: the two agree up to the
   * rounding of the interpolation and print the same at the summary's 6 digits.
   */
  @Test
  void sqlPercentileIsTheTypeSevenQuantile() {
    SparkSession spark = Spark.session("analyze-summary-test", "local[1]");
    RandomStream rng = new RandomStream(5);
    double[] levels = {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1};
    for (int n : new int[] {1, 2, 3, 4, 7, 10, 101}) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        values.add(Math.pow(10, -12 * rng.nextDouble()) * (rng.nextDouble() < 0.2 ? -1 : 1));
      }
      double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
      String[] select = new String[levels.length];
      for (int k = 0; k < levels.length; k++) {
        select[k] = "percentile(x, " + levels[k] + ")";
      }
      Row row = spark.createDataset(values, Encoders.DOUBLE()).toDF("x").selectExpr(select).first();
      double largest = values.stream().mapToDouble(Math::abs).max().getAsDouble();
      for (int k = 0; k < levels.length; k++) {
        double expected = Quantiles.ofUnsorted(x, levels[k]);
        String where = "n=" + n + " p=" + levels[k];
        assertEquals(expected, row.getDouble(k), 2 * Math.ulp(largest), where);
        if (levels[k] == 0.5) {
          assertEquals(String.format(Locale.ROOT, "%.6g", expected),
              String.format(Locale.ROOT, "%.6g", row.getDouble(k)), where);
        }
      }
    }
  }
}
