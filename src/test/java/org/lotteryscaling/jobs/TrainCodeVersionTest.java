package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.CodeVersion;
import org.lotteryscaling.UserError;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.task.ExperimentConfig;

/** A resume over rows of another code version: refused in one line, or allowed and recorded. */
class TrainCodeVersionTest {
  private static final String GRID = String.join("\n", "name = cv", "targets = [x2]",
      "activations = [silu]", "widths = [1]", "seeds = 2", "data { points = 20, test-points = 20 }",
      "training { steps = 50, decay-every = 25, curve-points = 4 }");

  private static TrainJob.Options options(String code, boolean allow) {
    return new TrainJob.Options(Long.MAX_VALUE / 4, null, 1.0, code, allow, new TrainJob.Control());
  }

  @Test
  void theBuildStampsItsVersionAndCommit() {
    assertTrue(CodeVersion.current().startsWith("lottery-scaling "), CodeVersion.current());
    assertEquals(CodeVersion.current(), TrainJob.CODE_VERSION);
  }

  @Test
  void anotherCodeVersionIsRefusedUnlessAllowedAndThenRecorded(@TempDir Path dir) throws Exception {
    SparkSession spark = Spark.session("code-version-test", "local[1]");
    ExperimentConfig config = ExperimentConfig.parse(GRID, "cv");
    StorageFolder folder = TestFolders.of(dir);
    TrainJob.run(spark, config, folder, options("lottery-scaling 1 aaaaaaa", false));

    ExperimentConfig more = config; // the same experiment, resumed by a newer code
    UserError e = assertThrows(UserError.class,
        () -> TrainJob.run(spark, more, folder, options("lottery-scaling 2 bbbbbbb", false)));
    assertTrue(e.getMessage().contains("lottery-scaling 1 aaaaaaa")
        && e.getMessage().contains("lottery-scaling 2 bbbbbbb")
        && e.getMessage().contains("--allow-code-change") && !e.getMessage().contains("\n"), e.getMessage());
    assertFalse(Files.exists(dir.resolve(TrainJob.CODE_CHANGES_FILE)));

    TrainJob.Summary s = TrainJob.run(spark, more, folder, options("lottery-scaling 2 bbbbbbb", true));
    assertEquals(2, s.alreadyDone());
    List<String> log = Files.readAllLines(dir.resolve(TrainJob.CODE_CHANGES_FILE));
    assertEquals(1, log.size());
    assertTrue(log.get(0).contains("'lottery-scaling 2 bbbbbbb'") && log.get(0).contains("2 by 'lottery-scaling 1 aaaaaaa'"),
        log.get(0));
    for (Row row : Tables.readRuns(spark, folder).collectAsList()) {
      assertEquals("lottery-scaling 1 aaaaaaa", row.getAs("code_version")); // rows keep their own
    }
    // The same code resumes without a word.
    TrainJob.run(spark, more, folder, options("lottery-scaling 1 aaaaaaa", false));
  }
}
