package org.lotteryscaling.results;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * A child JVM's view of the tests' storage servers (see ClusterStorageTest). Its Hadoop settings
 * come as -Dspark.hadoop.* flags, turned into a Hadoop Configuration by Spark's own code (what a
 * driver or executor does), without starting a SparkContext, which would cost seconds. For each
 * pair of arguments TABLE FILE it counts the files the first commit of the Delta table TABLE
 * added, and writes FILE.
 */
public final class StorageProbe {
  private StorageProbe() {}

  public static void main(String[] args) throws Exception {
    Configuration hadoop = SparkHadoopUtil.get().newConfiguration(new SparkConf());
    for (int i = 0; i + 1 < args.length; i += 2) {
      Path commit = new Path(args[i], "_delta_log/00000000000000000000.json");
      FileSystem fs = FileSystem.get(URI.create(args[i]), hadoop);
      long added;
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
        added = in.lines().filter(line -> line.startsWith("{\"add\"")).count();
      }
      System.out.println("ADDED " + args[i] + " " + added);
      Path file = new Path(args[i + 1]);
      try (OutputStream out = FileSystem.get(URI.create(args[i + 1]), hadoop).create(file, true)) {
        out.write(("written by a child JVM, " + added + " files\n").getBytes(StandardCharsets.UTF_8));
      }
      System.out.println("WROTE " + file);
    }
  }
}
