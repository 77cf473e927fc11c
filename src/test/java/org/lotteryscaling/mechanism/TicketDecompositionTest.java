package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.Activation;
import org.lotteryscaling.nn.Dataset;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;

class TicketDecompositionTest {

  static Dataset squares(int m, long seed) {
    RandomStream r = new RandomStream(seed);
    double[] x = new double[m];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = r.uniform(-2, 2);
      y[i] = x[i] * x[i];
    }
    return new Dataset(1, x, y);
  }

  @Test
  void copiesOfOneTicketAreOneIndependentTicket() {
    // Five mirror pairs, each a scaled copy of the equation (2) ticket: same function up to scale,
    // so the same error after the linear fit.
    int pairs = 5;
    double[][] w = new double[2 * pairs][1];
    double[] b = new double[2 * pairs];
    double[] v = new double[2 * pairs];
    for (int p = 0; p < pairs; p++) {
      w[2 * p][0] = -0.83;
      w[2 * p + 1][0] = 0.83;
      b[2 * p] = b[2 * p + 1] = -1.168 + 1e-3 * p; // distinct, so the pairing is unique
      v[2 * p] = v[2 * p + 1] = 5.686 / pairs * (1 + 0.1 * p);
    }
    Network n = Network.of(w, b, v, 3.15);
    Dataset train = squares(500, 1);
    TicketDecomposition t = TicketDecomposition.of(n, Activation.SILU, train, squares(20, 2));
    assertEquals(pairs, t.tickets().size());
    for (TicketDecomposition.Ticket k : t.tickets()) {
      assertEquals(k.neuronA() / 2, k.neuronB() / 2, "pairs the mirror neurons");
      assertTrue(k.r2() > 0.999, "a symmetric silu pair fits x^2: " + k.r2());
      assertEquals(20, k.errorCurve().length);
    }
    assertTrue(t.effectiveTickets() < 1.01, "n_eff " + t.effectiveTickets());
    assertEquals(t.tickets().get(0).r2(), t.tickets().stream().mapToDouble(k -> k.r2()).max().getAsDouble());
  }

  @Test
  void theFitOfAPairThatIsALinearImageOfTheTargetIsExact() {
    Network n = Network.of(new double[][] {{0.7}, {-0.7}}, new double[] {0.2, 0.2},
        new double[] {1.5, 1.5}, 0);
    int m = 300;
    RandomStream r = new RandomStream(3);
    double[] x = new double[m];
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = r.uniform(-2, 2);
      y[i] = 2 * n.apply(Activation.TANH, new double[] {x[i]}) + 1; // y = 2 g + 1
    }
    Dataset data = new Dataset(1, x, y);
    TicketDecomposition t = TicketDecomposition.of(n, Activation.TANH, data, data);
    TicketDecomposition.Ticket k = t.tickets().get(0);
    assertEquals(1.0, k.r2(), 1e-12);
    assertEquals(2.0, k.scale(), 1e-10);
    assertEquals(1.0, k.offset(), 1e-10);
    assertEquals(0.0, k.errorRms(), 1e-10);
    assertEquals(1.0, t.effectiveTickets(), 1e-12);
  }

  @Test
  void effectiveTicketsIsTheParticipationRatio() {
    // (sum lambda)^2 / sum lambda^2 = trace(C)^2 / |C|_F^2 for symmetric C: an independent check.
    Network n = Fixtures.randomNetwork(30, 1, 12);
    TicketDecomposition t = TicketDecomposition.of(n, Activation.SILU, squares(400, 4), squares(5, 5));
    double[][] c = t.correlation();
    double frob = 0;
    for (double[] row : c) {
      for (double x : row) {
        frob += x * x;
      }
    }
    assertEquals(15 * 15 / frob, t.effectiveTickets(), 1e-9);
    assertTrue(t.effectiveTickets() >= 1 && t.effectiveTickets() <= 15);
    double sum = 0;
    for (double l : t.eigenvalues()) {
      sum += l;
    }
    assertEquals(15, sum, 1e-9);
  }

  @Test
  void distillationCopiesTheBestTicketAndRefitsTheOutputLayer() {
    int[] partner = new int[10];
    Network wide = Fixtures.mirrorNetwork(5, 21, partner);
    Dataset train = squares(300, 6);
    TicketDecomposition t = TicketDecomposition.of(wide, Activation.SILU, train, squares(3, 7));
    Distillation d = Distillation.of(wide, t, Activation.SILU, train);
    TicketDecomposition.Ticket best = t.tickets().get(0);
    assertEquals(wide.w(best.neuronA(), 0), d.network().w(0, 0));
    assertEquals(wide.b(best.neuronB()), d.network().b(1));
    // Two free output weights do at least as well as the ticket's one-scale fit.
    double fitLoss = best.errorRms() * best.errorRms();
    assertTrue(d.network().meanSquaredError(Activation.SILU, train) <= fitLoss * (1 + 1e-9));
    assertNull(Distillation.of(Fixtures.randomNetwork(1, 1, 0),
        TicketDecomposition.of(Fixtures.randomNetwork(1, 1, 0), Activation.SILU, train, train),
        Activation.SILU, train));
  }
}
