package org.lotteryscaling.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.LossHistogram;
import org.lotteryscaling.stats.LossModes;
import org.lotteryscaling.stats.LossSummary;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.SynergyTest;
import org.lotteryscaling.stats.WidthLosses;

/**
 * runs -> loss_summary, loss_histogram, loss_modes, scaling_fit, synergy (schemas in {@link Tables}).
 *
 * <p>Spark groups the final losses per (target, activation, width), then per (target, activation):
 * one row per (target, activation) holding every width's ok losses (a paper-size grid: 9 widths x
 * 1000 seeds, 72 kB). Each table is a flatMap of the stats code over those rows on the executors;
 * no loss reaches the driver.
 */
public final class AggregateJob {
  private AggregateJob() {}

  /** Aggregates DIR/runs on a session for {@code master}; returns the rows written per table. */
  public static Map<String, Long> run(String master, String dir, AggregateSettings settings) {
    return run(Spark.session("lottery-aggregate", master), dir, settings);
  }

  public static Map<String, Long> run(SparkSession spark, String dir, AggregateSettings settings) {
    ResultsFolder folder = ResultsFolder.open(spark, dir).requireWritable();
    Dataset<Row> groups = lossesByTargetAndActivation(folder.runs()).persist();
    try {
      Map<String, Long> written = new LinkedHashMap<>();
      write(folder, written, Tables.LOSS_SUMMARY, groups, AggregateJob::summaryRows, "width");
      write(folder, written, Tables.LOSS_HISTOGRAM, groups, g -> histogramRows(g, settings.bins()), "width", "bin");
      write(folder, written, Tables.LOSS_MODES, groups, AggregateJob::modeRows, "width");
      write(folder, written, Tables.SCALING_FIT, groups, g -> fitRows(g, settings), "kind", "width_min");
      write(folder, written, Tables.SYNERGY, groups, g -> synergyRows(g, settings), "width");
      return written;
    } finally {
      groups.unpersist();
    }
  }

  /** One row per (target, activation): widths = array of struct(width, networks, losses of ok networks). */
  static Dataset<Row> lossesByTargetAndActivation(Dataset<Row> runs) {
    Dataset<Row> byWidth = runs
        .groupBy(col("target"), col("activation"), col("width"))
        .agg(count(lit(1)).as("networks"),
            collect_list(when(OkNetworks.column(), col("train_loss"))).as("losses"));
    return byWidth
        .groupBy(col("target"), col("activation"))
        .agg(collect_list(struct(col("width"), col("networks"), col("losses"))).as("widths"));
  }

  private interface GroupRows extends java.io.Serializable {
    List<Row> rows(LossGroup group);
  }

  private static void write(ResultsFolder folder, Map<String, Long> written, String table,
      Dataset<Row> groups, GroupRows rows, String... sortAfterGroup) {
    StructType schema = Tables.SCHEMAS.get(table);
    FlatMapFunction<Row, Row> perGroup = row -> rows.rows(LossGroup.of(row)).iterator();
    List<Column> order = new ArrayList<>(List.of(col("target"), col("activation")));
    for (String c : sortAfterGroup) {
      order.add(col(c));
    }
    DeltaTables.overwrite(groups.flatMap(perGroup, Encoders.row(schema))
        .repartition(1)
        .sortWithinPartitions(order.toArray(new Column[0])), folder.dir().resolve(table));
    written.put(table, folder.read(table).count());
  }

  static List<Row> summaryRows(LossGroup g) {
    List<Row> out = new ArrayList<>();
    for (WidthLosses w : g.widths()) {
      LossSummary s = LossSummary.of(w);
      out.add(RowFactory.create(g.target(), g.activation(), w.width(), s.networks(), (long) s.ok(),
          s.diverged(), orNull(s.min()), orNull(s.q10()), orNull(s.q25()), orNull(s.median()),
          orNull(s.q75()), orNull(s.q90()), orNull(s.max()), orNull(s.meanLog10()),
          orNull(s.sdLog10())));
    }
    return out;
  }

  static List<Row> histogramRows(LossGroup g, int bins) {
    LogBins edges = LogBins.spanning(g.widths(), bins);
    List<Row> out = new ArrayList<>();
    if (edges == null) {
      return out;
    }
    for (WidthLosses w : g.widths()) {
      long[] counts = LossHistogram.of(edges, w).counts();
      for (int k = 0; k < counts.length; k++) {
        Double fraction = w.ok() == 0 ? null : (double) counts[k] / w.ok();
        out.add(RowFactory.create(g.target(), g.activation(), w.width(), k, edges.edge(k),
            edges.edge(k + 1), counts[k], fraction));
      }
    }
    return out;
  }

  static List<Row> modeRows(LossGroup g) {
    List<Row> out = new ArrayList<>();
    for (WidthLosses w : g.widths()) {
      LossModes m = LossModes.of(w);
      List<Double> locations = new ArrayList<>();
      List<Long> members = new ArrayList<>();
      for (LossModes.Peak p : m.peaks()) {
        locations.add(p.log10Loss());
        members.add(p.networks());
      }
      LossModes.Peak lowest = m.lowest();
      out.add(RowFactory.create(g.target(), g.activation(), w.width(), w.networks(), (long) w.ok(),
          orNull(m.bandwidth()), m.count(), seq(locations), seq(members),
          lowest == null ? null : lowest.log10Loss(),
          lowest == null ? null : Math.pow(10, lowest.log10Loss()),
          lowest == null ? 0L : lowest.networks(), m.lotteryRate()));
    }
    return out;
  }

  static List<Row> fitRows(LossGroup g, AggregateSettings settings) {
    List<Row> out = new ArrayList<>();
    for (PowerLawFit f : PowerLawFit.fits(g.widths(), settings.resamples(), g.seed(settings.seed()))) {
      out.add(RowFactory.create(g.target(), g.activation(), f.kind().id(), f.widthMin(), f.widthMax(),
          f.widths(), f.alpha(), f.alphaLow(), f.alphaHigh(), f.prefactor(), f.resamples()));
    }
    return out;
  }

  static List<Row> synergyRows(LossGroup g, AggregateSettings settings) {
    List<Row> out = new ArrayList<>();
    for (WidthLosses full : g.widths()) {
      WidthLosses half = full.width() % 2 == 0 ? g.width(full.width() / 2) : null;
      if (half == null || half.ok() == 0 || full.ok() == 0) {
        continue;
      }
      SynergyTest t = SynergyTest.of(half, full,
          SynergyTest.seed(settings.seed(), g.target(), g.activation(), full.width()));
      out.add(RowFactory.create(g.target(), g.activation(), t.width(), t.halfWidth(), t.pairs(),
          t.trained(), t.ensembleMedian(), t.trainedMedian(), t.log10Ratio(), t.ksStatistic(),
          t.pValue(), t.verdict().id()));
    }
    return out;
  }

  /** Array columns of rows built for a Row encoder are Scala sequences. */
  private static <T> scala.collection.immutable.Seq<T> seq(List<T> xs) {
    return scala.jdk.javaapi.CollectionConverters.asScala(xs).toList();
  }

  /** Undefined statistics (NaN) are written as SQL null. */
  private static Double orNull(double x) {
    return Double.isNaN(x) ? null : x;
  }
}
