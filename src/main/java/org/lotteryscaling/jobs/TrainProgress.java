package org.lotteryscaling.jobs;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The console progress line of a train: networks done / total, networks per second, ETA. Counts
 * the rows each successful Spark task wrote (a row is a network), so it moves as partitions
 * finish, before their chunk commits; a failed or retried task counts nothing.
 */
final class TrainProgress implements AutoCloseable {
  private final SparkSession spark;
  private final String name;
  private final int total;
  private final int alreadyDone;
  private final PrintStream out;
  private final AtomicLong written = new AtomicLong();
  private final long start = System.nanoTime();
  private final SparkListener listener;
  private final Thread printer;
  private volatile long committed;
  private long lastPrinted = -1;

  TrainProgress(SparkSession spark, String name, int total, int alreadyDone, PrintStream out,
      double everySeconds) {
    this.spark = spark;
    this.name = name;
    this.total = total;
    this.alreadyDone = alreadyDone;
    this.out = out;
    this.listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().successful() && end.taskMetrics() != null) {
          written.addAndGet(end.taskMetrics().outputMetrics().recordsWritten());
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    print();
    printer = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep((long) (everySeconds * 1000));
          print();
        }
      } catch (InterruptedException e) {
        // closed
      }
    }, "train-progress");
    printer.setDaemon(true);
    if (out != null) {
      printer.start();
    }
  }

  /** A chunk committed: its rows are now certain, whatever the listener saw. */
  void chunkCommitted(int rows) {
    committed += rows;
    written.set(committed);
    print();
  }

  private synchronized void print() {
    long now = Math.min(written.get(), total - alreadyDone);
    if (out == null || now == lastPrinted || alreadyDone == total) {
      return;
    }
    lastPrinted = now;
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = now / Math.max(seconds, 1e-9);
    long remaining = total - alreadyDone - now;
    String eta = now == 0 ? "?" : clock(remaining / rate);
    out.printf(Locale.ROOT, "train %s: %d/%d networks (%.1f%%), %.2f networks/s, ETA %s%n", name,
        alreadyDone + now, total, 100.0 * (alreadyDone + now) / total, rate, eta);
    out.flush();
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  @Override
  public void close() {
    printer.interrupt();
    spark.sparkContext().removeSparkListener(listener);
    print();
  }
}
