package org.lotteryscaling.jobs;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.task.DataSampler;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Partitioner;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskCost;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;

/**
 * The train job: an experiment's grid into {@code DIR/runs}, one row per network, resumable.
 *
 * <ol>
 *   <li>claim the folder ({@link ExperimentFolder}: same experiment or refuse);
 *   <li>read which tasks {@code DIR/runs} already holds, and repair duplicates if any;
 *   <li>split the missing tasks into chunks of about equal cost, each chunk's tasks over
 *       partitions of about equal cost (LPT, {@link Partitioner});
 *   <li>per chunk, one Spark append job: executors train their partition's networks in-process
 *       (each target's data drawn once per partition) and the rows are committed through Spark's
 *       file commit protocol; a crash loses at most the chunk in flight.
 * </ol>
 * Guarantee: after a train returns, {@code DIR/runs} holds exactly one row per task of the grid,
 * whatever was killed before (driver, executors, a job commit half done). Why: a chunk's files
 * become visible only at job commit, whole files at a time (FileOutputCommitter v1); a killed
 * job's leftovers under {@code runs/_temporary} are deleted before the next job can commit them
 * along with its own; every run trains only the tasks no row holds yet; a task found twice (a
 * folder written outside this job or its lock) is repaired before training; and the job counts
 * rows and tasks at the end. A crash loses at most the chunks in flight.
 */
public final class TrainJob {
  private TrainJob() {}

  /** Written into every row's code_version. */
  public static final String CODE_VERSION = "lottery-scaling 0.1.0";

  /**
   * Default chunk size: neuron-steps per core, about a minute of the vector kernel per core (silu at
   * about 4.6e8 neuron-steps/s): long enough that the tail of each chunk (its last, unevenly
   * finishing partitions) and its commit are a small share, short enough that a crash loses little.
   */
  public static final long DEFAULT_CHUNK_NEURON_STEPS_PER_CORE = 25_000_000_000L;

  /** How a train runs (nothing here changes a result). */
  public record Options(long chunkNeuronStepsPerCore, PrintStream progress, double progressSeconds) {
    public Options {
      if (chunkNeuronStepsPerCore < 1) {
        throw new IllegalArgumentException("chunk size must be >= 1 neuron-step, got " + chunkNeuronStepsPerCore);
      }
    }
  }

  /** What a train did: tasks in the grid, found already committed, trained now, in how many chunks. */
  public record Summary(int tasks, int alreadyDone, int trained, int chunks, double seconds) {}

  public static Summary run(SparkSession spark, ExperimentConfig config, Path dir, Options options) {
    long start = System.nanoTime();
    try (ExperimentFolder ignored = ExperimentFolder.claim(dir, config)) {
      List<TaskKey> grid = config.tasks();
      RunsRepair.finishInterrupted(dir);
      RunsRepair.dropUncommitted(dir);
      Set<TaskKey> done = committedTasks(spark, config, dir);
      List<TaskKey> missing = new ArrayList<>();
      for (TaskKey key : grid) {
        if (!done.contains(key)) {
          missing.add(key);
        }
      }
      int cores = Math.max(1, spark.sparkContext().defaultParallelism());
      List<List<TaskKey>> chunks = chunks(config.settings(), missing, cores, options.chunkNeuronStepsPerCore());
      try (TrainProgress progress = new TrainProgress(spark, config.name(), grid.size(),
          done.size(), options.progress(), options.progressSeconds())) {
        for (List<TaskKey> chunk : chunks) {
          commitChunk(spark, config, dir, chunk, Math.min(chunk.size(), 2 * cores));
          progress.chunkCommitted(chunk.size());
        }
      }
      checkComplete(spark, dir, grid.size());
      return new Summary(grid.size(), done.size(), missing.size(), chunks.size(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The missing tasks in chunks of about {@code cores x perCore} neuron-steps, but never less than
   * one costliest task per core (so chunks of wide networks still keep every core busy), balanced
   * by LPT so the chunks cost about the same.
   */
  static List<List<TaskKey>> chunks(TaskSettings settings, List<TaskKey> missing, int cores, long perCore) {
    if (missing.isEmpty()) {
      return List.of();
    }
    long total = 0;
    long costliest = 0;
    for (TaskKey key : missing) {
      long cost = TaskCost.neuronSteps(settings, key);
      total += cost;
      costliest = Math.max(costliest, cost);
    }
    long perChunk = Math.max(saturatedProduct(cores, perCore), saturatedProduct(cores, costliest));
    long count = total / perChunk + (total % perChunk == 0 ? 0 : 1);
    count = Math.min(missing.size(), count);
    return Partitioner.balance(missing, key -> TaskCost.neuronSteps(settings, key), (int) Math.max(1, count));
  }

  private static long saturatedProduct(int a, long b) {
    return b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
  }

  /** Trains one chunk and appends its rows to DIR/runs in one Spark job (one commit). */
  static void commitChunk(SparkSession spark, ExperimentConfig config, Path dir, List<TaskKey> chunk,
      int partitions) {
    List<List<TaskKey>> bins = Partitioner.balance(chunk,
        key -> TaskCost.neuronSteps(config.settings(), key), partitions);
    List<ArrayList<String>> encoded = new ArrayList<>(bins.size());
    for (List<TaskKey> bin : bins) {
      ArrayList<String> keys = new ArrayList<>(bin.size());
      bin.forEach(key -> keys.add(encode(key)));
      encoded.add(keys);
    }
    String configText = config.canonical();
    String hash = config.hash();
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(encoded, encoded.size())
        .flatMap(keys -> trainPartition(configText, hash, keys));
    int attempts = 3;
    for (int attempt = 1; ; attempt++) {
      try {
        spark.sparkContext().setJobDescription("train " + config.name() + ": " + chunk.size() + " networks");
        spark.createDataFrame(rows, Tables.RUNS_SCHEMA).write().mode(SaveMode.Append)
            // v1: a job's files reach DIR/runs only at job commit, whole files at a time.
            .option("mapreduce.fileoutputcommitter.algorithm.version", "1")
            .partitionBy(Tables.RUNS_PARTITIONS)
            .parquet(Tables.path(dir, Tables.RUNS));
        return;
      } catch (Exception e) {
        // An aborted job leaves nothing in DIR/runs (its files are deleted with _temporary);
        // a lost executor past spark.task.maxFailures is worth another try of the whole chunk.
        if (!(e instanceof SparkException || e.getCause() instanceof SparkException) || attempt == attempts) {
          throw sneaky(e);
        }
      }
    }
  }

  /** Executor side: trains the networks of one partition, drawing each target's data once. */
  static Iterator<Row> trainPartition(String configText, String hash, List<String> keys) {
    ExperimentConfig config = ExperimentConfig.parse(configText, "experiment");
    TaskSettings settings = config.settings();
    Map<Target, Dataset[]> data = new EnumMap<>(Target.class);
    List<Row> rows = new ArrayList<>(keys.size());
    for (String encoded : keys) {
      TaskKey key = decode(encoded);
      Dataset[] sets = data.computeIfAbsent(key.target(), t -> new Dataset[] {
          DataSampler.train(t, settings.data()), DataSampler.test(t, settings.data())});
      rows.add(Tables.runRow(key, TaskRunner.run(settings, key, sets[0], sets[1]), hash,
          CODE_VERSION));
    }
    return rows.iterator();
  }

  /** The tasks DIR/runs holds rows for; refuses rows of another config; repairs duplicate keys. */
  static Set<TaskKey> committedTasks(SparkSession spark, ExperimentConfig config, Path dir) {
    if (!Files.isDirectory(dir.resolve(Tables.RUNS))) {
      return Set.of();
    }
    List<Row> keys = readKeys(spark, dir);
    Set<TaskKey> done = new HashSet<>();
    Map<String, Integer> foreign = new HashMap<>();
    boolean duplicates = false;
    for (Row row : keys) {
      String hash = row.getString(4);
      if (!config.hash().equals(hash)) {
        foreign.merge(hash, 1, Integer::sum);
        continue;
      }
      duplicates |= !done.add(new TaskKey(Target.parse(row.getString(0)),
          Activation.parse(row.getString(1)), row.getInt(2), row.getLong(3)));
    }
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException(dir.resolve(Tables.RUNS) + " holds rows of another config "
          + foreign + " next to this config's (hash " + config.hash() + "); it was not written by this train");
    }
    if (duplicates) {
      RunsRepair.dropDuplicates(spark, dir);
    }
    return done;
  }

  private static List<Row> readKeys(SparkSession spark, Path dir) {
    try {
      return Tables.readRuns(spark, dir)
          .select("target", "activation", "width", "seed", "config_hash").collectAsList();
    } catch (Exception e) {
      if (e instanceof AnalysisException || e instanceof SparkException
          || e.getCause() instanceof SparkException) {
        throw new IllegalArgumentException("cannot read " + dir.resolve(Tables.RUNS)
            + " as a runs table: " + e.getMessage().lines().findFirst().orElse(""));
      }
      throw sneaky(e);
    }
  }

  private static void checkComplete(SparkSession spark, Path dir, int tasks) {
    List<Row> keys = readKeys(spark, dir);
    Set<String> distinct = new HashSet<>();
    for (Row row : keys) {
      distinct.add(row.getString(0) + " " + row.getString(1) + " " + row.getInt(2) + " " + row.getLong(3));
    }
    if (keys.size() != tasks || distinct.size() != tasks) {
      throw new IllegalStateException(dir.resolve(Tables.RUNS) + " holds " + keys.size() + " rows for "
          + distinct.size() + " tasks, expected one row for each of " + tasks + " tasks");
    }
  }

  /** Spark's Scala code throws checked exceptions undeclared; rethrow them as they are. */
  @SuppressWarnings("unchecked")
  private static <E extends Exception> RuntimeException sneaky(Exception e) throws E {
    throw (E) e;
  }

  static String encode(TaskKey key) {
    return key.target().id() + " " + key.activation().id() + " " + key.width() + " " + key.seedIndex();
  }

  static TaskKey decode(String encoded) {
    String[] parts = encoded.split(" ");
    return new TaskKey(Target.parse(parts[0]), Activation.parse(parts[1]),
        Integer.parseInt(parts[2]), Long.parseLong(parts[3]));
  }
}
