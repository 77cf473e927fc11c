package org.lotteryscaling.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Rewrites {@code DIR/runs} with one row per task when it holds a task twice. Rows of the same
 * task are the same training (a task's result is a pure function of it), so any one may stay.
 * The swap survives a crash at any point: the deduplicated copy is written to {@code runs.repair}
 * (committed by Spark, _SUCCESS last), then {@code runs} is renamed {@code runs.replaced},
 * {@code runs.repair} renamed {@code runs}, {@code runs.replaced} deleted; {@link
 * #finishInterrupted} completes or undoes whatever step a crash cut short.
 */
final class RunsRepair {
  private RunsRepair() {}

  static final String REPAIR = Tables.RUNS + ".repair";
  static final String REPLACED = Tables.RUNS + ".replaced";

  static void dropDuplicates(SparkSession spark, Path dir) {
    Path repair = dir.resolve(REPAIR);
    Tables.readRuns(spark, dir).dropDuplicates("target", "activation", "width", "seed")
        .write().mode(SaveMode.Overwrite).partitionBy(Tables.RUNS_PARTITIONS)
        .parquet(repair.toString());
    move(dir.resolve(Tables.RUNS), dir.resolve(REPLACED));
    move(repair, dir.resolve(Tables.RUNS));
    delete(dir.resolve(REPLACED));
  }

  /**
   * Deletes {@code DIR/runs/_temporary}: what a job killed before its commit left. Its rows were
   * never committed (no reader sees them), but the next append job would commit them along with
   * its own: the file committer merges every task directory under {@code _temporary/0}, and every
   * job on the folder uses that same path. Safe under the folder lock: no other job is writing.
   */
  static void dropUncommitted(Path dir) {
    delete(dir.resolve(Tables.RUNS).resolve("_temporary"));
  }

  /** Completes a repair a crash interrupted, or drops its unfinished copy. */
  static void finishInterrupted(Path dir) {
    Path runs = dir.resolve(Tables.RUNS);
    Path repair = dir.resolve(REPAIR);
    Path replaced = dir.resolve(REPLACED);
    boolean repairComplete = Files.exists(repair.resolve("_SUCCESS"));
    if (!Files.exists(runs) && Files.exists(replaced)) {
      move(repairComplete ? repair : replaced, runs);
    }
    if (Files.exists(runs)) {
      delete(replaced);
      delete(repair);
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path tree) {
    if (!Files.exists(tree)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tree)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
