package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.optim.ConvergenceChecker;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * The fit of Hoffmann et al. (2022, "Chinchilla", approach 3) for every law whose logarithm is a
 * log-sum-exp of terms: log L = LSE(e, c_1 - p_1 . log x, c_2 - p_2 . log x, ...), i.e.
 * L = E + sum_t C_t prod_j x_j^-p_tj with E = exp(e), C_t = exp(c_t). The constant e is optional
 * (without it the law is a sum of pure power laws); each term depends on some of the axes x_j.
 *
 * <p>Objective: the sum over data points of Huber_delta(predicted log L - log observed L), delta
 * = 1e-3 (Chinchilla's). The fit runs a quasi-Newton-like optimiser from every point of a grid
 * of starts and keeps the lowest objective. The parametrisation in logs keeps E, C_t > 0 with no
 * bounds.
 *
 * <p>Optimiser: commons-math3's {@link NonLinearConjugateGradientOptimizer} (Polak-Ribiere, with
 * its Brent line search), driven by the analytic gradient. Chinchilla used L-BFGS. Neither
 * commons-math3 nor Hipparchus has (L-)BFGS, and nonlinear CG is the nearest method they do have:
 * gradient-based and superlinear on smooth problems. Huber is not a sum of squares, so
 * Levenberg-Marquardt and Gauss-Newton do not apply. BOBYQA and the simplex methods ignore the
 * gradient and stop on the size of their trust region or simplex, not on stationarity.
 *
 * <p>Stopping: a start stops when the gradient of objective / delta (whose terms are O(1) per
 * point) has norm at most {@link #GRADIENT_TOLERANCE}, when the objective has not changed
 * relatively by more than 1e-15 over an iteration, or after {@link #MAX_ITERATIONS}
 * iterations. It counts as converged only in the first case, or when the objective has stalled
 * and the gradient is below 1e3 times that tolerance. A fit stopped for any other reason is
 * flagged, not passed off as the optimum. Besiroglu et al. (2024) found that the published
 * Chinchilla fit had stopped before its optimum, and this rule is the guard against that.
 *
 * <p>Arithmetic is StrictMath, and so is commons-math3's line search (FastMath, pure Java), so a
 * fit is the same bits on every machine.
 */
final class HuberLogFit {
  static final double DELTA = 1e-3;
  static final double GRADIENT_TOLERANCE = 1e-7;
  static final int MAX_ITERATIONS = 500;
  /** The exponents every term starts from, on every axis: the paper's alphas run from 1 to ~7. */
  static final double[] START_EXPONENTS = {0.5, 1, 2, 4, 8};
  /** Starting log E, relative to the smallest observed log loss: far below up to just below. */
  static final double[] START_LOG_OFFSETS = {-8, -3, -1, -0.2};
  /** Refits (bootstrap replicates, held-out folds) start from the full fit and this many grid points. */
  static final int REFIT_GRID_STARTS = 3;

  private HuberLogFit() {}

  /**
   * A law: whether it has the constant term, and for each power term the axes it depends on.
   * Parameters are laid out as [e if offset], then per term [c, one exponent per axis].
   */
  record Law(boolean offset, int[][] terms) {
    int parameters() {
      int k = offset ? 1 : 0;
      for (int[] t : terms) {
        k += 1 + t.length;
      }
      return k;
    }
  }

  /** One fit: the parameters, the Huber objective (Chinchilla's scale: not divided by delta), convergence. */
  record Result(double[] theta, double objective, boolean converged) {}

  /** The data of one fit: log of each axis per point (points x axes), log of the loss per point. */
  record Data(double[][] logX, double[] logL) {
    static Data of(double[][] x, double[] loss) {
      double[][] logX = new double[x.length][];
      double[] logL = new double[loss.length];
      for (int i = 0; i < x.length; i++) {
        logX[i] = new double[x[i].length];
        for (int j = 0; j < x[i].length; j++) {
          if (!(x[i][j] > 0 && x[i][j] < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a position must be finite and > 0, got " + x[i][j]);
          }
          logX[i][j] = StrictMath.log(x[i][j]);
        }
        logL[i] = logLoss(loss[i]);
      }
      return new Data(logX, logL);
    }

    /** The same positions with other losses (a bootstrap replicate). */
    Data withLosses(double[] loss) {
      double[] l = new double[loss.length];
      for (int i = 0; i < l.length; i++) {
        l[i] = logLoss(loss[i]);
      }
      return new Data(logX, l);
    }

    /** Without point i (a held-out fold). */
    Data without(int i) {
      double[][] x = new double[logX.length - 1][];
      double[] l = new double[logL.length - 1];
      for (int j = 0, k = 0; j < logL.length; j++) {
        if (j != i) {
          x[k] = logX[j];
          l[k++] = logL[j];
        }
      }
      return new Data(x, l);
    }
  }

  private static double logLoss(double loss) {
    if (!(loss > 0 && loss < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("a loss must be finite and > 0 to be fitted in logs, got "
          + loss);
    }
    return StrictMath.log(loss);
  }

  /** Predicted log L at one point. */
  static double predictLog(Law law, double[] theta, double[] logX) {
    double[] u = new double[law.terms().length + 1];
    return logSumExp(law, theta, logX, u);
  }

  /** LSE of the law's terms at one point; leaves each term's value in u (e last when present). */
  private static double logSumExp(Law law, double[] theta, double[] logX, double[] u) {
    int k = law.offset() ? 1 : 0;
    int m = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int[] axes : law.terms()) {
      double v = theta[k++];
      for (int axis : axes) {
        v -= theta[k++] * logX[axis];
      }
      u[m++] = v;
      max = Math.max(max, v);
    }
    if (law.offset()) {
      u[m++] = theta[0];
      max = Math.max(max, theta[0]);
    }
    // Subtract the largest term so that exp never overflows (e far below, or a steep start).
    double s = 0;
    for (int t = 0; t < m; t++) {
      s += StrictMath.exp(u[t] - max);
    }
    return max + StrictMath.log(s);
  }

  /** sum Huber_delta(r) / delta: the objective in units that are O(1) per point. */
  static double scaledObjective(Law law, double[] theta, Data data) {
    double[] u = new double[law.terms().length + 1];
    double f = 0;
    for (int i = 0; i < data.logL().length; i++) {
      double r = logSumExp(law, theta, data.logX()[i], u) - data.logL()[i];
      double abs = Math.abs(r);
      f += abs <= DELTA ? r * r / (2 * DELTA) : abs - DELTA / 2;
    }
    return f;
  }

  /** The gradient of {@link #scaledObjective}: Huber's clamp times the softmax weights. */
  static double[] scaledGradient(Law law, double[] theta, Data data) {
    int nTerms = law.terms().length;
    double[] u = new double[nTerms + 1];
    double[] g = new double[theta.length];
    for (int i = 0; i < data.logL().length; i++) {
      double[] logX = data.logX()[i];
      double lse = logSumExp(law, theta, logX, u);
      double r = lse - data.logL()[i];
      double dr = Math.max(-1, Math.min(1, r / DELTA)); // d Huber(r)/dr, over delta
      int k = law.offset() ? 1 : 0;
      for (int t = 0; t < nTerms; t++) {
        double w = dr * StrictMath.exp(u[t] - lse); // dLSE/du_t is the softmax weight
        g[k++] += w;
        for (int axis : law.terms()[t]) {
          g[k++] -= w * logX[axis];
        }
      }
      if (law.offset()) {
        g[0] += dr * StrictMath.exp(u[nTerms] - lse);
      }
    }
    return g;
  }

  /**
   * Chinchilla's grid of starts, placed by the data. Every exponent of {@link #START_EXPONENTS}
   * on every axis of every term and, with an offset, every log E of
   * {@link #START_LOG_OFFSETS} below the smallest log loss. Each term's log coefficient is then
   * the median over points of log((L - E) / terms) + p . log x: the curve through the middle of
   * the data, with L - E floored at L / 10 where E comes near L.
   */
  static double[][] grid(Law law, Data data) {
    int exps = 0;
    for (int[] t : law.terms()) {
      exps += t.length;
    }
    double minLog = Double.POSITIVE_INFINITY;
    for (double l : data.logL()) {
      minLog = Math.min(minLog, l);
    }
    double[] offsets = law.offset() ? START_LOG_OFFSETS : new double[] {Double.NEGATIVE_INFINITY};
    int combos = 1;
    for (int j = 0; j < exps; j++) {
      combos *= START_EXPONENTS.length;
    }
    List<double[]> out = new ArrayList<>();
    int n = data.logL().length;
    double[] logC = new double[n];
    for (double off : offsets) {
      double e = minLog + off;
      for (int c = 0; c < combos; c++) {
        double[] theta = new double[law.parameters()];
        int k = 0;
        if (law.offset()) {
          theta[k++] = e;
        }
        int digits = c;
        for (int[] axes : law.terms()) {
          int at = k++;
          for (int ignored : axes) {
            theta[k++] = START_EXPONENTS[digits % START_EXPONENTS.length];
            digits /= START_EXPONENTS.length;
          }
          for (int i = 0; i < n; i++) {
            double l = StrictMath.exp(data.logL()[i]);
            double rest = Math.max(l - StrictMath.exp(e), l / 10) / law.terms().length;
            logC[i] = StrictMath.log(rest);
            for (int a = 0; a < axes.length; a++) {
              logC[i] += theta[at + 1 + a] * data.logX()[i][axes[a]];
            }
          }
          theta[at] = Quantiles.medianOfUnsorted(logC);
        }
        out.add(theta);
      }
    }
    return out.toArray(new double[0][]);
  }

  /** The best of the optimiser runs from every grid start. */
  static Result fit(Law law, Data data) {
    requireEnoughPoints(law, data);
    return best(law, data, Arrays.asList(grid(law, data)));
  }

  /**
   * A refit on new data near an earlier fit (a bootstrap replicate, a held-out fold): the best of
   * the runs from the earlier optimum and from the {@link #REFIT_GRID_STARTS} grid starts of
   * lowest objective on the new data. Running every start again would cost the grid's size per
   * replicate.
   */
  static Result refit(Law law, Data data, double[] near) {
    requireEnoughPoints(law, data);
    double[][] grid = grid(law, data);
    Integer[] order = new Integer[grid.length];
    double[] value = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      order[i] = i;
      value[i] = scaledObjective(law, grid[i], data);
    }
    // Stable sort on objective: ties keep grid order, so the choice is deterministic.
    Arrays.sort(order, (a, b) -> Double.compare(value[a], value[b]));
    List<double[]> starts = new ArrayList<>();
    starts.add(near);
    for (int i = 0; i < Math.min(REFIT_GRID_STARTS, grid.length); i++) {
      starts.add(grid[order[i]]);
    }
    return best(law, data, starts);
  }

  private static void requireEnoughPoints(Law law, Data data) {
    // One point per parameter at least; fewer leaves the law unidentified.
    if (data.logL().length < law.parameters()) {
      throw new IllegalArgumentException("a law of " + law.parameters() + " parameters needs as many"
          + " points, got " + data.logL().length);
    }
  }

  private static Result best(Law law, Data data, List<double[]> starts) {
    Result best = null;
    for (double[] start : starts) {
      Result r = fitFrom(law, data, start);
      // Strictly lower wins: ties keep the earlier start.
      if (best == null || r.objective() < best.objective()
          || (Double.isNaN(best.objective()) && !Double.isNaN(r.objective()))) {
        best = r;
      }
    }
    return best;
  }

  /** One optimiser run from one start. */
  static Result fitFrom(Law law, Data data, double[] start) {
    Checker checker = new Checker(law, data);
    NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
        NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, checker, 1e-10, 1e-12, 1,
        (point, r) -> precondition(law, data, point, r));
    double[] theta;
    try {
      theta = optimizer.optimize(new MaxEval(Integer.MAX_VALUE), new MaxIter(MAX_ITERATIONS + 1),
          new ObjectiveFunction(t -> scaledObjective(law, t, data)),
          new ObjectiveFunctionGradient(t -> scaledGradient(law, t, data)), GoalType.MINIMIZE,
          new InitialGuess(start.clone())).getPoint();
    } catch (TooManyEvaluationsException e) {
      // The line search's own budget ran out: keep the last point, flagged as not converged.
      theta = checker.last;
      checker.converged = false;
    }
    if (theta == null) {
      theta = start.clone();
    }
    return new Result(theta, DELTA * scaledObjective(law, theta, data), checker.converged);
  }

  /**
   * The direction (J^T W J + ridge)^-1 r: the Gauss-Newton step of iteratively reweighted least
   * squares for Huber, weights W_i = 1 / max(|r_i|, delta) (Huber's psi(r) / r, over delta), J
   * the residuals' Jacobian. Without it the optimiser zig-zags: a and alpha are nearly collinear
   * along log x and the quadratic zone has curvature 1 / delta, so plain CG took thousands of
   * iterations. The ridge (1e-10 of the trace) keeps the system definite when a term vanishes.
   */
  static double[] precondition(Law law, Data data, double[] theta, double[] r) {
    int p = theta.length;
    int nTerms = law.terms().length;
    double[] u = new double[nTerms + 1];
    double[] jac = new double[p];
    double[][] h = new double[p][p];
    for (int i = 0; i < data.logL().length; i++) {
      double[] logX = data.logX()[i];
      double lse = logSumExp(law, theta, logX, u);
      double w = 1 / Math.max(Math.abs(lse - data.logL()[i]), DELTA);
      int k = law.offset() ? 1 : 0;
      for (int t = 0; t < nTerms; t++) {
        double s = StrictMath.exp(u[t] - lse);
        jac[k++] = s;
        for (int axis : law.terms()[t]) {
          jac[k++] = -s * logX[axis];
        }
      }
      if (law.offset()) {
        jac[0] = StrictMath.exp(u[nTerms] - lse);
      }
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          h[a][b] += w * jac[a] * jac[b];
        }
      }
    }
    double trace = 0;
    for (int a = 0; a < p; a++) {
      trace += h[a][a];
    }
    for (int a = 0; a < p; a++) {
      h[a][a] += 1e-10 * trace + 1e-300;
      for (int b = 0; b < a; b++) {
        h[b][a] = h[a][b];
      }
    }
    return new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 0, 0).getSolver()
        .solve(new ArrayRealVector(r, false)).toArray();
  }

  /** The stopping rule of the class javadoc; records the last point and why it stopped. */
  private static final class Checker implements ConvergenceChecker<PointValuePair> {
    private final Law law;
    private final Data data;
    double[] last;
    boolean converged;

    Checker(Law law, Data data) {
      this.law = law;
      this.data = data;
    }

    @Override
    public boolean converged(int iteration, PointValuePair previous, PointValuePair current) {
      last = current.getPoint();
      double norm = norm(scaledGradient(law, last, data));
      if (norm <= GRADIENT_TOLERANCE) {
        converged = true;
        return true;
      }
      double before = previous.getValue();
      double now = current.getValue();
      if (Math.abs(before - now) <= 1e-15 * Math.max(Math.abs(before), Math.abs(now))) {
        converged = norm <= 1e3 * GRADIENT_TOLERANCE;
        return true;
      }
      if (iteration >= MAX_ITERATIONS) {
        converged = false;
        return true;
      }
      return false;
    }
  }

  static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /**
   * Cells of per-seed losses, in ascending position (lexicographic over the axes; stable), each
   * cell's ok losses ascending, cells without losses left out.
   */
  record Cells(double[][] x, double[][] sortedLosses) {
    static Cells of(double[][] x, double[][] losses) {
      if (x.length != losses.length) {
        throw new IllegalArgumentException(x.length + " positions but " + losses.length + " cells");
      }
      Integer[] order = new Integer[x.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Arrays.compare(x[a], x[b]));
      List<double[]> xs = new ArrayList<>();
      List<double[]> ls = new ArrayList<>();
      for (int i : order) {
        if (losses[i].length > 0) {
          double[] sorted = losses[i].clone();
          Arrays.sort(sorted);
          xs.add(x[i].clone());
          ls.add(sorted);
        }
      }
      return new Cells(xs.toArray(new double[0][]), ls.toArray(new double[0][]));
    }

    double[] medians() {
      double[] m = new double[sortedLosses.length];
      for (int j = 0; j < m.length; j++) {
        m[j] = Quantiles.median(sortedLosses[j]);
      }
      return m;
    }
  }

  /** A fit to the cells' medians and the parameters of each bootstrap replicate's refit. */
  record Replicates(Result fit, double[][] theta, int unconverged) {}

  /**
   * The bootstrap over seeds of {@link PowerLawFit}, with its stream: each replicate draws, cell
   * by cell in the cells' order, as many losses as the cell has, with replacement (one SplitMix64
   * stream from {@code seed}), takes the medians and refits ({@link #refit}, from the fit to the
   * sample's medians). A pure function of the losses and the seed.
   */
  static Replicates bootstrap(Law law, Cells cells, int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("need at least one bootstrap resample, got " + resamples);
    }
    Data data = Data.of(cells.x(), cells.medians());
    Result fit = fit(law, data);
    int maxOk = 0;
    for (double[] l : cells.sortedLosses()) {
      maxOk = Math.max(maxOk, l.length);
    }
    int[] counts = new int[maxOk];
    double[] medians = new double[cells.sortedLosses().length];
    double[][] theta = new double[resamples][];
    int unconverged = 0;
    org.lotteryscaling.nn.RandomStream rng = new org.lotteryscaling.nn.RandomStream(seed);
    for (int r = 0; r < resamples; r++) {
      for (int j = 0; j < medians.length; j++) {
        medians[j] = PowerLawFit.resampledMedian(cells.sortedLosses()[j], counts, rng);
      }
      Result refit = refit(law, data.withLosses(medians), fit.theta());
      theta[r] = refit.theta();
      unconverged += refit.converged() ? 0 : 1;
    }
    return new Replicates(fit, theta, unconverged);
  }

  /** The type-7 quantiles (1 - level) / 2 and (1 + level) / 2 of the values. */
  static double[] interval(double[] values, double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("interval level must be in (0, 1), got " + level);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new double[] {Quantiles.of(sorted, (1 - level) / 2), Quantiles.of(sorted, (1 + level) / 2)};
  }

  /**
   * Leave-one-point-out error of the law: for each point, refit without it (from the full fit)
   * and take |predicted log L - observed log L| there. Returns the errors, in point order.
   */
  static double[] heldOutErrors(Law law, Data data, Result full) {
    double[] err = new double[data.logL().length];
    for (int i = 0; i < err.length; i++) {
      Result r = refit(law, data.without(i), full.theta());
      err[i] = Math.abs(predictLog(law, r.theta(), data.logX()[i]) - data.logL()[i]);
    }
    return err;
  }
}
