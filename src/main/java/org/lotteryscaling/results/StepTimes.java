package org.lotteryscaling.results;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Where a command's wall time goes, step by step: each step's wall time, and how many Spark jobs
 * it ran and how long they took (from a SparkListener), so the time outside Spark jobs (planning,
 * Delta's log work, driver-side computing, JIT warm-up) shows as the difference. Off unless the
 * JVM runs with {@code -Dlottery.timings=true} (LOTTERY_JAVA_OPTS; {@code bench/fixed-cost.sh}
 * sets it); the breakdown goes to stderr when the JVM exits, with the JVM's start-up first.
 */
public final class StepTimes {
  private StepTimes() {}

  /** The Spark local property naming the step a job belongs to. */
  static final String PROPERTY = "lottery.step";
  private static final boolean ENABLED = Boolean.getBoolean("lottery.timings");

  private static final class Totals {
    double wall;
    int jobs;
    double jobSeconds;
  }

  private static final Map<String, Totals> STEPS = new LinkedHashMap<>();
  private static final Map<Integer, long[]> RUNNING = new ConcurrentHashMap<>();
  private static final Map<Integer, String> JOB_STEP = new ConcurrentHashMap<>();
  private static SparkContext listened;

  /** A step in progress; closing it records its wall time. */
  public interface Step extends AutoCloseable {
    @Override
    void close();
  }

  /** Starts step {@code name}: Spark jobs started from this thread until close count for it. */
  public static Step start(SparkContext spark, String name) {
    if (!ENABLED) {
      return () -> {};
    }
    listen(spark);
    String before = spark == null ? null : spark.getLocalProperty(PROPERTY);
    if (spark != null) {
      spark.setLocalProperty(PROPERTY, name);
    }
    long start = System.nanoTime();
    return () -> {
      record(name, (System.nanoTime() - start) / 1e9);
      if (spark != null) {
        spark.setLocalProperty(PROPERTY, before);
      }
    };
  }

  /** Records a step that ended now and began at {@code startMillis} (epoch ms), e.g. the JVM's. */
  public static void since(String name, long startMillis) {
    if (ENABLED) {
      record(name, (System.currentTimeMillis() - startMillis) / 1e3);
    }
  }

  /** The JVM's own start-up: from its start to now (the first thing a command does). */
  public static void jvmStarted() {
    since("jvm start to first command", ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  private static synchronized void record(String name, double seconds) {
    if (STEPS.isEmpty()) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> print(new PrintWriter(System.err, true))));
    }
    STEPS.computeIfAbsent(name, k -> new Totals()).wall += seconds;
  }

  private static synchronized void listen(SparkContext spark) {
    if (spark == null || spark == listened) {
      return;
    }
    listened = spark;
    spark.addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart job) {
        String step = job.properties() == null ? null : job.properties().getProperty(PROPERTY);
        JOB_STEP.put(job.jobId(), step == null ? "(outside any step)" : step);
        RUNNING.put(job.jobId(), new long[] {job.time()});
      }

      @Override
      public void onJobEnd(SparkListenerJobEnd job) {
        long[] started = RUNNING.remove(job.jobId());
        String step = JOB_STEP.remove(job.jobId());
        if (started != null && step != null) {
          synchronized (StepTimes.class) {
            Totals t = STEPS.computeIfAbsent(step, k -> new Totals());
            t.jobs++;
            t.jobSeconds += (job.time() - started[0]) / 1e3;
          }
        }
      }
    });
  }

  static synchronized void print(PrintWriter err) {
    if (STEPS.size() < 2) {
      return; // the JVM's start alone (--help, --version): nothing ran
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-44s %8s %6s %10s", "step", "wall s", "jobs", "in jobs s"));
    for (Map.Entry<String, Totals> e : STEPS.entrySet()) {
      Totals t = e.getValue();
      lines.add(String.format(Locale.ROOT, "%-44s %8.2f %6d %10.2f", e.getKey(), t.wall, t.jobs,
          t.jobSeconds));
    }
    err.println("timings (-Dlottery.timings):");
    lines.forEach(l -> err.println("  " + l));
    err.flush();
  }
}
