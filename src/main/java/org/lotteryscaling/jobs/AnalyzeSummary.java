package org.lotteryscaling.jobs;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.Tables;

/**
 * The headline numbers of the mechanism tables, printed after `lottery analyze` writes them: the
 * lottery ticket's canonical parameters (median over the lowest-loss peak), the algorithms, the
 * effective ticket counts, the distilled losses and the ensembles against the harmonic formula.
 * Everything printed is a Spark SQL query over the written tables, so it can be rerun by hand;
 * SQL's percentile(x, p) is the type-7 quantile of stats.Quantiles (AnalyzeJobTest checks it).
 */
final class AnalyzeSummary {
  private AnalyzeSummary() {}

  static void print(SparkSession spark, StorageFolder dir, PrintWriter out) {
    for (var table : org.lotteryscaling.tables.ResultTables.MECHANISMS) {
      Tables.read(spark, dir, table.name()).createOrReplaceTempView(table.name());
    }
    section(spark, out, "lottery tickets (width 2, lowest-loss peak; medians of canonical parameters)", """
        SELECT target, activation, count(*) AS networks, max(peak) + 1 AS peaks,
               sum(CASE WHEN peak = 0 THEN 1 ELSE 0 END) AS in_peak_0,
               min(CASE WHEN peak = 0 THEN peak_log10_loss END) AS peak_0_log10_loss,
               avg(CASE WHEN peak = 0 THEN CAST(symmetric AS INT) END) AS peak_0_symmetric_share,
               percentile(CASE WHEN peak = 0 THEN w[0] END, 0.5) AS w1,
               percentile(CASE WHEN peak = 0 THEN w[size(w) DIV 2] END, 0.5) AS w2,
               percentile(CASE WHEN peak = 0 THEN b[0] END, 0.5) AS b1,
               percentile(CASE WHEN peak = 0 THEN b[1] END, 0.5) AS b2,
               percentile(CASE WHEN peak = 0 THEN v[0] END, 0.5) AS v1,
               percentile(CASE WHEN peak = 0 THEN v[1] END, 0.5) AS v2,
               percentile(CASE WHEN peak = 0 THEN c END, 0.5) AS c
        FROM tickets GROUP BY target, activation ORDER BY target, activation""");
    section(spark, out, "algorithms (width 2 below the loss cut, appendix B)", """
        SELECT target, activation, clusters, silhouette, algorithm, networks, mean_loss, median_loss,
               symmetric, mean_params
        FROM algorithms ORDER BY target, activation, algorithm""");
    section(spark, out, "effective number of independent tickets (appendix C)", """
        SELECT target, activation, width, count(*) AS networks,
               percentile(effective_tickets, 0.5) AS median_effective, min(effective_tickets) AS min,
               max(effective_tickets) AS max, avg(CAST(exact_pairing AS INT)) AS exact_share
        FROM ticket_correlation GROUP BY target, activation, width
        ORDER BY target, activation, width""");
    section(spark, out, "distilled width-2 networks vs trained width 2 (appendix D)", """
        SELECT d.target, d.activation, d.source_width, count(*) AS networks,
               min(d.train_loss) AS lowest_distilled, percentile(d.train_loss, 0.5) AS median_distilled,
               first(t.median_trained) AS median_trained_width_2,
               first(t.lowest_trained) AS lowest_trained_width_2
        FROM distilled d LEFT JOIN (
          SELECT target, activation, percentile(train_loss, 0.5) AS median_trained,
                 min(train_loss) AS lowest_trained
          FROM tickets GROUP BY target, activation) t
        ON d.target = t.target AND d.activation = t.activation
        GROUP BY d.target, d.activation, d.source_width ORDER BY d.target, d.activation""");
    section(spark, out, "least-squares ensembles of two N/2 networks vs 1/(1/L1 + 1/L2)", """
        SELECT target, activation, half_width, width, count(*) AS pairs,
               percentile(ensemble_over_harmonic, 0.5) AS median_ratio,
               percentile(ensemble_loss, 0.5) AS median_ensemble_loss,
               percentile(harmonic_loss, 0.5) AS median_harmonic_loss
        FROM ensembles GROUP BY target, activation, half_width, width
        ORDER BY target, activation, half_width""");
    out.flush();
  }

  private static void section(SparkSession spark, PrintWriter out, String title, String sql) {
    var result = spark.sql(sql);
    var rows = result.collectAsList();
    if (rows.isEmpty()) {
      return;
    }
    out.println();
    out.println("== " + title);
    out.println(String.join("  ", result.columns()));
    for (Row r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        if (i > 0) {
          line.append("  ");
        }
        line.append(format(r.get(i)));
      }
      out.println(line);
    }
  }

  private static String format(Object value) {
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.6g", d);
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      StringBuilder s = new StringBuilder("[");
      for (int i = 0; i < seq.length(); i++) {
        s.append(i > 0 ? ", " : "").append(format(seq.apply(i)));
      }
      return s.append(']').toString();
    }
    return String.valueOf(value);
  }
}
