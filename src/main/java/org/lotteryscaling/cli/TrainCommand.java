package org.lotteryscaling.cli;

import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.UserError;
import org.lotteryscaling.jobs.TrainJob;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.task.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains an experiment's grid on Spark into DIR/runs, resuming whatever an earlier run left. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Train every network of an experiment config into DIR/runs (Parquet), resumably.")
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--conf", required = true, paramLabel = "FILE", description = "experiment config (HOCON), e.g. conf/quick.conf")
  File conf;

  @Option(names = "--out", paramLabel = "DIR", description = "results folder: a path or any Hadoop FileSystem URI (hdfs://, s3a://, ...; default results/<experiment name>)")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key, e.g. --set seeds=10 --set training.steps=2000")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--chunk-neuron-steps", paramLabel = "N", description = "commit every about N neuron-steps per core (default ${DEFAULT-VALUE}); results do not depend on it")
  long chunkNeuronSteps = TrainJob.DEFAULT_CHUNK_NEURON_STEPS_PER_CORE;

  @Option(names = "--yes", description = "no note before a grid estimated to take over an hour (for scripts)")
  boolean yes;

  @Option(names = "--allow-code-change", description = "resume into runs written by another code version (recorded in DIR/" + TrainJob.CODE_CHANGES_FILE + ")")
  boolean allowCodeChange;

  @Override
  public Integer call() {
    // Every check of the config and the folder happens before Spark starts.
    ExperimentConfig config = ExperimentConfig.load(conf, overrides);
    StorageFolder dir = StorageFolder.of(out != null ? out : "results/" + config.name());
    ResultsFolder.requireExperiment(dir, config);
    GridCheck.requireMemory(config, master);
    if (!yes) {
      GridCheck.timeNote(config, master).ifPresent(note -> {
        spec.commandLine().getErr().println(note);
        spec.commandLine().getErr().flush();
      });
    }
    TrainJob.Control control = new TrainJob.Control();
    TrainJob.Options options = UserError.fromInput(() -> new TrainJob.Options(chunkNeuronSteps,
        System.err, 5.0, TrainJob.CODE_VERSION, allowCodeChange, control));
    Stop stop = new Stop(config.taskCount(), dir, control);
    TrainJob.Summary s;
    try {
      SparkSession spark = Spark.session("lottery train " + config.name(), master);
      s = TrainJob.run(spark, config, StorageFolder.of(spark, dir.uri()), options);
    } catch (Exception e) { // Spark's SparkException is checked, thrown undeclared
      if (stop.stopping.get()) {
        return 130; // the JVM exits with its signal's code (130, 143) anyway; the hook says what is kept
      }
      throw e;
    } finally {
      stop.close();
    }
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "train %s: %d networks in %s/runs (config hash %s): %d were there, %d trained in %d chunks, %.1f s",
        config.name(), s.tasks(), dir, config.hash(), s.alreadyDone(), s.trained(), s.chunks(), s.seconds()));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Ctrl-C or SIGTERM while training: Spark's own shutdown hook would stop the context under the
   * running job (a trace, and a chunk's commit cut off, its count unknown). This hook runs before
   * Spark's (Hadoop's hook manager, by priority): it cancels the chunk training now, lets a commit
   * in flight finish, and prints one line saying what is committed and how to resume; then
   * Spark stops and the JVM exits with 130 or 143.
   */
  private final class Stop implements AutoCloseable {
    /** Above Spark's own hook (Hadoop's FileSystem priority + 30), which stops the SparkContext. */
    private static final int PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 40;
    private static final long WAIT_SECONDS = 100;

    final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch trainEnded = new CountDownLatch(1);
    private final Runnable hook;

    Stop(int total, StorageFolder dir, TrainJob.Control control) {
      PrintWriter err = spec.commandLine().getErr();
      hook = () -> {
        stopping.set(true);
        control.requestStop();
        try {
          trainEnded.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
          // print what is known now
        }
        int done = control.committed();
        err.println("lottery train: stopped; " + (done < 0 ? "nothing new was committed"
            : done + " of " + total + " networks are committed in " + dir.resolve("runs"))
            + "; the same command resumes the rest");
        err.flush();
      };
      ShutdownHookManager.get().addShutdownHook(hook, PRIORITY, WAIT_SECONDS + 10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      trainEnded.countDown();
      try {
        ShutdownHookManager.get().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs now
      }
    }
  }
}
