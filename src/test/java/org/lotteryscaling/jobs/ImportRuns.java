package org.lotteryscaling.jobs;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainStatus;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StorageFolder;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;

/**
 * A development tool, the other half of {@link OffSparkTrain}: commits the results in its files
 * into DIR/runs (claiming DIR for the config first, as a train does; inserting only tasks the
 * table lacks), after retraining {@code verify} of them here and requiring the same bits. A
 * record cut short at a file's end (the machine taken back mid-write) is dropped. Then {@code
 * lottery train} on DIR trains whatever is still missing.
 *
 * <pre>
 *   ImportRuns CONFIG DIR VERIFY FILE...
 * </pre>
 */
public final class ImportRuns {
  private ImportRuns() {}

  record Trained(TaskKey key, TrainResult result) {}

  public static void main(String[] args) throws Exception {
    ExperimentConfig config = ExperimentConfig.load(new File(args[0]), List.of());
    String dirUri = args[1];
    int verify = Integer.parseInt(args[2]);
    List<Trained> all = new ArrayList<>();
    String codeVersion = null;
    for (int f = 3; f < args.length; f++) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(args[f])))) {
        if (in.readInt() != OffSparkTrain.MAGIC || !in.readUTF().equals(config.hash())) {
          throw new IllegalStateException(args[f] + " is not a file of this config");
        }
        String version = in.readUTF();
        if (codeVersion != null && !codeVersion.equals(version)) {
          throw new IllegalStateException("files of two code versions: " + codeVersion + ", " + version);
        }
        codeVersion = version;
        readAll(in, all);
      }
    }
    System.out.println(all.size() + " networks read, trained by " + codeVersion);
    if (System.getProperty("skipList") != null) { // the tasks read, for OffSparkTrain's SKIP_FILE
      List<String> lines = all.stream().map(t -> config.hash() + " " + TrainJob.encode(t.key())).toList();
      java.nio.file.Files.write(java.nio.file.Path.of(System.getProperty("skipList")), lines,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      return;
    }
    for (int i = 0; i < Math.min(verify, all.size()); i++) {
      Trained t = all.get((int) ((long) i * all.size() / verify)); // spread over the files
      TrainResult here = TaskRunner.run(config.settings(), t.key());
      boolean same = Double.doubleToRawLongBits(here.trainLoss()) == Double.doubleToRawLongBits(t.result().trainLoss())
          && Double.doubleToRawLongBits(here.testLoss()) == Double.doubleToRawLongBits(t.result().testLoss())
          && Arrays.equals(here.network().parameters(), t.result().network().parameters())
          && Arrays.equals(here.curveLoss(), t.result().curveLoss());
      System.out.println("retrained here " + t.key() + ": " + (same ? "same bits" : "DIFFERENT"));
      if (!same) {
        throw new IllegalStateException("retraining " + t.key() + " gave other bits");
      }
    }
    SparkSession spark = Spark.session("import-runs", "local[2]");
    StorageFolder dir = StorageFolder.of(spark, dirUri);
    ExperimentFolder.claim(dir, config);
    DeltaTables.createIfAbsent(spark, dir.resolve(Tables.RUNS),
        RowCodec.schema(ResultTables.RUNS, config.sweep()),
        Tables.RUNS_PARTITIONS);
    List<Row> rows = new ArrayList<>(all.size());
    for (Trained t : all) {
      rows.add(Tables.runRow(t.key(), t.result(), config.hash(), codeVersion, config.sweep()));
    }
    long inserted = DeltaTables.insertMissing(dir.resolve(Tables.RUNS),
        spark.createDataFrame(rows, RowCodec.schema(ResultTables.RUNS, config.sweep())), null,
        Tables.RUNS_PARTITIONS, ResultTables.RUNS.key(config.sweep()).toArray(String[]::new));
    System.out.println(inserted + " networks committed to " + dir.resolve(Tables.RUNS));
    spark.stop();
  }

  private static void readAll(DataInputStream in, List<Trained> out) throws IOException {
    while (true) {
      try {
        TaskKey key = TrainJob.decode(in.readUTF());
        TrainStatus status = TrainStatus.valueOf(in.readUTF());
        double trainLoss = in.readDouble();
        double testLoss = in.readDouble();
        int steps = in.readInt();
        double seconds = in.readDouble();
        int d = in.readInt();
        int n = in.readInt();
        double[] theta = new double[Network.parameterCount(d, n)];
        for (int k = 0; k < theta.length; k++) {
          theta[k] = in.readDouble();
        }
        int points = in.readInt();
        int[] curveSteps = new int[points];
        double[] curveLoss = new double[points];
        for (int k = 0; k < points; k++) {
          curveSteps[k] = in.readInt();
          curveLoss[k] = in.readDouble();
        }
        out.add(new Trained(key, new TrainResult(status, trainLoss, testLoss,
            Network.fromParameters(d, n, theta), steps, curveSteps, curveLoss, seconds)));
      } catch (EOFException cutShort) {
        return;
      }
    }
  }
}
