package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.UserError;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.TaskCost;

/** What a grid needs, checked before Spark starts. */
class GridCheckTest {
  private static final File SMOKE = new File("conf/smoke.conf");

  @Test
  void aWidthBeyondTheHeapIsRefusedInOneLineNamingIt() {
    ExperimentConfig config = ExperimentConfig.load(SMOKE, List.of("widths=[1000000000]"));
    UserError e = assertThrows(UserError.class, () -> GridCheck.requireMemory(config, "local[1]"));
    assertTrue(e.getMessage().contains("width 1000000000") && e.getMessage().contains("Java array"), e.getMessage());

    // Fits an array, not the heap: width x 1000 points x 2 arrays of 8 bytes > this JVM's -Xmx.
    long heap = Runtime.getRuntime().maxMemory();
    int width = (int) Math.min(Integer.MAX_VALUE / 1000 - 1, heap / (2 * 8 * 1000) + 1);
    ExperimentConfig wide = ExperimentConfig.load(SMOKE, List.of("widths=[" + width + "]"));
    e = assertThrows(UserError.class, () -> GridCheck.requireMemory(wide, "local[1]"));
    assertTrue(e.getMessage().contains("width " + width) && e.getMessage().contains("heap"), e.getMessage());

    assertDoesNotThrow(() -> GridCheck.requireMemory(ExperimentConfig.load(SMOKE, List.of()), "local[4]"));

    // A sweep over points: the largest setting decides, not the config's own data.points.
    ExperimentConfig swept = ExperimentConfig.load(SMOKE, List.of("widths=[3000000]",
        "data.points=10", "sweep.\"data.points\"=[10, 1000]"));
    e = assertThrows(UserError.class, () -> GridCheck.requireMemory(swept, "local[1]"));
    assertTrue(e.getMessage().contains("width 3000000 x 1000 training points"), e.getMessage());
  }

  @Test
  void theCommandRefusesItBeforeSparkStarts() {
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "train", "--conf", SMOKE.getPath(), "--set", "widths=[1000000000]", "--out", "target/never-written");
    assertEquals(2, code);
    assertFalse(err.toString().strip().contains("\n"), err.toString());
    assertTrue(err.toString().contains("width 1000000000"), err.toString());
    assertFalse(new File("target/never-written").exists());
  }

  @Test
  void aGridOfMoreThanAnHourGetsANoteWithItsSizeAndTime() {
    ExperimentConfig full = ExperimentConfig.load(SMOKE, List.of("seeds=1000", "training.steps=50000",
        "widths=[1, 2, 3, 4, 10, 20, 30, 40, 50]"));
    String note = GridCheck.timeNote(full, "local[2]").orElseThrow();
    double hours = TaskCost.neuronSteps(full.settings(), full.tasks())
        / (GridCheck.NEURON_STEPS_PER_CORE_SECOND * 2) / 3600;
    assertTrue(hours > 1);
    assertTrue(note.contains("18000 networks") && note.contains(String.format(java.util.Locale.ROOT, "%.1f h", hours))
        && note.contains("--yes"), note);
    assertTrue(GridCheck.timeNote(ExperimentConfig.load(SMOKE, List.of()), "local[2]").isEmpty());
    assertEquals(3, GridCheck.cores("local[3]"));
  }
}
