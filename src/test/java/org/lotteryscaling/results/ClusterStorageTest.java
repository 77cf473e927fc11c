package org.lotteryscaling.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage a results folder may live on, for real: a partitioned Delta table written, merged
 * into and read back, and a small text file written, renamed, listed and read, on HDFS
 * ({@link MiniHdfs}) and on S3 through s3a:// ({@link S3Server}); and a child JVM (as the crash
 * tests' drivers and executors are), given the S3 settings as -D flags, reading and writing both. One HDFS and one S3 server for the
 * whole class.
 */
@Tag("processes")
class ClusterStorageTest {
  static final StructType SCHEMA = new StructType()
      .add("target", DataTypes.StringType, false)
      .add("activation", DataTypes.StringType, false)
      .add("seed", DataTypes.IntegerType, false)
      .add("losses", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
  static final AtomicInteger TABLES = new AtomicInteger();

  static MiniHdfs hdfs;
  static S3Server s3;
  static SparkSession spark;

  @BeforeAll
  static void startServers() throws Exception {
    long t0 = System.nanoTime();
    s3 = new S3Server();  // its own JVM: starts while the HDFS and the SparkSession do
    CompletableFuture<MiniHdfs> starting = CompletableFuture.supplyAsync(() -> {
      try {
        MiniHdfs started = new MiniHdfs();
        System.out.printf("ClusterStorageTest: MiniHdfs up in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        return started;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    // A session created from here on reads the S3 settings as spark.hadoop.* system properties;
    // one that exists already (surefire runs every test class in one JVM) gets them set directly.
    s3.sparkSettings().forEach(System::setProperty);
    spark = Spark.session("cluster-storage-test", "local[2]");
    s3.hadoopSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
    hdfs = starting.join();
    s3.awaitReady(Duration.ofMinutes(2));
    System.out.printf("ClusterStorageTest: S3Server, MiniHdfs and SparkSession up in %d ms%n",
        (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stopServers() {
    if (s3 != null) {
      s3.sparkSettings().keySet().forEach(System::clearProperty);
      s3.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void aPartitionedDeltaTableOnHdfsIsWrittenMergedIntoAndRead() {
    deltaRoundTrip(hdfs.uri("results/table" + TABLES.incrementAndGet()));
  }

  @Test
  void aPartitionedDeltaTableOnS3IsWrittenMergedIntoAndRead() {
    deltaRoundTrip(s3.uri("results/table" + TABLES.incrementAndGet()));
  }

  @Test
  void aTextFileOnHdfsIsWrittenRenamedListedAndRead() throws IOException {
    fileRoundTrip(hdfs.uri("files/f" + TABLES.incrementAndGet()));
  }

  @Test
  void aTextFileOnS3IsWrittenRenamedListedAndRead() throws IOException {
    fileRoundTrip(s3.uri("files/f" + TABLES.incrementAndGet()));
  }

  @Test
  void aChildJvmReadsAndWritesBoth(@TempDir Path dir) throws Exception {
    String hdfsTable = hdfs.uri("child/table");
    String s3Table = s3.uri("child/table");
    for (String table : List.of(hdfsTable, s3Table)) {
      spark.createDataFrame(rows(row("x2", "silu", 0, 1.0), row("x2", "relu", 0, 2.0),
          row("sin", "silu", 1, 3.0)), SCHEMA).write().format("delta")
          .partitionBy("target", "activation").save(table);
    }
    String hdfsFile = hdfs.uri("child/from-child.txt");
    String s3File = s3.uri("child/from-child.txt");
    Path log = dir.resolve("child.log");
    Process child = ChildJvm.start(log, Map.of(), s3.jvmFlags(), StorageProbe.class.getName(),
        hdfsTable, hdfsFile, s3Table, s3File);
    try {
      assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM still running: " + tail(log));
      assertEquals(0, child.exitValue(), tail(log));
    } finally {
      ChildJvm.killTree(child);
    }
    String out = Files.readString(log);
    // Three rows in three partitions: three Parquet files.
    assertTrue(out.contains("ADDED " + hdfsTable + " 3"), tail(log));
    assertTrue(out.contains("ADDED " + s3Table + " 3"), tail(log));
    assertEquals("written by a child JVM, 3 files\n", read(hdfsFile));
    assertEquals("written by a child JVM, 3 files\n", read(s3File));
  }

  /** Four rows, then a MERGE of four more of which two are already there; six in the end. */
  private static void deltaRoundTrip(String table) {
    spark.createDataFrame(rows(
        row("x2", "silu", 0, 0.5, 0.25), row("x2", "silu", 1, 0.75),
        row("x2", "relu", 0, 1.5, 1.25, 1e-9), row("sin", "silu", 0, 3.0)), SCHEMA)
        .write().format("delta").partitionBy("target", "activation").save(table);

    String view = "storage_src_" + TABLES.incrementAndGet();
    spark.createDataFrame(rows(
        row("x2", "silu", 1, 99.0),        // there already: kept as it was
        row("x2", "silu", 2, 0.125),       // new seed in an existing partition
        row("sin", "relu", 0, 2.0, 1.0),   // new partition
        row("sin", "silu", 0, 99.0)), SCHEMA).createOrReplaceTempView(view);
    Row merged = spark.sql("MERGE INTO delta.`" + table + "` t USING " + view + " s"
        + " ON t.target = s.target AND t.activation = s.activation AND t.seed = s.seed"
        + " WHEN NOT MATCHED THEN INSERT *").first();
    assertEquals(2L, merged.getLong(merged.fieldIndex("num_inserted_rows")), table);
    spark.catalog().dropTempView(view);

    Map<String, List<Double>> read = new TreeMap<>();
    for (Row r : spark.read().format("delta").load(table).collectAsList()) {
      read.put(r.getString(r.fieldIndex("target")) + " " + r.getString(r.fieldIndex("activation"))
          + " " + r.getInt(r.fieldIndex("seed")), r.getList(r.fieldIndex("losses")));
    }
    Map<String, List<Double>> expected = new TreeMap<>(Map.of(
        "x2 silu 0", List.of(0.5, 0.25), "x2 silu 1", List.of(0.75),
        "x2 relu 0", List.of(1.5, 1.25, 1e-9), "sin silu 0", List.of(3.0),
        "x2 silu 2", List.of(0.125), "sin relu 0", List.of(2.0, 1.0)));
    assertEquals(expected, read, table);
    // Two commits (write, merge); Hive-style partition folders.
    try {
      FileSystem fs = fs(table);
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(table, "target=sin/activation=relu")), table);
      assertTrue(fs.exists(new org.apache.hadoop.fs.Path(table, "_delta_log/00000000000000000001.json")), table);
      assertFalse(fs.exists(new org.apache.hadoop.fs.Path(table, "_delta_log/00000000000000000002.json")), table);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** experiment.conf beside the tables: written under a temporary name, renamed, listed, read. */
  private static void fileRoundTrip(String folder) throws IOException {
    FileSystem fs = fs(folder);
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(folder);
    org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir, ".experiment.conf.tmp");
    org.apache.hadoop.fs.Path conf = new org.apache.hadoop.fs.Path(dir, "experiment.conf");
    String text = "name = storage\ntargets = [x2, sin]\nwidths = [1, 2, 4]\n# é, ∑\n";
    assertTrue(fs.mkdirs(new org.apache.hadoop.fs.Path(dir, "runs")));
    try (OutputStream out = fs.create(tmp, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(fs.rename(tmp, conf), folder);
    assertFalse(fs.exists(tmp), folder);
    assertThrows(FileAlreadyExistsException.class, () -> fs.create(conf, false).close());
    TreeSet<String> names = new TreeSet<>();
    for (FileStatus status : fs.listStatus(dir)) {
      names.add(status.getPath().getName() + (status.isDirectory() ? "/" : ""));
    }
    assertEquals(new TreeSet<>(List.of("experiment.conf", "runs/")), names, folder);
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, fs.getFileStatus(conf).getLen());
    assertEquals(text, read(conf.toString()));
    assertTrue(fs.delete(dir, true));
    assertFalse(fs.exists(conf));
  }

  private static FileSystem fs(String uri) throws IOException {
    return FileSystem.get(URI.create(uri), spark.sparkContext().hadoopConfiguration());
  }

  private static String read(String uri) throws IOException {
    try (InputStream in = fs(uri).open(new org.apache.hadoop.fs.Path(uri))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Row row(String target, String activation, int seed, double... losses) {
    return RowFactory.create(target, activation, seed,
        Arrays.stream(losses).boxed().toArray(Double[]::new));
  }

  private static List<Row> rows(Row... rows) {
    return List.of(rows);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
