package org.lotteryscaling.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.ModelSettings;
import org.lotteryscaling.nn.OptimizerType;
import org.lotteryscaling.nn.Parametrization;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.InputDistribution;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains one network in this process, without Spark, and prints its result. */
@Command(
    name = "train-one",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Train one network (no Spark) and print its loss and parameters.")
public final class TrainOneCommand implements Callable<Integer> {
  private static final TrainSettings T = TrainSettings.paper();
  private static final DataSettings D = DataSettings.paper();

  @Spec CommandSpec spec;

  @Option(names = "--target", required = true, description = "x2 x3 x4 sin cos exp sin2 expx2 relu tanh mul2..mul5")
  String target;

  @Option(names = "--activation", required = true, description = "silu relu leaky_relu tanh gelu sigmoid softplus")
  String activation;

  @Option(names = "--width", required = true, description = "hidden width N >= 1")
  int width;

  @Option(names = "--seed", defaultValue = "0", description = "seed index (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--experiment-seed", defaultValue = "0", description = "experiment seed (default ${DEFAULT-VALUE})")
  long experimentSeed;

  @Option(names = "--steps", description = "optimiser steps (default 50000)")
  int steps = T.steps();

  @Option(names = "--lr", description = "initial learning rate (default 0.01)")
  double lr = T.learningRate();

  @Option(names = "--decay-every", description = "steps between learning-rate decays (default 10000)")
  int decayEvery = T.decayEvery();

  @Option(names = "--decay-factor", description = "learning-rate factor at each decay (default 0.2)")
  double decayFactor = T.decayFactor();

  @Option(names = "--beta1", description = "Adam beta1 (default 0.9)")
  double beta1 = T.beta1();

  @Option(names = "--beta2", description = "Adam beta2 (default 0.999)")
  double beta2 = T.beta2();

  @Option(names = "--eps", description = "Adam epsilon (default 1e-8)")
  double eps = T.epsilon();

  @Option(names = "--curve-points", description = "points of the loss curve kept (default 50)")
  int curvePoints = T.curvePoints();

  @Option(names = "--points", description = "training points (default 1000)")
  int points = D.trainPoints();

  @Option(names = "--test-points", description = "test points (default 1000)")
  int testPoints = D.testPoints();

  @Option(names = "--low", description = "lower end of the input range (default -2)")
  double low = D.low();

  @Option(names = "--high", description = "upper end of the input range (default 2)")
  double high = D.high();

  @Option(names = "--data-seed", description = "seed of the data sample (default 0)")
  long dataSeed = D.dataSeed();

  @Option(names = "--distribution", description = "inputs: uniform (on [low, high]) or normal"
      + " (default uniform)")
  String distribution = D.distribution().id();

  @Option(names = "--mean", description = "mean of normal inputs (default 0)")
  double mean = D.mean();

  @Option(names = "--std", description = "standard deviation of normal inputs (default 1)")
  double std = D.std();

  @Option(names = "--noise", description = "std of Gaussian noise on the training labels"
      + " (default 0)")
  double noise = D.noise();

  @Option(names = "--first-scale", description = "factor of PyTorch's bound for w, b (default 1)")
  double firstScale = ModelSettings.paper().firstScale();

  @Option(names = "--second-scale", description = "factor of PyTorch's bound for v, c (default 1)")
  double secondScale = ModelSettings.paper().secondScale();

  @Option(names = "--leaky-slope", description = "leaky_relu's negative slope, in [0, 1) (default 0.01)")
  double leakySlope = ModelSettings.paper().leakySlope();

  @Option(names = "--parametrization", description = "standard or mean-field (default standard)")
  String parametrization = ModelSettings.paper().parametrization().id();

  @Option(names = "--optimizer", description = "adam or sgd (default adam)")
  String optimizer = T.optimizer().id();

  @Option(names = "--momentum", description = "SGD momentum in [0, 1) (default 0)")
  double momentum = T.momentum();

  @Option(names = "--weight-decay", description = "decoupled weight decay, as AdamW (default 0)")
  double weightDecay = T.weightDecay();

  @Option(names = "--swept", paramLabel = "KEY=VALUE", description = "a value of a swept key"
      + " (e.g. data.points=300), as a task of a sweep trains with it: it sets the key and enters"
      + " the network seed, so the network is that of the swept experiment's row")
  List<String> swept = new ArrayList<>();

  @Option(names = "--json", description = "print one JSON object instead of a summary")
  boolean json;

  @Override
  public Integer call() {
    TaskKey key = UserError.fromInput(
        () -> new TaskKey(Target.parse(target), Activation.parse(activation), width, seed,
            Setting.parse(String.join(" ", swept))));
    TaskSettings settings = UserError.fromInput(() -> new TaskSettings(experimentSeed,
        new DataSettings(points, testPoints, low, high, dataSeed,
            InputDistribution.parse(distribution), mean, std, noise),
        new ModelSettings(Parametrization.parse(parametrization), firstScale, secondScale,
            leakySlope),
        new TrainSettings(steps, lr, decayEvery, decayFactor, beta1, beta2, eps, curvePoints,
            OptimizerType.parse(optimizer), momentum, weightDecay)));
    UserError.fromInput(() -> key.setting().applyTo(settings)); // a swept value out of range
    TrainResult result = TaskRunner.run(settings, key);
    spec.commandLine().getOut().println(json ? toJson(key, result) : summary(key, result));
    spec.commandLine().getOut().flush();
    return 0;
  }

  static String toJson(TaskKey key, TrainResult r) {
    Network net = r.network();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("w", net.wMatrix());
    params.put("b", net.bVector());
    params.put("v", net.vVector());
    params.put("c", net.c());
    Map<String, Object> curve = new LinkedHashMap<>();
    curve.put("step", r.curveSteps());
    curve.put("loss", r.curveLoss());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", key.target().id());
    json.put("activation", key.activation().id());
    json.put("width", key.width());
    json.put("seed", key.seedIndex());
    json.put("train_loss", r.trainLoss());
    json.put("test_loss", r.testLoss());
    json.put("status", r.status().id());
    json.put("steps", r.stepsDone());
    json.put("seconds", r.seconds());
    json.put("params", params);
    json.put("curve", curve);
    return JsonText.of(json);
  }

  static String summary(TaskKey key, TrainResult r) {
    Network net = r.network();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%s  %s  N=%d  seed=%d%n", key.target(), key.activation(),
        key.width(), key.seedIndex()));
    s.append(String.format(Locale.ROOT, "status      %s after %d steps in %.2f s%n", r.status(),
        r.stepsDone(), r.seconds()));
    s.append(String.format(Locale.ROOT, "train loss  %.6e%n", r.trainLoss()));
    s.append(String.format(Locale.ROOT, "test loss   %.6e%n", r.testLoss()));
    int shown = Math.min(net.width(), 10);
    s.append(String.format(Locale.ROOT, "c = %.8f%n", net.c()));
    s.append("neuron  w").append(net.dimension() > 1 ? " (first coordinate)" : "")
        .append("            b              v\n");
    for (int i = 0; i < shown; i++) {
      s.append(String.format(Locale.ROOT, "%6d  %+.8f  %+.8f  %+.8f%n", i, net.w(i, 0), net.b(i), net.v(i)));
    }
    if (shown < net.width()) {
      s.append(String.format(Locale.ROOT, "   ... %d more neurons (all of them with --json)%n",
          net.width() - shown));
    }
    return s.toString().stripTrailing();
  }
}
