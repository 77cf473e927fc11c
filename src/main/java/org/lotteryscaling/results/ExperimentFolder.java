package org.lotteryscaling.results;

import org.lotteryscaling.UserError;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Sweep;

/**
 * A results folder's claim to one experiment: {@code DIR/experiment.conf} holds the resolved config
 * ({@link ExperimentConfig#canonical()}) and its hash, written once (whole or not at all) before
 * the first row. A later train on the folder must resolve to the same hash, so one folder never
 * mixes two experiments; every row carries the hash too, and {@link TrainJob} checks the rows.
 * There is no lock: two trains of the same experiment may run at once (see {@link TrainJob}).
 */
public final class ExperimentFolder {
  private ExperimentFolder() {}

  public static final String EXPERIMENT_FILE = "experiment.conf";
  private static final String HASH_LINE = "# config hash: ";

  /**
   * Makes {@code dir} the folder of {@code config} (creating it and experiment.conf) or checks that
   * it already is. Refuses, with a one-line UserError, a folder of another
   * experiment or a runs table without experiment.conf.
   */
  public static void claim(StorageFolder dir, ExperimentConfig config) {
    check(dir, config);
    dir.mkdirs();
    StorageFolder file = dir.resolve(EXPERIMENT_FILE);
    if (!file.exists()) {
      file.writeStringOnce(HASH_LINE + config.hash() + "\n" + config.canonical());
    }
    check(dir, config); // a train of another config may have written it first
  }

  /**
   * The checks of {@link #claim} that need no writing, for before Spark starts (commands call
   * them through {@link ResultsFolder#requireExperiment}): refuses a folder
   * of another experiment or a foreign runs table; a missing folder is fine.
   */
  public static void check(StorageFolder dir, ExperimentConfig config) {
    if (dir.isFile()) {
      throw new UserError("results folder " + dir + " is a file, not a folder");
    }
    if (!dir.isDirectory()) {
      return;
    }
    StorageFolder file = dir.resolve(EXPERIMENT_FILE);
    if (file.exists()) {
      ExperimentConfig stored = read(dir);
      if (!stored.hash().equals(config.hash())) {
        throw new UserError("results folder " + dir + " holds experiment '"
            + stored.name() + "' (config hash " + stored.hash() + "), not this config (hash "
            + config.hash() + "); use another --out, or the config in " + file);
      }
      return;
    }
    if (dir.resolve(Tables.RUNS).exists()) {
      throw new UserError("results folder " + dir + " has a runs table but no "
          + EXPERIMENT_FILE + ": not a folder this train wrote; use another --out");
    }
  }

  /** Whether {@code dir} holds an experiment.conf. */
  public static boolean exists(StorageFolder dir) {
    return dir.resolve(EXPERIMENT_FILE).exists();
  }

  /** The experiment a results folder holds (its experiment.conf). */
  public static ExperimentConfig read(StorageFolder dir) {
    StorageFolder file = dir.resolve(EXPERIMENT_FILE);
    try {
      return ExperimentConfig.parse(file.readString(), dir.name());
    } catch (UserError e) {
      throw new UserError(file + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** The sweep of the experiment in {@code dir} (its experiment.conf); none without that file. */
  public static Sweep sweep(StorageFolder dir) {
    return exists(dir) ? read(dir).sweep() : Sweep.NONE;
  }
}
