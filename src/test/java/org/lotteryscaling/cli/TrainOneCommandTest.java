package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.TrainResult;
import org.lotteryscaling.nn.TrainSettings;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Target;
import org.lotteryscaling.task.TaskKey;
import org.lotteryscaling.task.TaskRunner;
import org.lotteryscaling.task.TaskSettings;

class TrainOneCommandTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jsonCarriesTheSameLossesAsTheLibraryForTheSameTask() {
    Run r = run("train-one", "--target", "x2", "--activation", "tanh", "--width", "3", "--seed", "4",
        "--steps", "500", "--points", "64", "--json");
    assertEquals(0, r.code(), r.err());
    TaskSettings settings = new TaskSettings(0, new DataSettings(64, 1000, -2, 2, 0),
        TrainSettings.paper().withSteps(500));
    TrainResult expected = TaskRunner.run(settings, new TaskKey(Target.X2, Activation.TANH, 3, 4));
    String json = r.out().trim();
    assertTrue(json.startsWith("{") && json.endsWith("}"), json);
    assertEquals(expected.trainLoss(), number(json, "train_loss"), 0.0);
    assertEquals(expected.testLoss(), number(json, "test_loss"), 0.0);
    assertEquals(expected.network().c(), number(json, "c"), 0.0);
    assertTrue(json.contains("\"status\":\"ok\""));
    assertTrue(json.contains("\"w\":[[") && json.contains("\"b\":[") && json.contains("\"v\":["));
  }

  @Test
  void sweptValuesReproduceTheNetworkOfASweptExperimentsTask() {
    ExperimentConfig config = ExperimentConfig.parse("targets = [x2]\nactivations = [silu]\n"
        + "widths = [3]\nseeds = 3\ntraining { steps = 300 }\n"
        + "sweep { \"data.points\" = [20, 64], \"training.lr\" = [0.01, 0.02] }", "x");
    TaskKey task = config.tasks().stream()
        .filter(k -> k.seedIndex() == 2 && k.setting().toString().equals("data.points=64 training.lr=0.02"))
        .findFirst().orElseThrow();
    TrainResult expected = TaskRunner.run(config.settings(), task);
    Run r = run("train-one", "--target", "x2", "--activation", "silu", "--width", "3", "--seed", "2",
        "--steps", "300", "--swept", "data.points=64", "--swept", "training.lr=0.02", "--json");
    assertEquals(0, r.code(), r.err());
    assertEquals(expected.trainLoss(), number(r.out(), "train_loss"), 0.0);
    // The same values as plain options train another network: the swept values enter its seed.
    Run plain = run("train-one", "--target", "x2", "--activation", "silu", "--width", "3", "--seed",
        "2", "--steps", "300", "--points", "64", "--lr", "0.02", "--json");
    assertTrue(number(plain.out(), "train_loss") != expected.trainLoss(), plain.out());
    for (String bad : new String[] {"data.pionts=3", "data.points=0", "data.low=5", "widths=3"}) {
      Run b = run("train-one", "--target", "x2", "--activation", "silu", "--width", "3", "--swept", bad);
      assertEquals(2, b.code(), bad);
      assertFalse(b.err().trim().contains("\n"), b.err());
    }
  }

  @Test
  void summaryIsReadable() {
    Run r = run("train-one", "--target", "sin", "--activation", "relu", "--width", "12", "--steps", "100");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("train loss"), r.out());
    assertTrue(r.out().contains("2 more neurons"), r.out());
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    String[][] bad = {
      {"train-one", "--target", "x9", "--activation", "silu", "--width", "2"},
      {"train-one", "--target", "x2", "--activation", "swish", "--width", "2"},
      {"train-one", "--target", "x2", "--activation", "silu", "--width", "-3"},
      {"train-one", "--target", "x2", "--activation", "silu", "--width", "2", "--lr", "0"},
      {"train-one", "--target", "x2", "--activation", "silu", "--width", "two"},
      {"train-one", "--target", "x2", "--activation", "silu"},
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertEquals(2, r.code(), String.join(" ", args));
      String err = r.err().trim();
      assertFalse(err.isEmpty());
      assertFalse(err.contains("\n"), "one line: " + err);
      assertFalse(err.contains("Exception"), err);
      assertTrue(err.startsWith("lottery: "), err);
    }
    assertTrue(run(bad[0]).err().contains("'x9'"));
    assertTrue(run(bad[2]).err().contains("width"));
  }

  private static double number(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(json);
    assertTrue(m.find(), key + " in " + json);
    return Double.parseDouble(m.group(1));
  }
}
