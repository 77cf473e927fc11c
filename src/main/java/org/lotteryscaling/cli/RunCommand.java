package org.lotteryscaling.cli;

import java.io.File;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import org.lotteryscaling.task.ExperimentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `lottery run`: train, aggregate, analyze and report, in that order, on one results folder and
 * one Spark session; stops at the first step that fails.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Train the grid of a config, then aggregate, analyze and report its results folder.")
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "experiment config (same as --conf)")
  File positionalConf;

  @Option(names = "--conf", paramLabel = "FILE", description = "experiment config (HOCON), e.g. conf/quick.conf")
  File conf;

  @Option(names = "--out", paramLabel = "DIR", description = "results folder: a path or any Hadoop FileSystem URI (default results/<experiment name>)")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
  String master;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key, e.g. --set seeds=10")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--yes", description = "no note before a grid estimated to take over an hour (for scripts)")
  boolean yes;

  @Option(names = "--allow-code-change", description = "resume into runs written by another code version (see train)")
  boolean allowCodeChange;

  @Override
  public Integer call() {
    if ((conf == null) == (positionalConf == null)) {
      throw new UserError("run takes one config: --conf FILE or FILE");
    }
    File file = conf != null ? conf : positionalConf;
    ExperimentConfig config = ExperimentConfig.load(file, overrides);
    String dir = out != null ? out : "results/" + config.name();

    List<String> train = new ArrayList<>(List.of("train", "--conf", file.getPath(), "--out", dir));
    for (String o : overrides) {
      train.add("--set");
      train.add(o);
    }
    if (yes) {
      train.add("--yes");
    }
    if (allowCodeChange) {
      train.add("--allow-code-change");
    }
    List<List<String>> steps = new ArrayList<>(List.of(train,
        new ArrayList<>(List.of("aggregate", "--results", dir)),
        new ArrayList<>(List.of("analyze", "--results", dir)),
        new ArrayList<>(List.of("report", "--results", dir))));
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    for (List<String> step : steps) {
      if (master != null) {
        step.add("--master");
        step.add(master);
      }
      stderr.println("lottery run: " + String.join(" ", step));
      stderr.flush();
      int code = Lottery.execute(stdout, stderr, step.toArray(String[]::new));
      if (code != 0) {
        return code;
      }
    }
    return 0;
  }
}
