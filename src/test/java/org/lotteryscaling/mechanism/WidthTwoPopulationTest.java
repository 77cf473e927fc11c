package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.task.DataSettings;

/**
 * The width-2 population on synthetic networks whose algorithms are known: two tight groups of
 * networks (one symmetric, one not), each member a small offset of its group's parameters, some
 * written with their neurons swapped, and one network above the loss cut.
 */
class WidthTwoPopulationTest {
  private static final AnalyzeSettings SETTINGS =
      AnalyzeSettings.defaults(new DataSettings(100, 100, -2, 2, 0));
  /** (w1, w2, b1, b2, v1, v2, c): the symmetric ticket of equation (2), and a lopsided pair. */
  private static final double[] SYMMETRIC = {-0.83, 0.83, -1.17, -1.17, 5.69, 5.69, 3.15};
  private static final double[] LOPSIDED = {1.5, 0.2, -0.5, 1.0, 2.0, -1.0, 0.5};

  private static Network member(double[] centre, double offset, boolean swapped) {
    double[] x = centre.clone();
    for (int k = 0; k < x.length; k++) {
      x[k] += offset * (k % 2 == 0 ? 1 : -1);
    }
    return CanonicalPair.networkOf(1, swapped ? CanonicalPair.swap(x, 1) : x);
  }

  @Test
  void twoGroupsAreTwoAlgorithmsNumberedByLossWithTheirMembersStatistics() {
    Network[] networks = {
      member(SYMMETRIC, 0.01, false), member(LOPSIDED, 0.01, false),
      member(SYMMETRIC, -0.01, true), member(LOPSIDED, -0.02, true),
      member(SYMMETRIC, 0.0, false), member(LOPSIDED, 0.02, false),
      member(SYMMETRIC, 0.02, true), member(LOPSIDED, 0.3, false),
    };
    double[] losses = {1e-4, 2e-3, 3e-4, 4e-3, 2e-4, 3e-3, 4e-4, 0.5};
    WidthTwoPopulation p = WidthTwoPopulation.of(networks, losses, 1, Activation.SILU, SETTINGS);

    assertNull(p.skipped());
    assertEquals(7, p.clustered());
    assertEquals(2, p.algorithms().size());
    WidthTwoPopulation.Algorithm best = p.algorithms().get(0);
    WidthTwoPopulation.Algorithm other = p.algorithms().get(1);
    assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1, 0, -1}, p.algorithmOf());
    assertEquals(4, best.networks());
    assertEquals(3, other.networks());
    assertEquals(4.0 / 7, best.share(), 1e-15);
    assertEquals((1e-4 + 3e-4 + 2e-4 + 4e-4) / 4, best.meanLoss(), 1e-18);
    assertEquals(2.5e-4, best.medianLoss(), 1e-18);
    assertEquals(3e-3, other.medianLoss(), 1e-18);
    assertTrue(best.centrePair().symmetric(), "the first group is the symmetric ticket");
    assertTrue(!other.centrePair().symmetric(), "the second is not");
    // Its centre is the mean of the members, neuron order folded: the group's own parameters
    // (the offsets +0.01, -0.01, 0, +0.02 average to +0.005 per coordinate, alternating sign).
    double[] expected = CanonicalPair.of(member(SYMMETRIC, 0.005, false)).vector();
    double[] centre = best.centre();
    double direct = SwapClusters.distance(centre, expected, 1);
    assertTrue(direct < 1e-12, "centre " + Arrays.toString(centre));
    // The medoid is the member nearest the centre: the one with offset 0.0 or +0.01 (tied in
    // distance 0.005 per coordinate), never the far ones.
    assertTrue(best.medoid() == 0 || best.medoid() == 4, "medoid " + best.medoid());
    assertEquals(1, other.medoid(), "LOPSIDED at +0.01 is nearest the mean offset +0.0033");
    // One input: the medoid's curves on the data range's grid.
    assertNotNull(best.curves());
    assertEquals(SETTINGS.gridPoints(), best.curves().x().length);
    assertEquals(-2, best.curves().x()[0], 0);
    assertEquals(2, best.curves().x()[SETTINGS.gridPoints() - 1], 0);
    // The unclustered network has no scores; the others two each.
    assertNull(p.pcs()[7]);
    for (int i = 0; i < 7; i++) {
      assertEquals(2, p.pcs()[i].length);
    }
  }

  @Test
  void fewerThanThreeBelowTheCutGiveTicketsButNoAlgorithms() {
    Network[] networks = {member(SYMMETRIC, 0, false), member(LOPSIDED, 0, false),
        member(LOPSIDED, 0.1, true)};
    double[] losses = {1e-4, 0.5, 0.7};
    WidthTwoPopulation p = WidthTwoPopulation.of(networks, losses, 1, Activation.SILU, SETTINGS);
    assertEquals(List.of(), p.algorithms());
    assertEquals("1 width-2 networks below loss 0.01, need 3", p.skipped());
    assertArrayEquals(new int[] {-1, -1, -1}, p.algorithmOf());
    assertEquals(3, p.pairs().length);
    assertTrue(p.pairs()[0].symmetric());
    assertEquals(3, p.peaks().peakOf().length);
  }

  @Test
  void twoInputTargetsHaveNoCurves() {
    // Four networks each 0.01 from one point along its own coordinate: equally far apart, so no
    // split has a silhouette near 0.5, and they are one algorithm.
    Network[] networks = new Network[4];
    double[] losses = new double[4];
    for (int i = 0; i < 4; i++) {
      double[] o = new double[4];
      o[i] = 0.01;
      networks[i] = Network.of(new double[][] {{1 + o[0], -1 + o[1]}, {-1, 1}},
          new double[] {0.5 + o[2], 0.5}, new double[] {2 + o[3], 2}, 0.1);
      losses[i] = 1e-3 * (i + 1);
    }
    WidthTwoPopulation p = WidthTwoPopulation.of(networks, losses, 2, Activation.SILU, SETTINGS);
    assertEquals(1, p.algorithms().size(), "one tight group is one algorithm");
    assertNull(p.algorithms().get(0).curves());
    assertEquals(4, p.algorithms().get(0).networks());
  }
}
