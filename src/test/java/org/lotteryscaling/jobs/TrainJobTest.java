package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.cli.Lottery;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Partitioner;
import org.lotteryscaling.task.TaskCost;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;

/** The train job end to end on local[2]: rows, schema, statuses, losses, resume, refusal. */
class TrainJobTest {
  /** A small grid: 2 activations x 2 widths x 3 seeds, a few hundred steps on few points. */
  static final String TINY = String.join("\n",
      "name = tiny", "targets = [x2]", "activations = [silu, leaky_relu]", "widths = [1, 3]",
      "seeds = 3", "seed-offset = 2", "data { points = 40, test-points = 30 }",
      "training { steps = 300, decay-every = 100, curve-points = 8 }");

  static SparkSession spark() {
    return Spark.session("train-job-test", "local[2]");
  }

  static TrainJob.Options quiet(long chunk) {
    return new TrainJob.Options(chunk, null, 1.0);
  }

  static ExperimentConfig trainTinyInOneChunk(SparkSession spark, Path dir) {
    ExperimentConfig config = ExperimentConfig.parse(TINY, "x");
    TrainJob.run(spark, config, TestFolders.of(dir), quiet(Long.MAX_VALUE / 4));
    return config;
  }

  /** Keyed by "target activation width seed". */
  static Map<String, Row> rowsByKey(SparkSession spark, Path dir) {
    return rowsByKey(spark, TestFolders.of(dir));
  }

  /** As {@link #rowsByKey(SparkSession, Path)}, for a folder on any file system. */
  static Map<String, Row> rowsByKey(SparkSession spark, StorageFolder dir) {
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : Tables.readRuns(spark, dir).collectAsList()) {
      Row previous = byKey.put(r.getString(r.fieldIndex("target")) + " " + r.getString(r.fieldIndex("activation"))
          + " " + r.getInt(r.fieldIndex("width")) + " " + r.getLong(r.fieldIndex("seed")), r);
      assertEquals(null, previous, "a task has two rows");
    }
    return byKey;
  }

  @Test
  void aSmallGridGivesOneRowPerTaskWithTheLossesOfTaskRunnerBitForBit(@TempDir Path dir) {
    SparkSession spark = spark();
    ExperimentConfig config = ExperimentConfig.parse(TINY, "x");
    // A chunk budget of a few small tasks per core: three chunks, i.e. three commits.
    TrainJob.Summary s = TrainJob.run(spark, config, TestFolders.of(dir), quiet(4L * 40 * 300));
    assertEquals(12, s.tasks());
    assertEquals(0, s.alreadyDone());
    assertEquals(12, s.trained());
    assertTrue(s.chunks() > 1, "chunks: " + s.chunks());

    org.apache.spark.sql.Dataset<Row> table = TestFolders.read(spark, dir, Tables.RUNS);
    for (StructField field : Tables.RUNS_SCHEMA.fields()) {
      assertEquals(field.dataType().sql(), table.schema().apply(field.name()).dataType().sql(), field.name());
    }
    assertEquals(Tables.RUNS_SCHEMA.size(), table.schema().size());
    assertTrue(Files.isDirectory(dir.resolve("runs/target=x2/activation=leaky_relu")));
    // One Delta commit per chunk, the first creating the table (no empty creating commit).
    assertTrue(Files.exists(dir.resolve("runs/_delta_log/" + String.format("%020d.json", s.chunks() - 1))));
    assertFalse(Files.exists(dir.resolve("runs/_delta_log/" + String.format("%020d.json", s.chunks()))));

    Map<String, Row> rows = rowsByKey(spark, dir);
    assertEquals(12, rows.size());
    for (TaskKey key : config.tasks()) {
      Row r = rows.get(TrainJob.encode(key));
      TrainResult expected = TaskRunner.run(config.settings(), key);
      assertEquals("ok", r.getString(r.fieldIndex("status")));
      assertEquals(config.hash(), r.getString(r.fieldIndex("config_hash")));
      assertEquals(TrainJob.CODE_VERSION, r.getString(r.fieldIndex("code_version")));
      assertEquals(1, r.getInt(r.fieldIndex("input_dim")));
      assertEquals(300, r.getInt(r.fieldIndex("steps")));
      assertEquals(Double.doubleToRawLongBits(expected.trainLoss()),
          Double.doubleToRawLongBits(r.getDouble(r.fieldIndex("train_loss"))), key.toString());
      assertEquals(Double.doubleToRawLongBits(expected.testLoss()),
          Double.doubleToRawLongBits(r.getDouble(r.fieldIndex("test_loss"))), key.toString());
      assertEquals(expected.network(), Tables.network(r), key.toString());
      assertEquals(expected.curveSteps().length, r.getList(r.fieldIndex("curve_loss")).size());
      assertTrue(r.getDouble(r.fieldIndex("seconds")) > 0);
    }

    // The same config again trains nothing and changes nothing.
    TrainJob.Summary again = TrainJob.run(spark, config, TestFolders.of(dir), quiet(4L * 40 * 300));
    assertEquals(12, again.alreadyDone());
    assertEquals(0, again.trained());
    Map<String, Row> after = rowsByKey(spark, dir);
    rows.forEach((key, row) -> assertEquals(row, after.get(key)));
  }

  @Test
  void aSweptGridCarriesItsSettingInColumnsAndTrainsEachTaskWithItsOwnSettings(@TempDir Path dir) {
    SparkSession spark = spark();
    ExperimentConfig config = ExperimentConfig.parse(
        TINY.replace("activations = [silu, leaky_relu]", "activations = [silu]")
            + "\nsweep { \"data.points\" = [20, 40], \"training.lr\" = [0.01, 0.03] }", "x");
    TrainJob.Summary s = TrainJob.run(spark, config, TestFolders.of(dir), quiet(4L * 40 * 300));
    assertEquals(2 * 3 * 4, s.tasks());
    assertEquals(24, s.trained());

    org.apache.spark.sql.Dataset<Row> table = TestFolders.read(spark, dir, Tables.RUNS);
    StructField[] fields = table.schema().fields();
    assertEquals(Tables.RUNS_SCHEMA.size() + 2, fields.length);
    for (StructField field : Tables.RUNS_SCHEMA.fields()) {
      assertEquals(field.dataType().sql(), table.schema().apply(field.name()).dataType().sql(), field.name());
    }
    assertEquals("INT", table.schema().apply("data_points").dataType().sql());
    assertEquals("DOUBLE", table.schema().apply("training_lr").dataType().sql());

    Map<String, Row> rows = new HashMap<>();
    for (Row r : table.collectAsList()) {
      TaskKey key = new TaskKey(org.lotteryscaling.task.Target.parse(r.getAs("target")),
          org.lotteryscaling.nn.Activation.parse(r.getAs("activation")), r.<Integer>getAs("width"),
          r.<Long>getAs("seed"), org.lotteryscaling.task.Setting.parse("data.points="
              + r.<Integer>getAs("data_points") + " training.lr=" + r.<Double>getAs("training_lr")));
      assertEquals(null, rows.put(TrainJob.encode(key), r), "a task has two rows");
    }
    assertEquals(24, rows.size());
    java.util.Set<Long> trainBits = new java.util.HashSet<>();
    for (TaskKey key : config.tasks()) {
      Row r = rows.get(TrainJob.encode(key));
      TrainResult expected = TaskRunner.run(config.settings(), key);
      assertEquals(Double.doubleToRawLongBits(expected.trainLoss()),
          Double.doubleToRawLongBits(r.getDouble(r.fieldIndex("train_loss"))), key.toString());
      assertEquals(expected.network(), Tables.network(r), key.toString());
      trainBits.add(Double.doubleToRawLongBits(expected.trainLoss()));
    }
    assertEquals(24, trainBits.size(), "every setting trains its own network");

    TrainJob.Summary again = TrainJob.run(spark, config, TestFolders.of(dir), quiet(4L * 40 * 300));
    assertEquals(24, again.alreadyDone());
    assertEquals(0, again.trained());
  }

  @Test
  void theTasksOfAPointsSweepAreWeighedByTheirOwnPoints() {
    ExperimentConfig config = ExperimentConfig.parse("widths = [2, 10, 50]\nseeds = 16\n"
        + "activations = [silu]\nsweep { \"data.points\" = [100, 1000, 10000] }", "x");
    long total = TaskCost.neuronSteps(config.settings(), config.tasks());
    assertEquals(16L * (2 + 10 + 50) * (100 + 1000 + 10000) * 50_000, total);
    List<List<TaskKey>> chunks = TrainJob.chunks(config.settings(), config.tasks(), 2, total / 12);
    for (List<TaskKey> chunk : chunks) {
      List<List<TaskKey>> bins = Partitioner.balance(chunk,
          k -> TaskCost.neuronSteps(config.settings(), k), Math.min(chunk.size(), 4));
      long max = 0;
      long min = Long.MAX_VALUE;
      long costliest = 0;
      for (List<TaskKey> bin : bins) {
        long cost = TaskCost.neuronSteps(config.settings(), bin);
        max = Math.max(max, cost);
        min = Math.min(min, cost);
        for (TaskKey k : bin) {
          costliest = Math.max(costliest, TaskCost.neuronSteps(config.settings(), k));
        }
      }
      // LPT: no partition exceeds the lightest by more than one task.
      assertTrue(max - min <= costliest, chunk.size() + " tasks: " + max + " vs " + min);
    }
  }

  @Test
  void chunksHoldEveryMissingTaskOnceAndAWideNetworkSitsAloneInItsPartition() {
    ExperimentConfig config = ExperimentConfig.parse(
        "widths = [1, 2, 3, 4, 10, 20, 10000]\nseeds = 20\nactivations = [silu]", "x");
    long perNeuron = 1000L * 50_000;  // points x steps
    List<List<TaskKey>> chunks = TrainJob.chunks(config.settings(), config.tasks(), 4, 20 * perNeuron);
    assertEquals(config.taskCount(), chunks.stream().mapToInt(List::size).sum());
    assertEquals(config.taskCount(), chunks.stream().flatMap(List::stream).distinct().count());
    // A chunk costs at least one wide network per core (4 x 10000 neurons): 20 x 10040 neurons
    // in all make 6 chunks; LPT spreads the 20 wide networks 4, 4, 3, 3, 3, 3.
    assertEquals(6, chunks.size());
    for (List<TaskKey> chunk : chunks) {
      long wide = chunk.stream().filter(k -> k.width() == 10_000).count();
      assertTrue(wide >= 3 && wide <= 4, chunk.toString());
      // Within the chunk, every wide network has a partition to itself.
      List<List<TaskKey>> bins = Partitioner.balance(chunk,
          k -> TaskCost.neuronSteps(config.settings(), k), Math.min(chunk.size(), 8));
      for (List<TaskKey> bin : bins) {
        assertTrue(bin.size() == 1 || bin.stream().noneMatch(k -> k.width() == 10_000), bin.toString());
      }
    }
    assertTrue(TrainJob.chunks(config.settings(), List.of(), 4, 1).isEmpty());
  }

  @Test
  void aMissingTaskIsTrainedAndADuplicatedOneRepairedOnResume(@TempDir Path dir) {
    SparkSession spark = spark();
    ExperimentConfig config = trainTinyInOneChunk(spark, dir);
    Map<String, Row> clean = rowsByKey(spark, dir);
    StorageFolder folder = TestFolders.of(dir);
    // Damage the table as a foreign writer could: rows of silu/N=1 appended a second time, and
    // the rows of leaky_relu deleted (a lost chunk), each in a Delta commit of its own.
    String runs = TestFolders.path(dir, Tables.RUNS);
    Tables.readRuns(spark, folder).where("activation = 'silu' AND width = 1").localCheckpoint()
        .write().format("delta").mode(SaveMode.Append).save(runs);
    DeltaTable.forPath(spark, runs).delete("activation = 'leaky_relu'");
    assertEquals(6 + 3, Tables.readRuns(spark, folder).count());

    TrainJob.Summary s = TrainJob.run(spark, config, folder, quiet(Long.MAX_VALUE / 4));
    assertEquals(6, s.alreadyDone());
    assertEquals(6, s.trained());
    Map<String, Row> repaired = rowsByKey(spark, dir);
    assertEquals(12, repaired.size());
    assertEquals(12, Tables.readRuns(spark, folder).count());
    clean.forEach((key, row) -> {
      Row r = repaired.get(key);
      for (String column : List.of("train_loss", "test_loss", "c")) {
        assertEquals(row.getDouble(row.fieldIndex(column)), r.getDouble(r.fieldIndex(column)), 0.0, key);
      }
      assertEquals(Tables.network(row), Tables.network(r), key);
    });
  }

  @Test
  void dataFilesAKilledCommitLeftAreNeverRows(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Path clean = dir.resolve("clean");
    ExperimentConfig config = trainTinyInOneChunk(spark, clean);
    // A train killed in the middle of a commit: its data files are written, the log entry that
    // would name them is not. Here: every data file of a finished table, under an empty table.
    Path killed = dir.resolve("killed");
    Files.createDirectories(killed);
    Files.copy(clean.resolve(ExperimentFolder.EXPERIMENT_FILE), killed.resolve(ExperimentFolder.EXPERIMENT_FILE));
    DeltaTables.createIfAbsent(spark, TestFolders.of(killed).resolve(Tables.RUNS), Tables.RUNS_SCHEMA,
        Tables.RUNS_PARTITIONS);
    int copied = 0;
    try (var files = Files.walk(clean.resolve("runs/target=x2"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        Path target = killed.resolve(Tables.RUNS).resolve(clean.resolve(Tables.RUNS).relativize(p));
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
        copied++;
      }
    }
    assertTrue(copied > 0);
    assertEquals(0, Tables.readRuns(spark, TestFolders.of(killed)).count());
    TrainJob.Summary s = TrainJob.run(spark, config, TestFolders.of(killed), quiet(Long.MAX_VALUE / 4));
    assertEquals(0, s.alreadyDone());
    assertEquals(12, s.trained());
    assertEquals(12, Tables.readRuns(spark, TestFolders.of(killed)).count());
    assertEquals(12, rowsByKey(spark, killed).size());
  }

  @Test
  void aFolderOfAnotherExperimentOrAForeignTableIsRefusedUntouched(@TempDir Path dir) throws Exception {
    SparkSession spark = spark();
    Path folder = dir.resolve("a");
    ExperimentConfig config = trainTinyInOneChunk(spark, folder);
    String before = Files.readString(folder.resolve(ExperimentFolder.EXPERIMENT_FILE));
    ExperimentConfig other = ExperimentConfig.parse(TINY + "\nseeds = 4", "x");
    UserError e = assertThrows(UserError.class,
        () -> TrainJob.run(spark, other, TestFolders.of(folder), quiet(Long.MAX_VALUE / 4)));
    assertTrue(e.getMessage().contains(config.hash()) && e.getMessage().contains(other.hash()), e.getMessage());
    assertEquals(before, Files.readString(folder.resolve(ExperimentFolder.EXPERIMENT_FILE)));
    assertEquals(12, Tables.readRuns(spark, TestFolders.of(folder)).count());

    // A runs table without experiment.conf, and experiment.conf that is not a config.
    Path foreign = dir.resolve("b");
    Files.createDirectories(foreign.resolve(Tables.RUNS));
    e = assertThrows(UserError.class, () -> ExperimentFolder.check(TestFolders.of(foreign), config));
    assertTrue(e.getMessage().contains("no experiment.conf"), e.getMessage());
    Path corrupt = dir.resolve("c");
    Files.createDirectories(corrupt);
    Files.writeString(corrupt.resolve(ExperimentFolder.EXPERIMENT_FILE), "seeds = {");
    e = assertThrows(UserError.class, () -> TrainJob.run(spark, config, TestFolders.of(corrupt), quiet(1)));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    Path file = dir.resolve("d");
    Files.writeString(file, "x");
    assertThrows(UserError.class, () -> ExperimentFolder.check(TestFolders.of(file), config));
  }

  @Test
  void theCommandLineTrainsAndReportsBadInputAsOneLine(@TempDir Path dir) throws Exception {
    spark();
    Path conf = dir.resolve("tiny.conf");
    Files.writeString(conf, TINY);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int code;
    System.setErr(new PrintStream(progress, true, StandardCharsets.UTF_8));
    try {
      code = Lottery.execute(new PrintWriter(out, true), new PrintWriter(err, true), "train",
          "--conf", conf.toString(), "--out", dir.resolve("out").toString(), "--master", "local[2]",
          "--set", "seeds=2");
    } finally {
      System.setErr(originalErr);
    }
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("8 networks"), out.toString());
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("train tiny: 8/8 networks (100.0%)"),
        progress.toString(StandardCharsets.UTF_8));
    assertEquals(8, Tables.readRuns(spark(), TestFolders.of(dir.resolve("out"))).count());

    String[][] bad = {
      {"train", "--conf", conf.toString(), "--set", "activations=[swish]"},
      {"train", "--conf", conf.toString(), "--set", "widths=[0]"},
      {"train", "--conf", conf.toString(), "--set", "trainig.lr=1"},
      {"train", "--conf", dir.resolve("missing.conf").toString()},
      {"train", "--conf", conf.toString(), "--out", dir.resolve("out").toString(), "--set", "seeds=3"},
      {"train"},
    };
    for (String[] args : bad) {
      StringWriter e = new StringWriter();
      int c = Lottery.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true), args);
      String line = e.toString().trim();
      assertEquals(2, c, String.join(" ", args) + ": " + line);
      assertTrue(line.startsWith("lottery: ") && !line.contains("\n") && !line.contains("Exception"), line);
    }
  }
}
