package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.TrainResult;

/**
 * Section 3 of the paper: among width-2 SiLU networks trained on y = x^2 with the full schedule,
 * some land in the symmetric basin w1 = -w2, b1 = b2, v1 = v2 (an even function, equation (3)) with
 * a loss far below the typical one, near equation (2):
 * (w1, w2, b1, b2, v1, v2, c) = (-0.830, 0.830, -1.168, -1.168, 5.686, 5.686, 3.154).
 */
class LotteryTicketTest {

  @Test
  void someWidthTwoSiluNetworksAreSymmetricLotteryTickets() {
    TaskSettings settings = TaskSettings.paper();
    List<TrainResult> results = new ArrayList<>();
    for (int seed = 0; seed < 24; seed++) {
      results.add(TaskRunner.run(settings, new TaskKey(Target.X2, Activation.SILU, 2, seed)));
    }
    double[] losses = results.stream().mapToDouble(TrainResult::trainLoss).sorted().toArray();
    double median = (losses[11] + losses[12]) / 2;

    int tickets = 0;
    for (TrainResult r : results) {
      Network n = r.network();
      double w = (Math.abs(n.w(0, 0)) + Math.abs(n.w(1, 0))) / 2;
      double v = (n.v(0) + n.v(1)) / 2;
      // Symmetric: mirrored weights, equal biases, equal output weights. The tolerances are relative
      // 5% on w and v, 0.01 absolute on b: v1 - v2 is a nearly flat direction of the loss (moving
      // it changes only the odd part of f, which x^2 data barely constrains), so Adam leaves it a
      // few percent apart; the paper's own ticket has |v1 - v2| = 3e-5 after its run.
      boolean symmetric = Math.abs(n.w(0, 0) + n.w(1, 0)) < 0.05 * w
          && Math.abs(n.b(0) - n.b(1)) < 0.01
          && Math.abs(n.v(0) - n.v(1)) < 0.05 * Math.abs(v);
      if (symmetric && r.trainLoss() < median / 10) {
        tickets++;
        // Near equation (2): the paper's data (size, sampling) is unstated, so its minimum sits
        // a little elsewhere; 0.05 on w, b and 0.3 on v, c (about 5%) allows for that.
        assertEquals(0.830, w, 0.05, "ticket w " + n);
        assertEquals(-1.168, (n.b(0) + n.b(1)) / 2, 0.05, "ticket b " + n);
        assertEquals(5.686, v, 0.3, "ticket v " + n);
        assertEquals(3.154, n.c(), 0.3, "ticket c " + n);
      }
    }
    assertTrue(tickets >= 2, "lottery tickets among 24 seeds: " + tickets
        + ", median loss " + median + ", losses " + Arrays.toString(losses));
  }
}
