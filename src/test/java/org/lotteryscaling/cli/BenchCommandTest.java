package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.KernelType;

class BenchCommandTest {

  private static String[] run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertEquals(expectedCode, code, err.toString());
    return new String[] {out.toString(), err.toString()};
  }

  @Test
  void printsOneLinePerRunAndTheMedianThroughputLast() {
    for (String kernel : new String[] {"vector", "vector256", "vector512", "scalar"}) {
      String out = run(0, "bench", "--width", "3", "--points", "37", "--steps", "20", "--repeats",
          "3", "--kernel", kernel, "--clock", "cpu")[0];
      String[] lines = out.strip().split("\n");
      assertEquals(5, lines.length, out);
      String ran = KernelType.parse(kernel).resolved().id();
      assertTrue(lines[0].startsWith(ran + " kernel" + (ran.equals(kernel) ? "" : " (chosen for this CPU)")
          + " on JDK " + Runtime.version() + " ("), lines[0]);
      String last = lines[4];
      assertTrue(last.startsWith(ran + " kernel, silu, adam, d=1, N=3, M=37, S=20, median of 3 runs by cpu"), last);
      assertTrue(last.endsWith(" neuron-steps/s"), last);
      String[] words = last.split(" ");
      double rate = Double.parseDouble(words[words.length - 2]);
      double seconds = Double.parseDouble(words[words.length - 5]);
      assertEquals(3.0 * 37 * 20 / seconds, rate, 1e-3 * rate, last);
    }
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    String[][] bad = {
      {"bench", "--kernel", "gpu"},
      {"bench", "--clock", "moon"},
      {"bench", "--repeats", "0"},
      {"bench", "--width", "-1"},
      {"bench", "--activation", "swish"},
      {"bench", "--optimizer", "lbfgs"},
    };
    for (String[] args : bad) {
      String err = run(2, args)[1];
      assertTrue(err.startsWith("lottery: ") && err.strip().lines().count() == 1, err);
    }
    assertEquals("lottery: unknown kernel 'gpu' (allowed: vector, vector256, vector512, scalar)",
        run(2, "bench", "--kernel", "gpu")[1].strip());
    assertEquals("lottery: unknown optimizer 'lbfgs' (allowed: adam, sgd)",
        run(2, "bench", "--optimizer", "lbfgs")[1].strip());
  }

  @Test
  void sgdIsSelectable() {
    String out = run(0, "bench", "--width", "3", "--points", "37", "--steps", "20", "--repeats", "1",
        "--optimizer", "sgd", "--activation", "softplus")[0];
    String[] lines = out.strip().split("\n");
    assertTrue(lines[lines.length - 1].contains(" kernel, softplus, sgd, d=1, N=3, M=37, S=20, "),
        out);
  }
}
