package org.lotteryscaling.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lotteryscaling.UserError;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.TaskCost;
import org.lotteryscaling.task.TaskKey;

/** What a train's grid needs, checked before Spark starts: memory per network, and time. */
final class GridCheck {
  private GridCheck() {}

  /**
   * Training speed for the time note: the default grid (1.6e13 neuron-steps) took 7.7 h on a
   * 2-core machine (issue 16), about 2.9e8 neuron-steps/s per core; a note, not a promise.
   */
  static final double NEURON_STEPS_PER_CORE_SECOND = 3e8;

  /** Grids estimated to take longer than this get a note before they start. */
  static final double NOTE_SECONDS = 3600;

  private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+)(,\\d+)?]");

  /**
   * Refuses a grid whose widest network cannot be trained in this heap: the kernels keep two
   * width x points arrays of doubles (pre-activation and slope, nn/VectorKernel), the trainer
   * four parameter-sized ones (parameters, gradient, Adam's moments); a local master trains one
   * network per core at once. A Java array holds at most 2^31 - 1 values.
   */
  static void requireMemory(ExperimentConfig config, String master) {
    // The largest network of the grid: width x its own points (a sweep may vary the points).
    TaskKey widest = config.tasks().stream()
        .max(java.util.Comparator.comparingLong((TaskKey k) -> (long) k.width()
            * config.settings(k.setting()).data().trainPoints())
            .thenComparingInt(k -> k.target().dimension()))
        .orElseThrow();
    int points = config.settings(widest.setting()).data().trainPoints();
    long values = (long) widest.width() * points;
    if (values > Integer.MAX_VALUE - 8) {
      throw new UserError(String.format(Locale.ROOT, "width %d x %d training points = %.3g values"
          + " per array, more than a Java array holds (2^31 - 1); use narrower widths or fewer points",
          widest.width(), points, (double) values));
    }
    // Network.parameterCount's (d + 2) N + 1, in long: a width this check refuses overflows an int.
    long parameters = (widest.target().dimension() + 2L) * widest.width() + 1;
    long bytes = 8 * (2 * values + 4 * parameters);
    boolean local = master == null || master.startsWith("local");
    if (!local) {
      return; // the executors' memory is the cluster's; Spark reports a task that does not fit
    }
    int atOnce = Math.min(cores(master), config.taskCount());
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes * atOnce > heap) {
      throw new UserError(String.format(Locale.ROOT, "width %d needs about %s per network (2 x width"
          + " x %d points doubles), %s for the %d trained at once, but the heap holds at most %s;"
          + " use narrower widths, fewer points, or a larger heap (LOTTERY_JAVA_OPTS=-Xmx...)",
          widest.width(), gib(bytes), points, gib(bytes * atOnce), atOnce, gib(heap)));
    }
  }

  /** One line on the grid's size and estimated time when it exceeds {@link #NOTE_SECONDS}. */
  static Optional<String> timeNote(ExperimentConfig config, String master) {
    int cores = cores(master);
    double seconds = TaskCost.neuronSteps(config.settings(), config.tasks())
        / (NEURON_STEPS_PER_CORE_SECOND * cores);
    if (seconds <= NOTE_SECONDS) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "lottery train: the grid of %s has %d networks,"
        + " about %.1f h of training on %d core%s (less for networks already in the folder);"
        + " Ctrl-C stops it, and the same command resumes it (--yes skips this note)",
        config.name(), config.taskCount(), seconds / 3600, cores, cores == 1 ? "" : "s"));
  }

  /** Cores a master trains on: local[N], else this machine's. */
  static int cores(String master) {
    if (master != null) {
      Matcher m = LOCAL.matcher(master);
      if (m.matches()) {
        return Math.max(1, Integer.parseInt(m.group(1)));
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  private static String gib(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
