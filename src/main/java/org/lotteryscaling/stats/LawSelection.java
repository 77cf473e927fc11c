package org.lotteryscaling.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which law the data of one group support, by leave-one-point-out held-out error with the
 * one-standard-error rule (Hastie, Tibshirani and Friedman, section 7.10).
 *
 * <p>Each candidate is fitted as in {@link HuberLogFit}. Then, for every point in turn, it is
 * refitted without that point and scored by |predicted - observed| in natural-log loss there.
 * The score is the mean of those errors, with standard error sd / sqrt(points). The chosen form
 * has the fewest parameters among the forms whose score is within one standard error of the best
 * (equal counts: the lower score). So a richer law must predict unseen points clearly better,
 * not just fit the seen ones better. An offset law always fits at least as well as a pure one,
 * and even a plain information criterion would need a likelihood for a Huber fit.
 * A form with more parameters than points - 1 is not scored.
 */
public record LawSelection(Form chosen, List<Score> scores) {

  public LawSelection {
    scores = List.copyOf(scores);
  }

  /** The candidate laws; axis 0 is x (or N), axis 1 is D. */
  public enum Form {
    /** A x^-alpha. */
    POWER(new HuberLogFit.Law(false, new int[][] {{0}})),
    /** E + A x^-alpha. */
    OFFSET(new HuberLogFit.Law(true, new int[][] {{0}})),
    /** E + B D^-beta: the loss does not depend on N. */
    OFFSET_D(new HuberLogFit.Law(true, new int[][] {{1}})),
    /** A N^-alpha D^-beta: the separable product, no floor. */
    PRODUCT(new HuberLogFit.Law(false, new int[][] {{0, 1}})),
    /** E + A N^-alpha + B D^-beta. */
    JOINT(new HuberLogFit.Law(true, new int[][] {{0}, {1}}));

    final HuberLogFit.Law law;

    Form(HuberLogFit.Law law) {
      this.law = law;
    }

    public int parameters() {
      return law.parameters();
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One candidate's score: its fit's objective and the mean held-out error with its SE. */
  public record Score(Form form, double objective, boolean converged, double heldOutError,
      double heldOutSe) {}

  /** power against offset, along one axis (one median loss per position). */
  public static LawSelection alongOneAxis(double[] x, double[] loss) {
    return select(OffsetPowerLawFit.data(x, loss), List.of(Form.POWER, Form.OFFSET));
  }

  /**
   * Over a grid of (N, D): E + A N^-alpha (OFFSET), E + B D^-beta (OFFSET_D), the product
   * A N^-alpha D^-beta, and the joint law.
   */
  public static LawSelection joint(double[] n, double[] d, double[] loss) {
    return select(JointLawFit.data(n, d, loss),
        List.of(Form.OFFSET, Form.OFFSET_D, Form.PRODUCT, Form.JOINT));
  }

  static LawSelection select(HuberLogFit.Data data, List<Form> forms) {
    int points = data.logL().length;
    List<Score> scores = new ArrayList<>();
    for (Form f : forms) {
      if (f.parameters() > points - 1) {
        continue;
      }
      HuberLogFit.Result full = HuberLogFit.fit(f.law, data);
      double[] err = HuberLogFit.heldOutErrors(f.law, data, full);
      double mean = 0;
      for (double v : err) {
        mean += v;
      }
      mean /= points;
      double ss = 0;
      for (double v : err) {
        ss += (v - mean) * (v - mean);
      }
      double se = Math.sqrt(ss / (points - 1) / points);
      scores.add(new Score(f, full.objective(), full.converged(), mean, se));
    }
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("too few points (" + points + ") to score any law");
    }
    Score best = scores.get(0);
    for (Score s : scores) {
      if (s.heldOutError() < best.heldOutError()) {
        best = s;
      }
    }
    Score chosen = null;
    for (Score s : scores) {
      if (s.heldOutError() <= best.heldOutError() + best.heldOutSe()
          && (chosen == null || s.form().parameters() < chosen.form().parameters()
              || (s.form().parameters() == chosen.form().parameters()
                  && s.heldOutError() < chosen.heldOutError()))) {
        chosen = s;
      }
    }
    return new LawSelection(chosen.form(), scores);
  }
}
