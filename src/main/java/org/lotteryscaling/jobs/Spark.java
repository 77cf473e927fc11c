package org.lotteryscaling.jobs;

import org.apache.spark.sql.SparkSession;

/** Where the jobs get their SparkSession: one builder, so every job is configured alike. */
public final class Spark {
  private Spark() {}

  /** The default master when none is given: the embedded local[*] the launcher runs on. */
  public static final String DEFAULT_MASTER = "local[*]";

  /**
   * A session for {@code master} (null: use spark.master if spark-submit set it, else local[*]).
   * The UI is off and shuffle partitions are few: the tables here are small.
   */
  public static SparkSession session(String appName, String master) {
    requireSupportedJava(Runtime.version().feature());
    SparkSession.Builder builder = SparkSession.builder().appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.parquet.compression.codec", "snappy");
    String configured = System.getProperty("spark.master");
    if (master != null) {
      builder.master(master);
    } else if (configured == null) {
      builder.master(DEFAULT_MASTER);
    }
    return builder.getOrCreate();
  }

  /** The newest Java that Spark 4.0 (and the Hadoop client it ships) runs on. */
  static final int NEWEST_SUPPORTED_JAVA = 21;

  /**
   * Refuses a JVM Spark cannot start on, in one line instead of Hadoop's stack trace: from Java 23
   * on, {@code Subject.getSubject} throws, and Hadoop's login calls it before any job runs.
   */
  static void requireSupportedJava(int feature) {
    if (feature > NEWEST_SUPPORTED_JAVA) {
      throw new IllegalArgumentException("Spark 4.0 runs on Java 17 to " + NEWEST_SUPPORTED_JAVA
          + ", this is Java " + feature + ": put a Java 17 or 21 first on PATH (train-one and bench"
          + " run on any Java 17+)");
    }
  }
}
