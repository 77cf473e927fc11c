package org.lotteryscaling.jobs;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lotteryscaling.CodeVersion;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.TaskCost;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;

/**
 * A development tool, not part of the product: trains an experiment's tasks on a machine that has
 * a JVM but no Spark (a borrowed many-core box), with one thread per core, costliest task first,
 * over one or more experiments, and writes each result as it finishes to one of its
 * experiment's binary files ({@link #write}).
 * {@link ImportRuns} commits them into a results folder's runs table, rows exactly as the train
 * job writes them: every task is a pure function of (config, task), whichever JVM ran it.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp classes:test-classes:config.jar \
 *       org.lotteryscaling.jobs.OffSparkTrain THREADS SKIP_FILE (CONFIG OUT_PREFIX FILES)...
 * </pre>
 */
public final class OffSparkTrain {
  private OffSparkTrain() {}

  static final int MAGIC = 0x4c4f5454; // "LOTT"

  /** One experiment's tasks and the files its results go to. */
  private record Experiment(ExperimentConfig config, DataOutputStream[] files) {}

  private record Job(Experiment experiment, TaskKey key, long cost) {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    // Tasks trained before (their encodings, one per line, of any experiment): not trained again.
    java.util.Set<String> skip = new java.util.HashSet<>(
        java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[1])));
    List<Job> jobs = new ArrayList<>();
    for (int a = 2; a + 2 < args.length + 1; a += 3) {
      ExperimentConfig config = ExperimentConfig.load(new File(args[a]), List.of());
      DataOutputStream[] files = new DataOutputStream[Integer.parseInt(args[a + 2])];
      for (int f = 0; f < files.length; f++) {
        files[f] = new DataOutputStream(new BufferedOutputStream(
            new FileOutputStream(args[a + 1] + "-" + f + ".bin"), 1 << 16));
        files[f].writeInt(MAGIC);
        files[f].writeUTF(config.hash());
        files[f].writeUTF(CodeVersion.current());
        files[f].flush();
      }
      Experiment experiment = new Experiment(config, files);
      for (TaskKey key : config.tasks()) {
        if (skip.contains(config.hash() + " " + TrainJob.encode(key))) {
          continue;
        }
        jobs.add(new Job(experiment, key, TaskCost.neuronSteps(config.settings(), key)));
      }
    }
    // Costliest first over every experiment (LPT): a run cut short leaves the cheap tasks, which
    // spread well over the few cores of wherever they are finished.
    jobs.sort(Comparator.comparingLong(Job::cost).reversed());
    long start = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (Job job : jobs) {
      pool.submit(() -> {
        TrainResult result = TaskRunner.run(job.experiment().config().settings(), job.key());
        int n = done.incrementAndGet();
        DataOutputStream[] files = job.experiment().files();
        DataOutputStream file = files[n % files.length];
        synchronized (file) {
          write(file, job.key(), result);
        }
        if (n % 200 == 0 || n == jobs.size()) {
          System.out.printf("%d of %d networks, %.1f s%n", n, jobs.size(),
              (System.nanoTime() - start) / 1e9);
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(365, TimeUnit.DAYS);
    for (Job job : jobs) {
      for (DataOutputStream f : job.experiment().files()) {
        f.flush();
      }
    }
  }

  /** One record: the task as the train job encodes it, then the result field by field. */
  static void write(DataOutputStream out, TaskKey key, TrainResult r) {
    try {
      Network n = r.network();
      out.writeUTF(TrainJob.encode(key));
      out.writeUTF(r.status().name());
      out.writeDouble(r.trainLoss());
      out.writeDouble(r.testLoss());
      out.writeInt(r.stepsDone());
      out.writeDouble(r.seconds());
      out.writeInt(n.dimension());
      out.writeInt(n.width());
      for (double x : n.parameters()) {
        out.writeDouble(x);
      }
      int[] steps = r.curveSteps();
      double[] loss = r.curveLoss();
      out.writeInt(steps.length);
      for (int k = 0; k < steps.length; k++) {
        out.writeInt(steps[k]);
        out.writeDouble(loss[k]);
      }
      out.flush(); // whole records only, should the machine be taken back mid-run
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
