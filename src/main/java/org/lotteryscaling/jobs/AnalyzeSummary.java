package org.lotteryscaling.jobs;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.task.Sweep;

/**
 * The headline numbers of the mechanism tables, printed after `lottery analyze` writes them: the
 * lottery ticket's canonical parameters (median over the lowest-loss peak), the algorithms, the
 * effective ticket counts, the distilled losses and the ensembles against the harmonic formula.
 * Everything printed is a Spark SQL query over the written tables, so it can be rerun by hand;
 * SQL's percentile(x, p) is the type-7 quantile of stats.Quantiles (AnalyzeJobTest checks it).
 */
final class AnalyzeSummary {
  private AnalyzeSummary() {}

  /**
   * Prints the summaries; a swept experiment's are per setting, its sweep columns following
   * target and activation in every select, group and join ({@code , $s} in the queries below).
   */
  static void print(SparkSession spark, StorageFolder dir, Sweep sweep, PrintWriter out) {
    for (var table : org.lotteryscaling.tables.ResultTables.MECHANISMS) {
      Tables.read(spark, dir, table.name()).createOrReplaceTempView(table.name());
    }
    String[] swept = SweepColumns.names(sweep);
    String columns = swept.length == 0 ? "" : ", " + String.join(", ", swept);
    String dColumns = Arrays.stream(swept).map(c -> ", d." + c).collect(Collectors.joining());
    String join = Arrays.stream(swept).map(c -> " AND d." + c + " <=> t." + c)
        .collect(Collectors.joining());
    UnaryOperator<String> bySetting = sql -> sql.replace(", $d", dColumns)
        .replace(", $s", columns).replace(" $join", join);
    Section section = (title, sql) -> section(spark, out, title, bySetting.apply(sql));
    section.print( "lottery tickets (width 2, lowest-loss peak; medians of canonical parameters)", """
        SELECT target, activation, $s, count(*) AS networks, max(peak) + 1 AS peaks,
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
        FROM tickets GROUP BY target, activation, $s ORDER BY target, activation, $s""");
    section.print("algorithms (width 2 below the loss cut, appendix B)", """
        SELECT target, activation, $s, clusters, silhouette, algorithm, networks, mean_loss, median_loss,
               symmetric, mean_params
        FROM algorithms ORDER BY target, activation, $s, algorithm""");
    section.print("effective number of independent tickets (appendix C)", """
        SELECT target, activation, $s, width, count(*) AS networks,
               percentile(effective_tickets, 0.5) AS median_effective, min(effective_tickets) AS min,
               max(effective_tickets) AS max, avg(CAST(exact_pairing AS INT)) AS exact_share
        FROM ticket_correlation GROUP BY target, activation, $s, width
        ORDER BY target, activation, $s, width""");
    section.print("distilled width-2 networks vs trained width 2 (appendix D)", """
        SELECT d.target, d.activation, $d, d.source_width, count(*) AS networks,
               min(d.train_loss) AS lowest_distilled, percentile(d.train_loss, 0.5) AS median_distilled,
               first(t.median_trained) AS median_trained_width_2,
               first(t.lowest_trained) AS lowest_trained_width_2
        FROM distilled d LEFT JOIN (
          SELECT target, activation, $s, percentile(train_loss, 0.5) AS median_trained,
                 min(train_loss) AS lowest_trained
          FROM tickets GROUP BY target, activation, $s) t
        ON d.target = t.target AND d.activation = t.activation $join
        GROUP BY d.target, d.activation, $d, d.source_width
        ORDER BY d.target, d.activation, $d""");
    section.print("least-squares ensembles of two N/2 networks vs 1/(1/L1 + 1/L2)", """
        SELECT target, activation, $s, half_width, width, count(*) AS pairs,
               percentile(ensemble_over_harmonic, 0.5) AS median_ratio,
               percentile(ensemble_loss, 0.5) AS median_ensemble_loss,
               percentile(harmonic_loss, 0.5) AS median_harmonic_loss
        FROM ensembles GROUP BY target, activation, $s, half_width, width
        ORDER BY target, activation, $s, half_width""");
    out.flush();
  }

  private interface Section {
    void print(String title, String sql);
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
