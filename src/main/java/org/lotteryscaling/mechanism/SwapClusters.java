package org.lotteryscaling.mechanism;

import org.lotteryscaling.nn.RandomStream;

/**
 * Clusters of width-2 parameter vectors with the permutation symmetry folded (appendix B): points
 * x and swap(x) (the two neurons exchanged) are the same network, so the distance between two
 * networks is D(x, y) = min(|x - y|, |x - swap(y)|), Euclidean on the raw parameters.
 *
 * <p>k-means in that quotient space: each point joins its nearest centre in whichever neuron order
 * is nearer, and each centre is the mean of its members in those orders (every step lowers the
 * total squared distance). Initialisation: k-means++ from a fixed seed, {@value #RESTARTS} restarts,
 * the lowest total kept, so the result is deterministic.
 *
 * <p>The number of clusters: the k in [2, maxK] with the highest mean silhouette (under D); when
 * even that silhouette is below {@value #MIN_SILHOUETTE}, the points are one cluster (k = 1).
 * Clusters are numbered by increasing mean of {@code order} (the job passes losses, so algorithm 0
 * is the lowest-loss one).
 *
 * @param k           the number of clusters
 * @param labels      per point, its cluster
 * @param aligned     per point, its vector in the neuron order nearer its centre
 * @param centers     per cluster, the mean of its aligned members
 * @param silhouette  the mean silhouette of the chosen k (NaN for k = 1)
 */
public record SwapClusters(int k, int[] labels, double[][] aligned, double[][] centers,
    double silhouette) {

  public static final int RESTARTS = 8;
  public static final double MIN_SILHOUETTE = 0.5;
  public static final int DEFAULT_MAX_K = 8;
  private static final int MAX_ITERATIONS = 300;

  /** Clusters points of R^(2d+5) laid out as {@link CanonicalPair#vectorOf}. */
  public static SwapClusters of(double[][] points, int d, int maxK, double[] order, long seed) {
    int n = points.length;
    SwapClusters best = single(points, d);
    double bestSilhouette = Double.NEGATIVE_INFINITY;
    for (int k = 2; k <= Math.min(maxK, n - 1); k++) {
      SwapClusters c = kMeans(points, d, k, seed);
      double s = silhouette(points, d, c.labels, k);
      if (s > bestSilhouette) {
        bestSilhouette = s;
        if (s >= MIN_SILHOUETTE) {
          best = new SwapClusters(k, c.labels, c.aligned, c.centers, s);
        }
      }
    }
    return best.numberedBy(order);
  }

  /** D(x, y): the distance between two width-2 networks up to swapping their neurons. */
  public static double distance(double[] x, double[] y, int d) {
    return Math.sqrt(Math.min(squared(x, y, false, d), squared(x, y, true, d)));
  }

  /** |x - y|^2, or |x - swap(y)|^2, without building swap(y). */
  private static double squared(double[] x, double[] y, boolean swapY, int d) {
    double sum = 0;
    for (int k = 0; k < x.length; k++) {
      double yk = swapY ? y[swappedIndex(k, d)] : y[k];
      double diff = x[k] - yk;
      sum += diff * diff;
    }
    return sum;
  }

  private static int swappedIndex(int k, int d) {
    if (k < d) {
      return k + d;
    }
    if (k < 2 * d) {
      return k - d;
    }
    if (k == 2 * d + 4) {
      return k; // c
    }
    int offset = k - 2 * d; // 0..3: b1 b2 v1 v2
    return 2 * d + (offset ^ 1);
  }

  private static SwapClusters single(double[][] points, int d) {
    int[] labels = new int[points.length];
    double[][] center = {points.length == 0 ? new double[2 * d + 5] : points[0].clone()};
    double[][] aligned = new double[points.length][];
    // Two passes of alignment to the running mean are enough to settle one cluster's orders.
    for (int pass = 0; pass < 3; pass++) {
      double[] sum = new double[center[0].length];
      for (int i = 0; i < points.length; i++) {
        aligned[i] = squared(points[i], center[0], false, d) <= swappedSquared(points[i], center[0], d)
            ? points[i] : CanonicalPair.swap(points[i], d);
        for (int k = 0; k < sum.length; k++) {
          sum[k] += aligned[i][k] / points.length;
        }
      }
      center[0] = sum;
    }
    return new SwapClusters(1, labels, aligned, center, Double.NaN);
  }

  /** |swap(x) - c|^2. */
  private static double swappedSquared(double[] x, double[] c, int d) {
    return squared(c, x, true, d);
  }

  static SwapClusters kMeans(double[][] points, int d, int k, long seed) {
    SwapClusters best = null;
    double bestInertia = Double.POSITIVE_INFINITY;
    for (int restart = 0; restart < RESTARTS; restart++) {
      RandomStream random = new RandomStream(seed * 1_000_003L + restart);
      double[][] centers = plusPlus(points, d, k, random);
      int[] labels = new int[points.length];
      double[][] aligned = new double[points.length][];
      double inertia = 0;
      for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
        boolean changed = iteration == 0;
        inertia = 0;
        for (int i = 0; i < points.length; i++) {
          int bestC = 0;
          double bestD = Double.POSITIVE_INFINITY;
          boolean bestSwap = false;
          for (int c = 0; c < k; c++) {
            double plain = squared(points[i], centers[c], false, d);
            double swapped = swappedSquared(points[i], centers[c], d);
            if (plain < bestD) {
              bestD = plain;
              bestC = c;
              bestSwap = false;
            }
            if (swapped < bestD) {
              bestD = swapped;
              bestC = c;
              bestSwap = true;
            }
          }
          changed |= labels[i] != bestC;
          labels[i] = bestC;
          aligned[i] = bestSwap ? CanonicalPair.swap(points[i], d) : points[i];
          inertia += bestD;
        }
        if (!changed) {
          break;
        }
        centers = means(aligned, labels, k, centers);
      }
      if (inertia < bestInertia) {
        bestInertia = inertia;
        best = new SwapClusters(k, labels.clone(), aligned.clone(), centers, Double.NaN);
      }
    }
    return best;
  }

  private static double[][] plusPlus(double[][] points, int d, int k, RandomStream random) {
    int n = points.length;
    double[][] centers = new double[k][];
    centers[0] = points[(int) (random.nextDouble() * n)].clone();
    double[] nearest = new double[n];
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c; j++) {
          double dist = distance(points[i], centers[j], d);
          best = Math.min(best, dist * dist);
        }
        nearest[i] = best;
        total += best;
      }
      double target = random.nextDouble() * total;
      int pick = n - 1;
      for (int i = 0; i < n; i++) {
        target -= nearest[i];
        if (target < 0) {
          pick = i;
          break;
        }
      }
      centers[c] = points[pick].clone();
    }
    return centers;
  }

  private static double[][] means(double[][] aligned, int[] labels, int k, double[][] previous) {
    int p = aligned[0].length;
    double[][] sums = new double[k][p];
    int[] counts = new int[k];
    for (int i = 0; i < aligned.length; i++) {
      counts[labels[i]]++;
      for (int q = 0; q < p; q++) {
        sums[labels[i]][q] += aligned[i][q];
      }
    }
    for (int c = 0; c < k; c++) {
      if (counts[c] == 0) {
        sums[c] = previous[c].clone(); // an emptied cluster keeps its centre
      } else {
        for (int q = 0; q < p; q++) {
          sums[c][q] /= counts[c];
        }
      }
    }
    return sums;
  }

  /** Mean silhouette under D; a point alone in its cluster scores 0. */
  static double silhouette(double[][] points, int d, int[] labels, int k) {
    int n = points.length;
    int[] counts = new int[k];
    for (int label : labels) {
      counts[label]++;
    }
    double total = 0;
    double[] sums = new double[k];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sums, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sums[labels[j]] += distance(points[i], points[j], d);
        }
      }
      int own = labels[i];
      if (counts[own] <= 1) {
        continue;
      }
      double a = sums[own] / (counts[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && counts[c] > 0) {
          b = Math.min(b, sums[c] / counts[c]);
        }
      }
      double denominator = Math.max(a, b);
      total += denominator == 0 || b == Double.POSITIVE_INFINITY ? 0 : (b - a) / denominator;
    }
    return total / n;
  }

  /** The same clusters renumbered by increasing mean of {@code order} over their members. */
  private SwapClusters numberedBy(double[] order) {
    double[] mean = new double[k];
    int[] counts = new int[k];
    for (int i = 0; i < labels.length; i++) {
      mean[labels[i]] += order[i];
      counts[labels[i]]++;
    }
    Integer[] rank = new Integer[k];
    for (int c = 0; c < k; c++) {
      rank[c] = c;
      mean[c] = counts[c] == 0 ? Double.POSITIVE_INFINITY : mean[c] / counts[c];
    }
    java.util.Arrays.sort(rank, java.util.Comparator.comparingDouble(c -> mean[c]));
    int[] newLabel = new int[k];
    double[][] newCenters = new double[k][];
    for (int r = 0; r < k; r++) {
      newLabel[rank[r]] = r;
      newCenters[r] = centers[rank[r]];
    }
    int[] relabeled = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      relabeled[i] = newLabel[labels[i]];
    }
    return new SwapClusters(k, relabeled, aligned, newCenters, silhouette);
  }
}
