package org.lotteryscaling.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lotteryscaling.results.SparkErrors;

/**
 * Independent steps of a job (each its own tables, its own Spark jobs and Delta commits) run a
 * few at a time from the driver; Spark schedules jobs from several threads side by side.
 */
final class Concurrently {
  private Concurrently() {}

  /**
   * Runs every step, {@code threads} at a time, and returns their results in the order given.
   * Every step runs to its end even if another fails (each commits whole or not at all); then the
   * first failure, in the order given, is thrown as it was thrown.
   */
  static <T> List<T> run(int threads, List<? extends Callable<T>> steps) {
    ExecutorService pool = pool(Math.min(threads, steps.size()));
    try {
      List<Future<T>> futures = new ArrayList<>(steps.size());
      for (Callable<T> step : steps) {
        futures.add(pool.submit(step));
      }
      for (Future<T> f : futures) { // every step to its end before any failure is thrown
        try {
          f.get();
        } catch (ExecutionException failed) {
          // thrown below, in the order given
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a step", e);
        }
      }
      List<T> results = new ArrayList<>(steps.size());
      for (Future<T> f : futures) {
        results.add(get(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Steps whose results are taken one by one ({@link #get}), started {@code threads} at a time as
   * they are submitted; closing it abandons what was not taken.
   */
  static final class Pool implements AutoCloseable {
    private final ExecutorService pool;

    Pool(int threads) {
      pool = Concurrently.pool(threads);
    }

    <T> Future<T> submit(Callable<T> step) {
      return pool.submit(step);
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  /** The step's result, or its failure thrown as it was thrown. */
  static <T> T get(Future<T> step) {
    try {
      return step.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw SparkErrors.<RuntimeException>sneaky((Exception) e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a step", e);
    }
  }

  private static ExecutorService pool(int threads) {
    return Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread t = new Thread(runnable, "lottery-step");
      t.setDaemon(true);
      return t;
    });
  }
}
