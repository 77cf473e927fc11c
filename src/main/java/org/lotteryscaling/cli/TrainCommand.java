package org.lotteryscaling.cli;

import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lotteryscaling.jobs.ExperimentFolder;
import org.lotteryscaling.jobs.StorageFolder;
import org.lotteryscaling.jobs.Spark;
import org.lotteryscaling.jobs.TrainJob;
import org.lotteryscaling.task.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains an experiment's grid on Spark into DIR/runs, resuming whatever an earlier run left. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Train every network of an experiment config into DIR/runs (Parquet), resumably.")
public final class TrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--conf", required = true, paramLabel = "FILE", description = "experiment config (HOCON), e.g. conf/quick.conf")
  File conf;

  @Option(names = "--out", paramLabel = "DIR", description = "results folder: a path or any Hadoop FileSystem URI (hdfs://, s3a://, ...; default results/<experiment name>)")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key, e.g. --set seeds=10 --set training.steps=2000")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--chunk-neuron-steps", paramLabel = "N", description = "commit every about N neuron-steps per core (default ${DEFAULT-VALUE}); results do not depend on it")
  long chunkNeuronSteps = TrainJob.DEFAULT_CHUNK_NEURON_STEPS_PER_CORE;

  @Override
  public Integer call() {
    // Every check of the config and the folder happens before Spark starts.
    ExperimentConfig config = ExperimentConfig.load(conf, overrides);
    StorageFolder dir = StorageFolder.of(out != null ? out : "results/" + config.name());
    ExperimentFolder.check(dir, config);
    TrainJob.requireDeltaRuns(dir);
    PrintStream progress = System.err;
    SparkSession spark = Spark.session("lottery train " + config.name(), master);
    TrainJob.Summary s = TrainJob.run(spark, config, StorageFolder.of(spark, dir.uri()),
        new TrainJob.Options(chunkNeuronSteps, progress, 5.0));
    spec.commandLine().getOut().println(String.format(Locale.ROOT,
        "train %s: %d networks in %s/runs (config hash %s): %d were there, %d trained in %d chunks, %.1f s",
        config.name(), s.tasks(), dir, config.hash(), s.alreadyDone(), s.trained(), s.chunks(), s.seconds()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
