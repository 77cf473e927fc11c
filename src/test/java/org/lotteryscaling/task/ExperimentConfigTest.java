package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.TrainSettings;

class ExperimentConfigTest {
  @TempDir Path dir;

  File write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toFile();
  }

  @Test
  void anEmptyFileIsRefusedAndAnyKeyLeftOutIsThePapers() throws IOException {
    for (String empty : new String[] {"", "# only a comment\n\n"}) {
      File file = write("empty.conf", empty);
      UserError e = assertThrows(UserError.class, () -> ExperimentConfig.load(file, List.of()));
      assertTrue(e.getMessage().contains("sets no key") && e.getMessage().contains("18000 networks"), e.getMessage());
    }
    ExperimentConfig c = ExperimentConfig.load(write("paper.conf", "seeds = 1000"), List.of());
    assertEquals("paper", c.name());
    assertEquals(List.of(Target.X2), c.targets());
    assertEquals(List.of(Activation.SILU, Activation.LEAKY_RELU), c.activations());
    assertEquals(List.of(1, 2, 3, 4, 10, 20, 30, 40, 50), c.widths());
    assertEquals(1000, c.seeds());
    assertEquals(TaskSettings.paper(), c.settings());
  }

  @Test
  void everyKeyIsReadAndOverridesApplyInOrder() throws IOException {
    File file = write("all.conf", String.join("\n",
        "name = all", "targets = [mul3, sin]", "activations = [tanh]", "widths = [7]", "seeds = 3",
        "seed-offset = 5", "experiment-seed = 11",
        "data { points = 10, test-points = 20, low = -1, high = 3, seed = 4 }",
        "training { steps = 30, lr = 0.5, decay-every = 6, decay-factor = 0.5, beta1 = 0.8,",
        "  beta2 = 0.99, eps = 1e-6, curve-points = 5 }"));
    ExperimentConfig c = ExperimentConfig.load(file,
        List.of("seeds = 4", "training.lr=0.25", "widths=[1, 9]", "seeds=2"));
    assertEquals(List.of(Target.MUL3, Target.SIN), c.targets());
    assertEquals(List.of(Activation.TANH), c.activations());
    assertEquals(List.of(1, 9), c.widths());
    assertEquals(2, c.seeds());
    assertEquals(5, c.seedOffset());
    assertEquals(new TaskSettings(11, new DataSettings(10, 20, -1, 3, 4),
        new TrainSettings(30, 0.25, 6, 0.5, 0.8, 0.99, 1e-6, 5)), c.settings());
  }

  @Test
  void theGridIsTheFullProductInCanonicalOrderWithSeedsFromTheOffset() throws IOException {
    ExperimentConfig c = ExperimentConfig.load(write("g.conf",
        "targets = [x3, x2]\nactivations = [relu, silu]\nwidths = [5, 1, 2]\nseeds = 3\nseed-offset = 10"),
        List.of());
    List<TaskKey> tasks = c.tasks();
    assertEquals(2 * 2 * 3 * 3, tasks.size());
    assertEquals(tasks.size(), c.taskCount());
    assertEquals(tasks.size(), new HashSet<>(tasks).size());
    assertEquals(new TaskKey(Target.X3, Activation.RELU, 5, 10), tasks.get(0));
    assertEquals(new TaskKey(Target.X3, Activation.RELU, 5, 12), tasks.get(2));
    assertEquals(new TaskKey(Target.X3, Activation.RELU, 1, 10), tasks.get(3));
    assertEquals(new TaskKey(Target.X2, Activation.SILU, 2, 12), tasks.get(tasks.size() - 1));
  }

  @Test
  void theHashDependsOnTheResolvedExperimentOnly() throws IOException {
    ExperimentConfig terse = ExperimentConfig.load(write("a.conf", "name = e\nseeds = 5"), List.of());
    ExperimentConfig verbose = ExperimentConfig.load(write("b.conf", String.join("\n",
        "# the same experiment, every default spelled out, another order",
        "training { curve-points = 50, eps = 1.0e-8, beta2 = 0.999, beta1 = 0.9, decay-factor = 0.2,",
        "  decay-every = 10000, lr = 1e-2, steps = 50000 }",
        "data.seed = 0", "data.high = 2", "data.low = -2.0", "data.test-points = 1000",
        "data.points = 1000", "experiment-seed = 0", "seed-offset = 0", "seeds = 1000",
        "widths = [1, 2, 3, 4, 10, 20, 30, 40, 50]", "activations = [silu, leaky_relu]",
        "targets = [x2]", "name = e")), List.of("seeds=5"));
    assertEquals(terse.canonical(), verbose.canonical());
    assertEquals(terse.hash(), verbose.hash());
    assertTrue(terse.hash().matches("[0-9a-f]{16}"), terse.hash());
    // The canonical form is itself a config that resolves to the same experiment.
    assertEquals(terse, ExperimentConfig.parse(terse.canonical(), "other"));
    for (String change : List.of("seeds=6", "seed-offset=1", "training.lr=0.02", "data.seed=1",
        "experiment-seed=1", "widths=[1,2,3,4,10,20,30,40]", "activations=[leaky_relu, silu]",
        "name=f", "training.steps=49999", "data.high=2.5")) {
      assertNotEquals(terse.hash(),
          ExperimentConfig.load(new File(dir.toFile(), "a.conf"), List.of(change)).hash(), change);
    }
  }

  @Test
  void everyBadInputIsOneLineNamingTheKey() throws IOException {
    String[][] cases = {
      // config text, override or "", words the message must contain
      {"targets = [x2, x9]", "", "targets", "'x9'", "allowed: x2, x3"},
      {"activations = [swish]", "", "activations", "'swish'",
          "allowed: silu, relu, leaky_relu, tanh, gelu, sigmoid, softplus"},
      {"widths = [2, 0]", "", "widths", ">= 1", "0"},
      {"widths = [-3]", "", "widths", "-3"},
      {"widths = []", "", "widths", "at least one"},
      {"widths = [2, 2]", "", "widths", "twice"},
      {"widths = [two]", "", "widths"},
      {"seeds = 0", "", "seeds", ">= 1"},
      {"seeds = -5", "", "seeds", ">= 1"},
      {"seed-offset = -1", "", "seed-offset"},
      {"training.lr = 0", "", "training.lr", "> 0"},
      {"training.lr = -0.01", "", "training.lr"},
      {"training.steps = 0", "", "training.steps", ">= 1"},
      {"training.steps = -10", "", "training.steps"},
      {"data.points = 0", "", "data: points", ">= 1"},
      {"seeds = ${nowhere}", "", "nowhere"},
      {"training.steps = many", "", "training.steps"},
      {"data { low = 2, high = 1 }", "", "low < high"},
      {"trainig.steps = 100", "", "unknown key 'trainig.steps'", "training.steps", "bad.conf"},
      {"widht = [2]", "", "unknown key 'widht'", "widths"},
      {"data.point = 10", "", "unknown key 'data.point'", "data.points"},
      {"seeds = 4", "seed = 3", "unknown key 'seed'", "--set seed = 3", "seeds"},
      {"seeds = 4", "training.lr=0", "training.lr"},
      {"seeds = 4", "seeds", "--set", "key=value"},
      {"seeds = 4", "widths=[1,", "malformed --set"},
      {"targets = [x2\nseeds = 4", "", "malformed config", "bad.conf"},
      {"seeds = {", "", "malformed config"},
      {"seeds = four", "", "seeds"},
      {"name = \"a b\"", "", "name"},
      {"training.optimizer = rmsprop", "", "training.optimizer", "'rmsprop'", "adam, sgd"},
      {"training.momentum = 0.9", "", "training.momentum applies to the sgd optimizer"},
      {"training { optimizer = sgd, momentum = 1 }", "", "training.momentum", "[0, 1)"},
      {"training.weight-decay = -1", "", "training.weight-decay", ">= 0"},
      {"data.distribution = gauss", "", "data.distribution", "'gauss'", "uniform, normal"},
      {"data.std = 2", "", "data.std does not apply to data.distribution = uniform"},
      {"data { distribution = normal, low = -1 }", "", "data.low does not apply"},
      {"data { distribution = normal, std = -1 }", "", "data: std", "> 0"},
      {"data.noise = -0.5", "", "data: noise", ">= 0"},
      {"init.first-scale = 0", "", "init.first-scale", "> 0"},
      {"model.parametrization = lazy", "", "model.parametrization", "standard, mean-field"},
      {"seeds = 4", "sweep.\"training.momentum\" = [0.5, 2]", "sweep", "momentum"},
      {"model.leaky-slope = 1", "", "model.leaky-slope", "[0, 1)"},
      {"model.leaky-slope = 0.1\nactivations = [silu]", "", "model.leaky-slope applies to leaky_relu"},
      {"targets = [\"sin(3*x\"]", "", "targets", "'sin(3*x'", "position 8"},
      {"targets = [\"x^2 + y\"]", "", "targets", "position 7"},
      {"targets = [x5]", "", "targets", "'x5'", "formula", "\"x^5\""},
      {"targets = [\"(x2)\"]", "", "targets", "the named target 'x2'"},
      {"targets = [\"log(x)\"]", "", "targets", "log(x) is NaN at x = [-", "data.low"},
      {"targets = [\"1/(x-x)\"]", "", "targets", "1/(x-x) is Infinity at x = ["},
      {"targets = [\"sqrt(x)\"]\nsweep { \"data.low\" = [0, -1] }", "", "targets",
          "sqrt(x) is NaN", "data.low=-1"},
      {"targets = [\"sin(x)\", \"sin( x )\"]", "", "targets", "twice"},
    };
    for (String[] c : cases) {
      File file = write("bad.conf", c[0]);
      List<String> overrides = c[1].isEmpty() ? List.of() : List.of(c[1]);
      UserError e = assertThrows(UserError.class,
          () -> ExperimentConfig.load(file, overrides), c[0]);
      String message = e.getMessage();
      assertTrue(!message.contains("\n"), "one line: " + message);
      for (int k = 2; k < c.length; k++) {
        assertTrue(message.contains(c[k]), "'" + c[k] + "' in: " + message);
      }
    }
  }

  /**
   * The keys added after the first version change the canonical text only when they leave their
   * default: spelled out at their defaults, a config keeps the hash it had (so its folders resume);
   * set otherwise, each has its line and changes the hash.
   */
  @Test
  void laterKeysAtTheirDefaultsKeepTheHash() throws IOException {
    ExperimentConfig plain = ExperimentConfig.load(write("a.conf", "seeds = 4"), List.of());
    ExperimentConfig spelled = ExperimentConfig.load(write("a.conf", String.join("\n",
        "seeds = 4",
        "data { distribution = uniform, noise = 0 }",
        "init { first-scale = 1, second-scale = 1.0 }",
        "model { parametrization = standard, leaky-slope = 0.01 }",
        "training { optimizer = adam, momentum = 0, weight-decay = 0 }")), List.of());
    assertEquals(plain.canonical(), spelled.canonical());
    for (String key : ExperimentConfig.LATER_KEYS) {
      assertTrue(!plain.canonical().contains(key), key);
    }
    String[] changes = {"data.noise=0.1", "init.first-scale=2", "init.second-scale=0.5",
        "model.parametrization=mean-field", "training.weight-decay=1e-4",
        "training.optimizer=sgd", "data.distribution=normal", "model.leaky-slope=0.1"};
    for (String change : changes) {
      ExperimentConfig changed = ExperimentConfig.load(write("a.conf", "seeds = 4"),
          List.of(change));
      String key = change.substring(0, change.indexOf('='));
      assertTrue(changed.canonical().contains(key + " = "), changed.canonical());
      assertNotEquals(plain.hash(), changed.hash(), change);
      // the canonical text is a config that reads back as the same experiment
      assertEquals(changed.canonical(), ExperimentConfig.parse(changed.canonical(), "a")
          .canonical());
    }
  }

  @Test
  void aSweepOverANewKeyAppliesItPerSetting() throws IOException {
    ExperimentConfig c = ExperimentConfig.load(write("a.conf", String.join("\n", "seeds = 2",
        "training { optimizer = sgd, lr = 0.1 }",
        "sweep { \"training.momentum\" = [0, 0.9], \"init.first-scale\" = [0.5, 2] }")),
        List.of());
    assertEquals(4, c.sweep().settings().size());
    Setting last = c.sweep().settings().get(3);
    TaskSettings s = c.settings(last);
    assertEquals(0.9, s.training().momentum());
    assertEquals(2.0, s.model().firstScale());
    assertEquals(org.lotteryscaling.nn.OptimizerType.SGD, s.training().optimizer());
  }

  /**
   * A formula target reads as its canonical text: quoted in the canonical config (which reads back
   * as the same experiment), one input column per variable, and the same labels as the named target
   * it spells; a grid of named targets keeps its canonical text and hash.
   */
  @Test
  void aFormulaTargetIsItsCanonicalTextAndTrains() throws IOException {
    ExperimentConfig c = ExperimentConfig.load(write("a.conf", String.join("\n", "seeds = 1",
        "widths = [2]", "activations = [silu]", "training.steps = 20",
        "targets = [x2, \"x1 * x2 + x3 ^ 2\", \"sin(3*x)\"]")), List.of());
    assertEquals(List.of("x2", "x1*x2+x3^2", "sin(3*x)"),
        c.targets().stream().map(Target::id).toList());
    assertTrue(c.canonical().contains("targets = [x2, \"x1*x2+x3^2\", \"sin(3*x)\"]"),
        c.canonical());
    ExperimentConfig back = ExperimentConfig.parse(c.canonical(), "a");
    assertEquals(c.hash(), back.hash());
    assertEquals(c.targets(), back.targets());

    Target cubic = c.targets().get(1);
    assertEquals(3, cubic.dimension());
    TaskKey key = new TaskKey(cubic, Activation.SILU, 2, 0);
    org.lotteryscaling.nn.Dataset train = DataSampler.train(cubic, c.settings().data());
    assertEquals(3, train.dimension());
    assertEquals(train.x(5, 0) * train.x(5, 1) + train.x(5, 2) * train.x(5, 2), train.y(5), 0.0);
    org.lotteryscaling.nn.TrainResult r = TaskRunner.run(c.settings(), key);
    assertEquals(3, r.network().dimension());
    assertTrue(Double.isFinite(r.trainLoss()) && r.trainLoss() > 0);

    // x^2 written out labels the same points with the same bits as the name x2
    org.lotteryscaling.nn.Dataset named = DataSampler.train(Target.X2, c.settings().data());
    org.lotteryscaling.nn.Dataset written = DataSampler.train(Target.parse("x*x"), c.settings().data());
    for (int m = 0; m < named.size(); m++) {
      assertEquals(Double.doubleToLongBits(named.y(m)), Double.doubleToLongBits(written.y(m)));
    }
    // a formula is not a name, so it is other networks: its seeds mix in its own text
    assertNotEquals(Seeds.network(0, Target.X2, Activation.SILU, 2, 0),
        Seeds.network(0, Target.parse("x^2"), Activation.SILU, 2, 0));
  }

  @Test
  void aMissingFileIsNamed() {
    UserError e = assertThrows(UserError.class,
        () -> ExperimentConfig.load(dir.resolve("nope.conf").toFile(), List.of()));
    assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
  }

  @Test
  void theShippedConfigsLoad() {
    for (String name : List.of("smoke", "quick", "paper-figure1", "appendix-unary",
        "appendix-multiplication", "wide")) {
      ExperimentConfig c = ExperimentConfig.load(new File("conf/" + name + ".conf"), List.of());
      assertEquals(name, c.name());
    }
    assertEquals(10, ExperimentConfig.load(new File("conf/appendix-unary.conf"), List.of()).targets().size());
    assertEquals(2 * 9 * 1000,
        ExperimentConfig.load(new File("conf/paper-figure1.conf"), List.of()).taskCount());
    ExperimentConfig smoke = ExperimentConfig.load(new File("conf/smoke.conf"), List.of());
    assertEquals(2 * 2 * 4, smoke.taskCount());
    assertEquals(2000, smoke.settings().training().steps());
  }

  /**
   * The config and its tasks reach Spark's executors by Java serialisation, parsed once on the
   * driver: what arrives must be the same config (same hash, same settings at every setting of
   * the sweep) and the same tasks.
   */
  @Test
  void aSweptConfigAndItsTasksSurviveJavaSerialisation() throws Exception {
    ExperimentConfig c = ExperimentConfig.parse("""
        targets = [x2, mul2]
        activations = [silu]
        widths = [2, 3]
        seeds = 2
        sweep { "data.high, data.low" = [[1, -1], [2, -2]], "training.lr" = [1e-3, 3e-2] }
        """, "sent");
    ExperimentConfig back = roundTrip(c);
    assertEquals(c, back);
    assertEquals(c.hash(), back.hash());
    assertEquals(c.canonical(), back.canonical());
    for (Setting s : c.sweep().settings()) {
      assertEquals(c.settings(s), back.settings(s));
    }
    List<TaskKey> tasks = c.tasks();
    assertEquals(tasks, roundTrip(new java.util.ArrayList<>(tasks)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
