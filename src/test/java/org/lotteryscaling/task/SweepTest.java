package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;

class SweepTest {
  @TempDir Path dir;

  private ExperimentConfig load(String text, String... overrides) throws IOException {
    Path file = dir.resolve("s.conf");
    Files.writeString(file, "name = s\ntargets = [x2]\nactivations = [silu]\nwidths = [2, 5]\n"
        + "seeds = 3\n" + text);
    return ExperimentConfig.load(file.toFile(), List.of(overrides));
  }

  @Test
  void theGridIsTheProductOfTheAxesWithTheFourGridAxes() throws IOException {
    ExperimentConfig c = load("sweep { \"training.lr\" = [3e-3, 1e-2], \"data.points\" = [100, 300, 1000] }");
    // Axes in the order of SettingKey, whatever the file's order: points before lr.
    assertEquals(List.of(SettingKey.DATA_POINTS, SettingKey.TRAINING_LR), c.sweep().keys());
    assertEquals(1 * 1 * 2 * 3 * 6, c.taskCount());
    List<TaskKey> tasks = c.tasks();
    assertEquals(c.taskCount(), tasks.size());
    assertEquals(tasks.size(), new HashSet<>(tasks).size());
    Set<String> settings = new HashSet<>();
    for (TaskKey key : tasks) {
      settings.add(key.setting().toString());
      TaskSettings own = c.settings(key.setting());
      assertEquals(key.setting().value(SettingKey.DATA_POINTS).intValue(), own.data().trainPoints());
      assertEquals(key.setting().value(SettingKey.TRAINING_LR).doubleValue(), own.training().learningRate());
      // Everything not swept is the config's.
      assertEquals(c.settings().training().steps(), own.training().steps());
      assertEquals(c.settings().data().testPoints(), own.data().testPoints());
    }
    assertEquals(Set.of("data.points=100 training.lr=0.003", "data.points=100 training.lr=0.01",
        "data.points=300 training.lr=0.003", "data.points=300 training.lr=0.01",
        "data.points=1000 training.lr=0.003", "data.points=1000 training.lr=0.01"), settings);
    assertEquals(new TaskKey(Target.X2, Activation.SILU, 2, 0,
        Setting.parse("data.points=100 training.lr=0.003")), tasks.get(0));
  }

  @Test
  void zippedKeysTakeTheirValuesTogether() throws IOException {
    ExperimentConfig c = load("sweep { \"data.high, data.low\" = [[1, -1], [2, -2]] }");
    List<Setting> settings = c.sweep().settings();
    assertEquals(2, settings.size());
    assertEquals(new DataSettings(1000, 1000, -1, 1, 0), c.settings(settings.get(0)).data());
    assertEquals(new DataSettings(1000, 1000, -2, 2, 0), c.settings(settings.get(1)).data());
    Sweep.Axis axis = c.sweep().axes().get(0);
    assertEquals(SettingKey.DATA_HIGH, axis.key());
    assertArrayEquals(new double[] {1, 2}, axis.positions());
    assertTrue(axis.fittable());
    // A range that only the pair together makes valid: [3, 4] from the default [-2, 2].
    ExperimentConfig shifted = load("sweep { \"data.low, data.high\" = [[3, 4]] }");
    assertEquals(new DataSettings(1000, 1000, 3, 4, 0), shifted.settings(shifted.sweep().settings().get(0)).data());
    assertFalse(shifted.sweep().axes().get(0).fittable());
  }

  @Test
  void dottedKeysMayBeQuotedOrNestedAndSetFromTheCommandLine() throws IOException {
    ExperimentConfig quoted = load("sweep { \"data.points\" = [10, 20] }");
    ExperimentConfig nested = load("sweep { data { points = [10, 20] } }");
    ExperimentConfig set = load("", "sweep.\"data.points\" = [10, 20]");
    assertEquals(quoted, nested);
    assertEquals(quoted, set);
    assertEquals(quoted.hash(), set.hash());
    ExperimentConfig dropped = load("sweep { \"data.points\" = [10, 20] }", "sweep = null");
    assertTrue(dropped.sweep().isEmpty());
    assertEquals(load("").hash(), dropped.hash());
    ExperimentConfig replaced = load("sweep { \"data.points\" = [10, 20] }", "sweep.\"data.points\" = [30]");
    assertEquals(List.of(Setting.parse("data.points=30")), replaced.sweep().settings());
  }

  @Test
  void theCanonicalTextReadsBackAsTheSameExperimentAndAConfigWithoutSweepKeepsItsHash() throws IOException {
    ExperimentConfig c = load("sweep { \"training.steps\" = [100, 1000], \"data.high, data.low\" = [[1, -1], [2.5, -2.5]] }");
    assertTrue(c.canonical().endsWith(
        "sweep = { \"data.high, data.low\" = [[1.0, -1.0], [2.5, -2.5]], \"training.steps\" = [100, 1000] }\n"),
        c.canonical());
    ExperimentConfig back = ExperimentConfig.parse(c.canonical(), "other");
    assertEquals(c, back);
    assertEquals(c.hash(), back.hash());
    assertNotEquals(load("").hash(), c.hash());
    assertNotEquals(load("sweep { \"training.steps\" = [100, 1001], \"data.high, data.low\" = [[1, -1], [2.5, -2.5]] }").hash(), c.hash());
    // conf/smoke.conf's hash as docs/cluster.md quotes it from a run before sweeps existed.
    ExperimentConfig smoke = ExperimentConfig.load(new File("conf/smoke.conf"), List.of());
    assertEquals("5ba8640024a83307", smoke.hash());
    assertFalse(smoke.canonical().contains("sweep"));
  }

  @Test
  void everyBadSweepIsOneLineNamingTheKey() throws IOException {
    String[][] cases = {
        {"sweep { \"data.pionts\" = [1, 2] }", "unknown key 'data.pionts'"},
        {"sweep { widths = [1, 2] }", "unknown key 'widths'"},
        {"sweep { \"experiment-seed\" = [1, 2] }", "unknown key 'experiment-seed'"},
        {"sweep { \"data.points\" = [] }", "\"data.points\" must list at least one value"},
        {"sweep { \"data.points\" = 100 }", "\"data.points\" must list at least one value"},
        {"sweep { \"data.points\" = [1.5] }", "data.points: 1.5 is not a whole number"},
        {"sweep { \"data.points\" = [\"many\"] }", "data.points: 'many' is not a number"},
        {"sweep { \"data.points\" = [10, 10] }", "lists 10 twice"},
        {"sweep { \"data.points\" = [0] }", "the setting data.points=0 is invalid: points must be >= 1"},
        {"sweep { \"training.lr\" = [-0.1] }", "training.lr=-0.1 is invalid: lr must be > 0"},
        {"sweep { \"data.low\" = [3] }", "data.low=3.0 is invalid: input range needs low < high"},
        {"sweep { \"data.high, data.low\" = [[1, -1], [2]] }", "each value must be a list of 2"},
        {"sweep { \"data.high, data.low\" = [1, 2] }", "each value must be a list of 2"},
        {"sweep { \"data.high, data.low\" = [[1, -1]], \"data.low\" = [-3] }", "data.low is swept twice"},
        {"sweep = 5", "sweep must be an object"},
        {"sweep { \"training.steps\" = [3000000000] }", "training.steps: 3000000000 is out of range"},
        {"sweep { \"training.optimizer\" = [adam, rmsprop] }",
            "unknown training.optimizer 'rmsprop' (allowed: adam, sgd)"},
        {"sweep { \"training.optimizer\" = [adam, 1] }", "unknown training.optimizer '1'"},
        {"sweep { \"training.optimizer\" = [adam, sgd, ADAM] }", "twice"},
        {"sweep { \"training.optimizer, training.momentum\" = [[adam, 0.9]] }",
            "training.optimizer=adam training.momentum=0.9 is invalid"},
    };
    for (String[] c : cases) {
      UserError e = assertThrows(UserError.class, () -> load(c[0]), c[0]);
      assertTrue(e.getMessage().contains(c[1]), c[0] + " -> " + e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  /**
   * A named choice is swept as any key: its settings apply it (here zipped with the momentum that
   * only SGD takes), it enters the canonical text and the seeds by name, and a setting's text
   * reads back; no power law is fitted along it.
   */
  @Test
  void aNamedChoiceIsSweptByName() throws IOException {
    ExperimentConfig c = load("sweep { \"training.optimizer, training.momentum\" = [[adam, 0], [sgd, 0.9]],"
        + " \"model.parametrization\" = [standard, mean-field], \"data.distribution\" = [uniform] }");
    List<Setting> settings = c.sweep().settings();
    assertEquals(4, settings.size());
    assertEquals("data.distribution=uniform model.parametrization=mean-field"
        + " training.optimizer=sgd training.momentum=0.9", settings.get(3).toString());
    TaskSettings last = c.settings(settings.get(3));
    assertEquals(org.lotteryscaling.nn.OptimizerType.SGD, last.training().optimizer());
    assertEquals(0.9, last.training().momentum());
    assertEquals(org.lotteryscaling.nn.Parametrization.MEAN_FIELD, last.model().parametrization());
    assertEquals(org.lotteryscaling.nn.OptimizerType.ADAM, c.settings(settings.get(0)).training().optimizer());
    assertTrue(c.canonical().contains("\"training.optimizer, training.momentum\" = [[adam, 0.0], [sgd, 0.9]]"),
        c.canonical());
    assertEquals(c.hash(), ExperimentConfig.parse(c.canonical(), "s").hash());
    assertEquals(settings.get(3), Setting.parse(settings.get(3).toString()));
    assertEquals("sgd", SettingKey.TRAINING_OPTIMIZER.stored(settings.get(3).value(SettingKey.TRAINING_OPTIMIZER)));
    assertEquals(Seeds.combine(Seeds.network(0, Target.X2, Activation.SILU, 2, 0),
        Seeds.text("data.distribution=uniform")),
        Seeds.network(0, new TaskKey(Target.X2, Activation.SILU, 2, 0, Setting.parse("data.distribution=uniform"))));
    for (Sweep.Axis axis : c.sweep().axes()) {
      assertFalse(axis.fittable(), axis.key().key());
    }
    // training the two optimisers from one seed index gives two different networks
    TaskSettings base = new TaskSettings(0, new DataSettings(50, 50, -2, 2, 0),
        org.lotteryscaling.nn.TrainSettings.paper().withSteps(50));
    var adam = TaskRunner.run(base, new TaskKey(Target.X2, Activation.SILU, 2, 0, settings.get(0)));
    var sgd = TaskRunner.run(base, new TaskKey(Target.X2, Activation.SILU, 2, 0, settings.get(3)));
    assertNotEquals(adam.trainLoss(), sgd.trainLoss());
  }

  @Test
  void aSettingsTextReadsBackAndBadTextIsNamed() {
    Setting s = Setting.parse("data.points=100 training.lr=0.01");
    assertEquals(s, Setting.parse(s.toString()));
    assertEquals(s, Setting.parse("data.points=100,training.lr=1e-2"));
    assertEquals(Setting.NONE, Setting.parse(""));
    for (String bad : new String[] {"points=3", "data.points", "data.points=x", "training.lr=0.1 training.lr=0.2"}) {
      assertThrows(IllegalArgumentException.class, () -> Setting.parse(bad), bad);
    }
  }

  @Test
  void aSettingEntersTheNetworkSeedOnlyWhenThereIsOne() {
    TaskKey plain = new TaskKey(Target.X2, Activation.SILU, 10, 3);
    assertEquals(Seeds.network(7, Target.X2, Activation.SILU, 10, 3), Seeds.network(7, plain));
    TaskKey a = new TaskKey(Target.X2, Activation.SILU, 10, 3, Setting.parse("data.points=100"));
    TaskKey b = new TaskKey(Target.X2, Activation.SILU, 10, 3, Setting.parse("data.points=300"));
    assertNotEquals(Seeds.network(7, plain), Seeds.network(7, a));
    assertNotEquals(Seeds.network(7, a), Seeds.network(7, b));
    assertEquals(Seeds.network(7, a), Seeds.network(7,
        new TaskKey(Target.X2, Activation.SILU, 10, 3, Setting.parse("data.points=100"))));
    // The documented formula, by hand.
    assertEquals(Seeds.combine(Seeds.network(7, plain), Seeds.text("data.points=100")), Seeds.network(7, a));
  }

  @Test
  void aTaskCostsAndTrainsWithItsOwnSettings() {
    TaskSettings base = new TaskSettings(0, new DataSettings(1000, 50, -2, 2, 0),
        org.lotteryscaling.nn.TrainSettings.paper().withSteps(300));
    TaskKey small = new TaskKey(Target.X2, Activation.SILU, 4, 0, Setting.parse("data.points=20 training.steps=200"));
    assertEquals(4L * 20 * 200, TaskCost.neuronSteps(base, small));
    assertEquals(4L * 1000 * 300, TaskCost.neuronSteps(base, new TaskKey(Target.X2, Activation.SILU, 4, 0)));
    var result = TaskRunner.run(base, small);
    assertEquals(200, result.stepsDone());
    // The points of a smaller sample are the first points of a larger one (one stream, drawn in order).
    Dataset twenty = DataSampler.train(Target.X2, small.setting().applyTo(base).data());
    Dataset all = DataSampler.train(Target.X2, base.data());
    assertArrayEquals(Arrays.copyOf(all.xCopy(), 20), twenty.xCopy());
  }
}
