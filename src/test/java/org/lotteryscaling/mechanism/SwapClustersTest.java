package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.nn.RandomStream;

class SwapClustersTest {
  static final double[] TICKET = {-0.83, 0.83, -1.17, -1.17, 5.69, 5.69, 3.15};
  static final double[] OTHER = {-2.0, 0.4, 1.0, -2.5, 1.5, 4.0, -1.0};

  @Test
  void pcaAndClusteringFindTwoKnownClustersWhateverTheNeuronOrder() {
    RandomStream r = new RandomStream(4);
    int n = 300;
    double[][] points = new double[n][];
    int[] truth = new int[n];
    double[] loss = new double[n];
    for (int i = 0; i < n; i++) {
      truth[i] = i % 3 == 0 ? 0 : 1;
      double[] centre = truth[i] == 0 ? TICKET : OTHER;
      double[] x = new double[7];
      for (int k = 0; k < 7; k++) {
        x[k] = centre[k] + 0.05 * Fixtures.normal(r);
      }
      points[i] = r.nextDouble() < 0.5 ? CanonicalPair.swap(x, 1) : x; // random neuron order
      loss[i] = truth[i] == 0 ? -6 : -3;
    }
    SwapClusters c = SwapClusters.of(points, 1, SwapClusters.DEFAULT_MAX_K, loss, 0);
    assertEquals(2, c.k());
    assertArrayEquals(truth, c.labels(), "algorithm 0 is the lower-loss cluster");
    assertTrue(c.silhouette() > 0.9, "silhouette " + c.silhouette());
    assertEquals(0, SwapClusters.distance(c.centers()[0], TICKET, 1), 0.05);
    assertEquals(0, SwapClusters.distance(c.centers()[1], OTHER, 1), 0.05);

    // PCA of the aligned points: the first component runs between the two centres.
    Pca pca = Pca.of(c.aligned());
    double[] between = new double[7];
    double norm = 0;
    for (int k = 0; k < 7; k++) {
      between[k] = c.centers()[1][k] - c.centers()[0][k];
      norm += between[k] * between[k];
    }
    double cosine = 0;
    for (int k = 0; k < 7; k++) {
      cosine += pca.components()[0][k] * between[k] / Math.sqrt(norm);
    }
    assertEquals(1.0, Math.abs(cosine), 1e-3);
    assertTrue(pca.explainedRatio()[0] > 0.95);
    // Scores separate the clusters along PC1.
    double s0 = pca.scores(c.centers()[0], 1)[0];
    double s1 = pca.scores(c.centers()[1], 1)[0];
    for (int i = 0; i < n; i++) {
      double s = pca.scores(c.aligned()[i], 1)[0];
      assertTrue(Math.abs(s - (truth[i] == 0 ? s0 : s1)) < Math.abs(s1 - s0) / 2);
    }
  }

  @Test
  void oneBlobIsOneCluster() {
    RandomStream r = new RandomStream(5);
    double[][] points = new double[200][7];
    double[] loss = new double[200];
    for (double[] x : points) {
      for (int k = 0; k < 7; k++) {
        x[k] = OTHER[k] + Fixtures.normal(r) * 0.3;
      }
    }
    SwapClusters c = SwapClusters.of(points, 1, SwapClusters.DEFAULT_MAX_K, loss, 0);
    assertEquals(1, c.k());
    assertEquals(0, SwapClusters.distance(c.centers()[0], OTHER, 1), 0.15);
  }

  @Test
  void tinyInputs() {
    double[][] two = {TICKET.clone(), OTHER.clone()};
    assertEquals(1, SwapClusters.of(two, 1, 8, new double[2], 0).k());
    assertEquals(0, SwapClusters.distance(TICKET, CanonicalPair.swap(TICKET, 1), 1), 0.0);
  }

  @Test
  void pcaOfPointsOnALineHasOneComponent() {
    double[][] line = new double[50][3];
    for (int i = 0; i < 50; i++) {
      line[i] = new double[] {i, 2 * i, -i};
    }
    Pca pca = Pca.of(line);
    assertEquals(1.0, pca.explainedRatio()[0], 1e-12);
    assertArrayEquals(new double[] {-1 / Math.sqrt(6), -2 / Math.sqrt(6), 1 / Math.sqrt(6)},
        negateIfNeeded(pca.components()[0]), 1e-12);
  }

  private static double[] negateIfNeeded(double[] v) {
    return v[1] < 0 ? v : new double[] {-v[0], -v[1], -v[2]};
  }
}
