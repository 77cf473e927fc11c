package org.lotteryscaling.mechanism;

import java.util.Arrays;
import org.lotteryscaling.nn.Network;
import org.lotteryscaling.nn.RandomStream;

/**
 * Symmetric neurons in one network (figure 2a): each hidden neuron's incoming weights (w, b) as a
 * point in R^(d+1), and the distance from its mirror image (-w, b) to the nearest other neuron.
 *
 * <p>The rule: a neuron has a close mirror partner when that distance is at most
 * {@code threshold = ratio * (median over neurons of the distance to the nearest other neuron)}, so
 * the threshold follows the network's own neuron density (default ratio {@value #DEFAULT_RATIO}).
 * The share of neurons with a close partner is compared with a control: networks of the same width
 * whose (w, b) are drawn independently from a Gaussian with the network's own mean and covariance
 * (same density scale, no pairing), scored by the same rule and averaged over
 * {@code controlDraws} draws of a fixed seed. The score is
 * {@code (share - controlShare) / (1 - controlShare)}: 1 when every neuron has a mirror partner,
 * about 0 for a network no more symmetric than chance; the network counts as symmetric when the
 * score is at least {@value #SYMMETRIC_SCORE}.
 *
 * <p>Collapsed neurons are left out: a neuron whose w, b and v all have magnitude at most
 * {@value #COLLAPSED} sits at the origin, a fixed point of training for SiLU (sigma(0) = 0), and
 * contributes nothing to f. A wide network trained here has thousands of them (77% of the
 * width-10000 network of conf/wide.conf); left in, they would be each other's mirror images at
 * distance ~1e-17 and make every network look symmetric. Their mirrorDistance is NaN, their
 * partner -1; the share and the control count the other, active neurons only (NaN when fewer than
 * two are active).
 *
 * @param mirrorDistance  per neuron, distance from its mirror image to the nearest other neuron
 * @param mirrorPartner   per neuron, that nearest other neuron
 * @param threshold       the closeness threshold of this network
 * @param share           the share of neurons with mirrorDistance &lt;= threshold
 * @param controlShare    the same share for the independent Gaussian control
 * @param score           (share - controlShare) / (1 - controlShare)
 */
public record NeuronSymmetry(double[] mirrorDistance, int[] mirrorPartner, double threshold,
    double share, double controlShare, double score) {

  public static final double DEFAULT_RATIO = 0.5;
  public static final int DEFAULT_CONTROL_DRAWS = 8;
  public static final double SYMMETRIC_SCORE = 0.5;
  public static final double COLLAPSED = 1e-6;

  public boolean symmetric() {
    return score >= SYMMETRIC_SCORE;
  }

  /** False for a collapsed neuron (NaN distance) too. */
  public boolean close(int neuron) {
    return mirrorDistance[neuron] <= threshold;
  }

  public static NeuronSymmetry of(Network network) {
    return of(network, DEFAULT_RATIO, DEFAULT_CONTROL_DRAWS, 0L);
  }

  public static NeuronSymmetry of(Network network, double ratio, int controlDraws, long controlSeed) {
    int n = network.width();
    if (n < 2) {
      throw new IllegalArgumentException("symmetric neurons need width >= 2, got " + n);
    }
    int[] active = activeNeurons(network);
    double[] mirror = new double[n];
    int[] partner = new int[n];
    Arrays.fill(mirror, Double.NaN);
    Arrays.fill(partner, -1);
    int m = active.length;
    if (m < 2) {
      return new NeuronSymmetry(mirror, partner, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[][] all = incomingWeights(network);
    double[][] points = new double[m][];
    for (int k = 0; k < m; k++) {
      points[k] = all[active[k]];
    }
    double[] activeMirror = new double[m];
    int[] activePartner = new int[m];
    double threshold = ratio * nearestDistances(points, activeMirror, activePartner);
    double share = shareAtMost(activeMirror, threshold);
    for (int k = 0; k < m; k++) {
      mirror[active[k]] = activeMirror[k];
      partner[active[k]] = active[activePartner[k]];
    }

    double control = 0;
    RandomStream random = new RandomStream(controlSeed);
    GaussianSampler sampler = new GaussianSampler(points);
    double[] controlMirror = new double[m];
    int[] controlPartner = new int[m];
    for (int draw = 0; draw < controlDraws; draw++) {
      double[][] fake = sampler.draw(m, random);
      double t = ratio * nearestDistances(fake, controlMirror, controlPartner);
      control += shareAtMost(controlMirror, t) / controlDraws;
    }
    double score = control < 1 ? (share - control) / (1 - control) : 0;
    return new NeuronSymmetry(mirror, partner, threshold, share, control, score);
  }

  /** The neurons that are not collapsed to the origin (see the class comment), in order. */
  static int[] activeNeurons(Network network) {
    int d = network.dimension();
    int[] active = new int[network.width()];
    int count = 0;
    for (int i = 0; i < network.width(); i++) {
      double size = Math.max(Math.abs(network.b(i)), Math.abs(network.v(i)));
      for (int k = 0; k < d; k++) {
        size = Math.max(size, Math.abs(network.w(i, k)));
      }
      if (size > COLLAPSED) {
        active[count++] = i;
      }
    }
    return Arrays.copyOf(active, count);
  }

  /** Row i: (w_i, b_i). */
  static double[][] incomingWeights(Network network) {
    int d = network.dimension();
    double[][] points = new double[network.width()][d + 1];
    for (int i = 0; i < network.width(); i++) {
      for (int k = 0; k < d; k++) {
        points[i][k] = network.w(i, k);
      }
      points[i][d] = network.b(i);
    }
    return points;
  }

  /**
   * Fills each point's mirror distance (its image with the w part negated, to the nearest other point)
   * and partner; returns the median distance from a point to its nearest other point.
   */
  private static double nearestDistances(double[][] points, double[] mirror, int[] partner) {
    int n = points.length;
    int d = points[0].length - 1;
    double[] nearest = new double[n];
    for (int i = 0; i < n; i++) {
      double bestMirror = Double.POSITIVE_INFINITY;
      double bestSelf = Double.POSITIVE_INFINITY;
      int bestPartner = -1;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double mirrorSq = 0;
        double selfSq = 0;
        for (int k = 0; k < d; k++) {
          double sum = points[i][k] + points[j][k];
          double diff = points[i][k] - points[j][k];
          mirrorSq += sum * sum;
          selfSq += diff * diff;
        }
        double db = points[i][d] - points[j][d];
        mirrorSq += db * db;
        selfSq += db * db;
        if (mirrorSq < bestMirror) {
          bestMirror = mirrorSq;
          bestPartner = j;
        }
        bestSelf = Math.min(bestSelf, selfSq);
      }
      mirror[i] = Math.sqrt(bestMirror);
      partner[i] = bestPartner;
      nearest[i] = Math.sqrt(bestSelf);
    }
    Arrays.sort(nearest);
    return n % 2 == 1 ? nearest[n / 2] : (nearest[n / 2 - 1] + nearest[n / 2]) / 2;
  }

  private static double shareAtMost(double[] distances, double threshold) {
    int count = 0;
    for (double x : distances) {
      if (x <= threshold) {
        count++;
      }
    }
    return (double) count / distances.length;
  }

  /** Independent draws from the Gaussian with the sample mean and covariance of some points. */
  static final class GaussianSampler {
    private final double[] mean;
    private final double[][] factor;

    GaussianSampler(double[][] points) {
      // The covariance's eigenvectors scaled by the root of their variances: cov = F F^T.
      Pca pca = Pca.of(points);
      mean = pca.mean();
      int p = mean.length;
      factor = new double[p][p];
      for (int e = 0; e < p; e++) {
        double scale = Math.sqrt(pca.variances()[e]);
        for (int k = 0; k < p; k++) {
          factor[k][e] = pca.components()[e][k] * scale;
        }
      }
    }

    double[][] draw(int count, RandomStream random) {
      int p = mean.length;
      double[][] out = new double[count][p];
      double[] z = new double[p];
      for (int i = 0; i < count; i++) {
        for (int k = 0; k < p; k++) {
          z[k] = standardNormal(random);
        }
        for (int k = 0; k < p; k++) {
          double x = mean[k];
          for (int e = 0; e < p; e++) {
            x += factor[k][e] * z[e];
          }
          out[i][k] = x;
        }
      }
      return out;
    }

    /** Box-Muller with StrictMath, so the draws are the same bits everywhere. */
    private static double standardNormal(RandomStream random) {
      double u = 1.0 - random.nextDouble(); // (0, 1]
      double v = random.nextDouble();
      return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }
  }
}
