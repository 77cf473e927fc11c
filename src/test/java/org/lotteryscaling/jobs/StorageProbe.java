package org.lotteryscaling.jobs;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A child JVM's view of the tests' storage servers (see ClusterStorageTest): for each pair of
 * arguments TABLE FILE it counts the rows of the Delta table TABLE and writes FILE, with a
 * SparkSession built like the jobs' and the Hadoop settings it got as -Dspark.hadoop.* flags.
 */
public final class StorageProbe {
  private StorageProbe() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = Spark.session("storage-probe", "local[1]");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (int i = 0; i + 1 < args.length; i += 2) {
      long rows = spark.read().format("delta").load(args[i]).count();
      System.out.println("ROWS " + args[i] + " " + rows);
      Path file = new Path(args[i + 1]);
      FileSystem fs = FileSystem.get(URI.create(args[i + 1]), hadoop);
      try (OutputStream out = fs.create(file, true)) {
        out.write(("written by a child JVM, " + rows + " rows\n").getBytes(StandardCharsets.UTF_8));
      }
      System.out.println("WROTE " + file);
    }
    spark.stop();
  }
}
