package org.lotteryscaling.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.lotteryscaling.task.ExperimentConfig;

/**
 * A results folder's claim to one experiment: {@code DIR/experiment.conf} holds the resolved config
 * ({@link ExperimentConfig#canonical()}) and its hash, written once, atomically (temp file, then
 * rename), before the first row. A later train on the folder must resolve to the same hash, so
 * one folder never mixes two experiments. While a train runs it holds an OS lock on
 * {@code DIR/.train.lock} (released by the OS when the process dies, even by kill -9), so two
 * trains never append to the same folder at once.
 */
public final class ExperimentFolder implements AutoCloseable {
  public static final String EXPERIMENT_FILE = "experiment.conf";
  static final String LOCK_FILE = ".train.lock";
  private static final String HASH_LINE = "# config hash: ";

  private final FileChannel lockChannel;
  private final FileLock lock;

  private ExperimentFolder(FileChannel lockChannel, FileLock lock) {
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Makes {@code dir} the folder of {@code config} (creating it and experiment.conf) or checks that
   * it already is, and locks it. Refuses, with a one-line IllegalArgumentException, a folder of
   * another experiment, a runs table without experiment.conf, or a folder another train holds.
   */
  public static ExperimentFolder claim(Path dir, ExperimentConfig config) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException("results folder " + dir + " is a file, not a folder");
      }
      Files.createDirectories(dir);
      ExperimentFolder folder = lock(dir);
      try {
        checkOrWrite(dir, config, true);
        return folder;
      } catch (RuntimeException | IOException e) {
        folder.close();
        throw e;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot use results folder " + dir + ": " + e);
    }
  }

  /**
   * The checks of {@link #claim} that need no writing, for before Spark starts: refuses a folder
   * of another experiment or a foreign runs table; a missing folder is fine.
   */
  public static void check(Path dir, ExperimentConfig config) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("results folder " + dir + " is a file, not a folder");
    }
    if (Files.isDirectory(dir)) {
      try {
        checkOrWrite(dir, config, false);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot use results folder " + dir + ": " + e);
      }
    }
  }

  private static ExperimentFolder lock(Path dir) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalArgumentException("results folder " + dir
          + " is in use by another train (it holds " + dir.resolve(LOCK_FILE) + ")");
    }
    return new ExperimentFolder(channel, lock);
  }

  private static void checkOrWrite(Path dir, ExperimentConfig config, boolean write) throws IOException {
    Path file = dir.resolve(EXPERIMENT_FILE);
    if (Files.exists(file)) {
      ExperimentConfig stored = read(dir);
      if (!stored.hash().equals(config.hash())) {
        throw new IllegalArgumentException("results folder " + dir + " holds experiment '"
            + stored.name() + "' (config hash " + stored.hash() + "), not this config (hash "
            + config.hash() + "); use another --out, or the config in " + file);
      }
      return;
    }
    if (Files.exists(dir.resolve(Tables.RUNS))) {
      throw new IllegalArgumentException("results folder " + dir + " has a runs table but no "
          + EXPERIMENT_FILE + ": not a folder this train wrote; use another --out");
    }
    if (!write) {
      return;
    }
    Path temp = Files.createTempFile(dir, EXPERIMENT_FILE, ".tmp");
    Files.writeString(temp, HASH_LINE + config.hash() + "\n" + config.canonical(), StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The experiment a results folder holds (its experiment.conf). */
  public static ExperimentConfig read(Path dir) {
    Path file = dir.resolve(EXPERIMENT_FILE);
    try {
      return ExperimentConfig.parse(Files.readString(file, StandardCharsets.UTF_8),
          dir.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + " is corrupt: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
