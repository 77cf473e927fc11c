package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.nn.KernelType;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.TaskKey;

/**
 * The kernel is part of a row's result: the scalar kernel's sums run in another order, so its rows
 * say so in code_version and a resume of a vector-trained folder refuses them. No Spark: the
 * executor's side of a train, called directly.
 */
class KernelCodeVersionTest {

  @Test
  void marksNameTheScalarKernelOnlyAndReplaceEachOther() {
    assertEquals("", KernelType.VECTOR.codeVersionMark());
    assertEquals("", KernelType.VECTOR256.codeVersionMark());
    assertEquals("", KernelType.VECTOR512.codeVersionMark());
    assertEquals(" kernel=scalar", KernelType.SCALAR.codeVersionMark());
    assertEquals("0.5+abc kernel=scalar", KernelType.SCALAR.markedCodeVersion("0.5+abc"));
    assertEquals("0.5+abc", KernelType.VECTOR.markedCodeVersion("0.5+abc kernel=scalar"));
    assertEquals("0.5+abc kernel=scalar",
        KernelType.SCALAR.markedCodeVersion("0.5+abc kernel=scalar"));
  }

  @Test
  void eachRowRecordsTheKernelItsExecutorTrainedWith() {
    ExperimentConfig config = ExperimentConfig.parse(TrainJobTest.TINY, "tiny");
    List<TaskKey> keys = config.tasks();
    List<Row> vector = train(config, keys, null);
    List<Row> scalar = train(config, keys, "scalar");
    StructType schema = RowCodec.schema(ResultTables.RUNS, config.sweep());
    int codeVersion = schema.fieldIndex("code_version");
    int trainLoss = schema.fieldIndex("train_loss");
    boolean anyBitDiffers = false;
    for (int i = 0; i < keys.size(); i++) {
      assertEquals("v+c", vector.get(i).get(codeVersion));
      assertEquals("v+c kernel=scalar", scalar.get(i).get(codeVersion));
      anyBitDiffers |= !vector.get(i).get(trainLoss).equals(scalar.get(i).get(trainLoss));
    }
    // The reason for the mark: the two kernels' losses differ in their last bits somewhere.
    assertTrue(anyBitDiffers);
  }

  /** The rows of one partition with the kernel property set to {@code kernel} (null: unset). */
  private static List<Row> train(ExperimentConfig config, List<TaskKey> keys, String kernel) {
    String before = System.getProperty(KernelType.PROPERTY);
    try {
      if (kernel == null) {
        System.clearProperty(KernelType.PROPERTY);
      } else {
        System.setProperty(KernelType.PROPERTY, kernel);
      }
      List<Row> out = new ArrayList<>();
      TrainJob.trainPartition(config, config.hash(), "v+c", keys)
          .forEachRemaining(out::add);
      return out;
    } finally {
      if (before == null) {
        System.clearProperty(KernelType.PROPERTY);
      } else {
        System.setProperty(KernelType.PROPERTY, before);
      }
    }
  }
}
