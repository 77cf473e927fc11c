package org.lotteryscaling.jobs;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.CodeVersion;
import org.lotteryscaling.UserError;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.KernelType;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.RunsRepair;
import org.lotteryscaling.results.SparkErrors;
import org.lotteryscaling.results.StepTimes;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.SweepColumns;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.task.DataSampler;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Partitioner;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.Sweep;
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
 *   <li>per chunk, one Spark job: executors train their partition's networks in-process (each
 *       target's data drawn once per partition); the driver then commits the chunk's rows as one
 *       Delta transaction that inserts only the tasks the table does not hold yet.
 * </ol>
 * Guarantee: after a train returns, {@code DIR/runs} holds exactly one row per task of the grid,
 * whatever was killed before (driver, executors, a commit half done), on any file system Delta
 * supports. Why: a chunk's rows become visible only when its commit lands in the table's log,
 * all at once (data files a killed commit wrote are named by no log entry, so no reader sees
 * them); every run trains only the tasks no row holds yet; the commit is insert-if-absent on the
 * task's key, and Delta fails a commit that raced another writer's on the same partitions, which
 * is then tried again on the new snapshot, so two trains on one folder at once still end with one
 * row per task (on S3 only with a log store that makes commits exclusive, see README); a task
 * found twice (a table written outside this job) is repaired before training; and the job counts
 * rows and tasks at the end. A crash loses at most the chunks in flight.
 */
public final class TrainJob {
  private TrainJob() {}

  /**
   * This build's version and git commit, marked with the kernel this JVM trains with ({@link
   * KernelType#codeVersionMark}): what a resume requires of the rows. Each row records the
   * kernel its executor trained it with ({@link #trainPartition}).
   */
  public static final String CODE_VERSION =
      KernelType.configured().markedCodeVersion(CodeVersion.current());

  /** Where a train that resumed rows of another code version (--allow-code-change) says so. */
  public static final String CODE_CHANGES_FILE = "code-changes.log";

  /**
   * Default chunk size: neuron-steps per core, 35 to 55 s of the vector kernel per core (silu at
   * about 7.3e8 neuron-steps/s with 512-bit vectors, 4.6e8 with 256): long enough that the tail of
   * each chunk (its last, unevenly finishing partitions) and its Delta commit (seconds) are a small
   * share, short enough that a crash loses little.
   */
  public static final long DEFAULT_CHUNK_NEURON_STEPS_PER_CORE = 25_000_000_000L;

  /**
   * How a train runs (nothing here changes a result). {@code codeVersion} is written into the
   * rows; rows of the folder written by another one are refused unless {@code allowCodeChange}.
   * {@code control} lets a caller stop the train and know what it committed.
   */
  public record Options(long chunkNeuronStepsPerCore, PrintStream progress, double progressSeconds,
      String codeVersion, boolean allowCodeChange, Control control) {
    public Options {
      if (chunkNeuronStepsPerCore < 1) {
        throw new IllegalArgumentException("chunk size must be >= 1 neuron-step, got " + chunkNeuronStepsPerCore);
      }
    }

    public Options(long chunkNeuronStepsPerCore, PrintStream progress, double progressSeconds) {
      this(chunkNeuronStepsPerCore, progress, progressSeconds, CODE_VERSION, false, new Control());
    }
  }

  /** The Spark job group of a chunk's training (not its commit), which a stop cancels. */
  private static final String TRAINING_JOBS = "lottery-train-chunk";

  /**
   * Between a train and its caller (another thread, e.g. a shutdown hook): how many networks the
   * folder holds as chunks commit, and a request to stop.
   */
  public static final class Control {
    private final AtomicInteger committed = new AtomicInteger(-1);
    private volatile boolean stopRequested;
    private volatile SparkContext spark;

    /** Networks DIR/runs holds, as far as this train knows; -1 before it has read the table. */
    public int committed() {
      return committed.get();
    }

    /**
     * Stops the train at its next safe point: the chunk training now is cancelled, a chunk
     * committing now commits; then {@link TrainJob#run} throws {@link Stopped}.
     */
    public void requestStop() {
      stopRequested = true;
      SparkContext context = spark;
      if (context != null) {
        context.cancelJobGroup(TRAINING_JOBS);
      }
    }

    private void stopIfRequested() {
      if (stopRequested) {
        throw new Stopped(committed.get());
      }
    }
  }

  /** A train stopped on request ({@link Control#requestStop}), with the networks committed. */
  public static final class Stopped extends RuntimeException {
    private final int committed;

    Stopped(int committed) {
      super("train stopped with " + committed + " networks committed");
      this.committed = committed;
    }

    public int committed() {
      return committed;
    }
  }

  /** What a train did: tasks in the grid, found already committed, trained now, in how many chunks. */
  public record Summary(int tasks, int alreadyDone, int trained, int chunks, double seconds) {}

  public static Summary run(SparkSession spark, ExperimentConfig config, StorageFolder dir, Options options) {
    long start = System.nanoTime();
    SparkContext sc = spark.sparkContext();
    List<TaskKey> grid = config.tasks();
    Control control = options.control();
    control.spark = sc;
    Set<TaskKey> done;
    try (StepTimes.Step step = StepTimes.start(sc, "train: claim folder, read committed tasks")) {
      ExperimentFolder.claim(dir, config);
      ResultsFolder.requireDelta(dir, dir.resolve(Tables.RUNS));
      done = committedTasks(spark, config, dir, options);
    }
    control.committed.set(done.size());
    List<TaskKey> missing = new ArrayList<>();
    for (TaskKey key : grid) {
      if (!done.contains(key)) {
        missing.add(key);
      }
    }
    int cores = Math.max(1, sc.defaultParallelism());
    List<List<TaskKey>> chunks = chunks(config.settings(), missing, cores, options.chunkNeuronStepsPerCore());
    if (chunks.isEmpty()) {
      try (StepTimes.Step step = StepTimes.start(sc, "train: create runs table")) {
        DeltaTables.createIfAbsent(spark, dir.resolve(Tables.RUNS),
            RowCodec.schema(ResultTables.RUNS, config.sweep()), Tables.RUNS_PARTITIONS);
      }
    }
    try (TrainProgress progress = new TrainProgress(spark, config.name(), grid.size(),
        done.size(), options.progress(), options.progressSeconds())) {
      for (List<TaskKey> chunk : chunks) {
        control.stopIfRequested();
        commitChunk(spark, config, dir, chunk, Math.min(chunk.size(), 2 * cores), options.codeVersion(),
            control);
        control.committed.addAndGet(chunk.size());
        progress.chunkCommitted(chunk.size());
      }
    }
    try (StepTimes.Step step = StepTimes.start(sc, "train: check the grid is complete")) {
      checkComplete(spark, config, dir, grid.size());
    }
    return new Summary(grid.size(), done.size(), missing.size(), chunks.size(),
        (System.nanoTime() - start) / 1e9);
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

  /**
   * Trains one chunk (one Spark job) and commits its rows to DIR/runs as one Delta transaction.
   * The rows are collected on the driver first so that a commit that lost a race with another
   * train is tried again with the same rows, not a retraining.
   */
  static void commitChunk(SparkSession spark, ExperimentConfig config, StorageFolder dir,
      List<TaskKey> chunk, int partitions, String codeVersion, Control control) {
    List<List<TaskKey>> bins = Partitioner.balance(chunk,
        key -> TaskCost.neuronSteps(config.settings(), key), partitions);
    List<ArrayList<TaskKey>> partitioned = new ArrayList<>(bins.size());
    bins.forEach(bin -> partitioned.add(new ArrayList<>(bin)));
    String hash = config.hash();
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(partitioned, partitioned.size())
        .flatMap(keys -> trainPartition(config, hash, codeVersion, keys));
    spark.sparkContext().setJobGroup(TRAINING_JOBS,
        "train " + config.name() + ": " + chunk.size() + " networks", false);
    List<Row> trained;
    try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "train: train chunks")) {
      trained = collectWithRetries(rows, control);
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    try (StepTimes.Step step = StepTimes.start(spark.sparkContext(), "train: commit chunks")) {
      DeltaTables.insertMissing(dir.resolve(Tables.RUNS),
          spark.createDataFrame(trained, RowCodec.schema(ResultTables.RUNS, config.sweep())),
          partitionsOf(chunk), Tables.RUNS_PARTITIONS,
          ResultTables.RUNS.key(config.sweep()).toArray(String[]::new));
    }
  }

  /** The runs partitions (target, activation) a chunk's rows fall in, as a filter on {@code t}. */
  static String partitionsOf(List<TaskKey> chunk) {
    Set<String> partitions = new java.util.TreeSet<>();
    for (TaskKey key : chunk) {
      partitions.add("(t.target = '" + key.target().id() + "' AND t.activation = '"
          + key.activation().id() + "')");
    }
    return String.join(" OR ", partitions);
  }

  /**
   * The chunk's rows. A lost executor past spark.task.maxFailures fails the job; the whole chunk
   * is worth another try (its networks are a pure function of their tasks).
   */
  private static List<Row> collectWithRetries(JavaRDD<Row> rows, Control control) {
    int attempts = 3;
    for (int attempt = 1; ; attempt++) {
      try {
        control.stopIfRequested();
        return rows.collect();
      } catch (Exception e) {
        control.stopIfRequested(); // a stop cancels the job: not a failure to retry
        if (!(e instanceof SparkException || e.getCause() instanceof SparkException) || attempt == attempts) {
          throw SparkErrors.<RuntimeException>sneaky(e);
        }
      }
    }
  }

  /**
   * Executor side: trains the networks of one partition, drawing each (target, data settings)'s
   * data once. Each row's code version carries the mark of the kernel this executor trains with,
   * whatever the driver's.
   */
  static Iterator<Row> trainPartition(ExperimentConfig config, String hash, String codeVersion,
      List<TaskKey> keys) {
    TaskSettings settings = config.settings();
    String rowVersion = KernelType.configured().markedCodeVersion(codeVersion);
    Map<List<Object>, Dataset[]> data = new HashMap<>();
    List<Row> rows = new ArrayList<>(keys.size());
    for (TaskKey key : keys) {
      DataSettings drawn = config.settings(key.setting()).data();
      Dataset[] sets = data.computeIfAbsent(List.of(key.target(), drawn), k -> new Dataset[] {
          DataSampler.train(key.target(), drawn), DataSampler.test(key.target(), drawn)});
      rows.add(Tables.runRow(key, TaskRunner.run(settings, key, sets[0], sets[1]), hash,
          rowVersion, config.sweep()));
    }
    return rows.iterator();
  }

  /**
   * The tasks DIR/runs holds rows for; refuses rows of another config, and rows of another code
   * version unless the options allow it (then recorded in DIR/code-changes.log); repairs
   * duplicate keys.
   */
  static Set<TaskKey> committedTasks(SparkSession spark, ExperimentConfig config, StorageFolder dir,
      Options options) {
    if (!dir.resolve(Tables.RUNS).exists()) {
      return Set.of();
    }
    List<Row> keys = readKeys(spark, dir, config.sweep());
    Set<TaskKey> done = new HashSet<>();
    Map<String, Integer> foreign = new HashMap<>();
    Map<String, Integer> otherCode = new java.util.TreeMap<>();
    boolean duplicates = false;
    for (Row row : keys) {
      String hash = row.getAs("config_hash");
      if (!config.hash().equals(hash)) {
        foreign.merge(hash, 1, Integer::sum);
        continue;
      }
      String code = row.getAs("code_version");
      if (!options.codeVersion().equals(code)) {
        otherCode.merge(code, 1, Integer::sum);
      }
      duplicates |= !done.add(taskKey(row, config.sweep()));
    }
    if (!foreign.isEmpty()) {
      throw new UserError(dir.resolve(Tables.RUNS) + " holds rows of another config "
          + foreign + " next to this config's (hash " + config.hash() + "); it was not written by this train");
    }
    if (!otherCode.isEmpty()) {
      requireSameCode(dir, otherCode, options);
    }
    if (duplicates) {
      RunsRepair.dropDuplicates(spark, dir);
    }
    return done;
  }

  /**
   * Networks trained by two codes in one table would be compared as if one code made them: a
   * resume over rows of another code version is refused, or, when allowed, recorded (one line per
   * such train in DIR/code-changes.log; each row keeps its own code_version).
   */
  private static void requireSameCode(StorageFolder dir, Map<String, Integer> otherCode, Options options) {
    String rows = otherCode.entrySet().stream()
        .map(e -> e.getValue() + " by '" + e.getKey() + "'")
        .collect(java.util.stream.Collectors.joining(", "));
    if (!options.allowCodeChange()) {
      throw new UserError(dir.resolve(Tables.RUNS) + " holds networks trained by another code version ("
          + rows + "); this is '" + options.codeVersion() + "'; train into another --out, or pass"
          + " --allow-code-change to resume anyway (recorded in " + dir.resolve(CODE_CHANGES_FILE) + ")");
    }
    dir.resolve(CODE_CHANGES_FILE).appendLine(java.time.Instant.now() + " resumed with '"
        + options.codeVersion() + "' over rows of another code version: " + rows);
  }

  private static TaskKey taskKey(Row row, Sweep sweep) {
    return new TaskKey(Target.parse(row.getAs("target")), Activation.parse(row.getAs("activation")),
        row.<Integer>getAs("width"), row.<Long>getAs("seed"), SweepColumns.settingOf(row, sweep));
  }


  private static List<Row> readKeys(SparkSession spark, StorageFolder dir, Sweep sweep) {
    List<String> columns = new ArrayList<>(List.of("activation", "width", "seed", "config_hash",
        "code_version"));
    columns.addAll(List.of(SweepColumns.names(sweep)));
    try {
      return Tables.readRuns(spark, dir).select("target", columns.toArray(String[]::new))
          .collectAsList();
    } catch (Exception e) {
      throw SparkErrors.unreadable("cannot read " + dir.resolve(Tables.RUNS) + " as a runs table", e);
    }
  }

  /** One row per task, all of this config: else the folder was written by something else too. */
  private static void checkComplete(SparkSession spark, ExperimentConfig config, StorageFolder dir,
      int tasks) {
    List<Row> keys = readKeys(spark, dir, config.sweep());
    Set<TaskKey> distinct = new HashSet<>();
    for (Row row : keys) {
      if (!config.hash().equals(row.getAs("config_hash"))) {
        throw new UserError(dir.resolve(Tables.RUNS) + " holds rows of config hash "
            + row.getAs("config_hash") + " next to this config's (" + config.hash()
            + "): another train of another config wrote to this folder at the same time");
      }
      distinct.add(taskKey(row, config.sweep()));
    }
    if (keys.size() != tasks || distinct.size() != tasks) {
      throw new IllegalStateException(dir.resolve(Tables.RUNS) + " holds " + keys.size() + " rows for "
          + distinct.size() + " tasks, expected one row for each of " + tasks + " tasks");
    }
  }

  /** A task as one line of text, for the off-Spark tools' files: target activation width seed [key=value ...]. */
  static String encode(TaskKey key) {
    String text = key.target().id() + " " + key.activation().id() + " " + key.width() + " "
        + key.seedIndex();
    return key.setting().isEmpty() ? text : text + " " + key.setting();
  }

  static TaskKey decode(String encoded) {
    String[] parts = encoded.split(" ", 5);
    return new TaskKey(Target.parse(parts[0]), Activation.parse(parts[1]),
        Integer.parseInt(parts[2]), Long.parseLong(parts[3]),
        parts.length > 4 ? Setting.parse(parts[4]) : Setting.NONE);
  }
}
