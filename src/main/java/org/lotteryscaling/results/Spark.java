package org.lotteryscaling.results;

import org.apache.spark.sql.SparkSession;

/** Where the jobs get their SparkSession: one builder, so every job is configured alike. */
public final class Spark {
  private Spark() {}

  /** The default master when none is given: the embedded local[*] the launcher runs on. */
  public static final String DEFAULT_MASTER = "local[*]";

  private static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

  /**
   * A session for {@code master} (null: use spark.master if spark-submit set it, else local[*]).
   * Delta Lake is on (every table is a Delta table, see {@link DeltaTables}); the UI is off and
   * shuffle partitions are few: the tables here are small. So are their transaction logs: Delta
   * rebuilds a table's snapshot in 50 partitions by default, and 2 made `aggregate` of a 40-network
   * folder 1.45x faster on local[2] (docs/performance.md); a spark.* property or --conf wins.
   */
  public static SparkSession session(String appName, String master) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.parquet.compression.codec", "snappy");
    if (System.getProperty(SNAPSHOT_PARTITIONS) == null) {
      builder.config(SNAPSHOT_PARTITIONS, "2");
    }
    String configured = System.getProperty("spark.master");
    if (master != null) {
      builder.master(master);
    } else if (configured == null) {
      builder.master(DEFAULT_MASTER);
    }
    try (StepTimes.Step step = StepTimes.start(null, "spark session")) {
      return builder.getOrCreate();
    }
  }
}
