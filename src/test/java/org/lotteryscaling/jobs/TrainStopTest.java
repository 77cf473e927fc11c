package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.results.ChildJvm;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;

/**
 * SIGTERM (as Ctrl-C) during `lottery train`: one line saying what is committed and how to
 * resume, exit 143, no Spark trace; the count it names is the table's.
 */
class TrainStopTest {

  @Test
  void aStoppedTrainSaysWhatIsCommittedInOneLine(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("stop.conf");
    Files.writeString(conf, String.join("\n", "name = stop", "targets = [x2]", "activations = [silu]",
        "widths = [10]", "seeds = 400", "data { points = 100, test-points = 20 }",
        "training { steps = 2000, decay-every = 500, curve-points = 4 }"));
    Path out = dir.resolve("out");
    Path log = dir.resolve("train.log");
    Process train = ChildJvm.start(log, Map.of(), List.of(), "org.lotteryscaling.cli.Lottery",
        "train", "--conf", conf.toString(), "--out", out.toString(), "--master", "local[1]",
        "--chunk-neuron-steps", "20000000"); // 10 networks a chunk
    try {
      Path firstCommit = out.resolve("runs/_delta_log/00000000000000000001.json");
      long deadline = System.currentTimeMillis() + 120_000;
      while (!Files.exists(firstCommit) && train.isAlive() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(firstCommit) && train.isAlive(), Files.readString(log));
      train.destroy(); // SIGTERM
      assertTrue(train.waitFor(60, TimeUnit.SECONDS), "the train ends");
    } finally {
      ChildJvm.killTree(train);
    }
    String text = Files.readString(log);
    assertEquals(143, train.exitValue(), text);
    assertFalse(text.contains("Job cancelled") || text.contains("\tat "), text);
    Matcher m = Pattern.compile("lottery train: stopped; (\\d+) of 400 networks are committed in \\S+;"
        + " the same command resumes the rest").matcher(text);
    assertTrue(m.find(), text);
    long rows = Tables.readRuns(Spark.session("train-stop-test", "local[1]"), TestFolders.of(out)).count();
    assertEquals(rows, Long.parseLong(m.group(1)), text);
    assertTrue(rows >= 10 && rows < 400, text);
  }
}
