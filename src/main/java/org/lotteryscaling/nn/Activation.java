package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * The hidden-layer nonlinearity sigma of equation (1). Each activation evaluates sigma and sigma'
 * together over a run of pre-activations, so the backward pass reuses what the forward pass
 * computed (one exponential per neuron-step for SiLU).
 */
public enum Activation implements Nonlinearity {
  /** x * sigmoid(x); sigma' = s (1 + x (1 - s)) with s = sigmoid(x). */
  SILU {
    @Override
    public double value(double z) {
      return z * (1.0 / (1.0 + Exp.exp(-z)));
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      for (int k = 0; k < count; k++) {
        double s = 1.0 / (1.0 + Exp.exp(-z[k]));
        sigma[offset + k] = z[k] * s;
        slope[offset + k] = s * (1.0 + z[k] * (1.0 - s));
      }
    }
  },
  RELU {
    @Override
    public double value(double z) {
      return z > 0 ? z : 0.0;
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      for (int k = 0; k < count; k++) {
        boolean on = z[k] > 0;
        sigma[offset + k] = on ? z[k] : 0.0;
        slope[offset + k] = on ? 1.0 : 0.0;
      }
    }
  },
  /**
   * z for z > 0, else a z with the negative slope a ({@code model.leaky-slope}); {@link
   * #LEAKY_SLOPE}, PyTorch's default, where no slope is given.
   */
  LEAKY_RELU {
    @Override
    public double value(double z) {
      return value(z, LEAKY_SLOPE);
    }

    @Override
    public double value(double z, double leakySlope) {
      return z > 0 ? z : leakySlope * z;
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      evaluate(z, sigma, slope, offset, count, LEAKY_SLOPE);
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count,
        double leakySlope) {
      for (int k = 0; k < count; k++) {
        boolean on = z[k] > 0;
        sigma[offset + k] = on ? z[k] : leakySlope * z[k];
        slope[offset + k] = on ? 1.0 : leakySlope;
      }
    }
  },
  /** tanh(x) = 1 - 2 / (exp(2x) + 1); sigma' = 1 - tanh^2. */
  TANH {
    @Override
    public double value(double z) {
      return 1.0 - 2.0 / (Exp.exp(2.0 * z) + 1.0);
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      for (int k = 0; k < count; k++) {
        double t = 1.0 - 2.0 / (Exp.exp(2.0 * z[k]) + 1.0);
        sigma[offset + k] = t;
        slope[offset + k] = 1.0 - t * t;
      }
    }
  },
  /**
   * PyTorch's GELU(approximate='tanh'), 0.5 z (1 + tanh u) with u = sqrt(2/pi) (z + 0.044715 z^3),
   * written as z s with s = sigmoid(a), a = 2u (0.5 (1 + tanh u) = sigmoid(2u)), so that one
   * exponential gives both; sigma' = s + z s (1 - s) da/dz, da/dz = 2 sqrt(2/pi) (1 + 3 0.044715
   * z^2).
   *
   * <p>s = 1 / (1 + exp(-a)), SILU's form: no |a| and no sign blend (exp(-a) = inf for a below
   * -709.78 gives s = 0 exactly, as the closed form does), and s (1 - s) as SILU's sigma' has it.
   * Only z^2 is clamped, to {@link #GELU_CLAMP}^2, and only so that da/dz stays finite: beyond
   * |z| = 25, s is already exactly 0 or 1, s (1 - s) = 0, and the product rule's term is 0, not
   * 0 * inf. -a is computed as z (-0.044715 2 sqrt(2/pi) c^2 - 2 sqrt(2/pi)) (c^2 the clamped
   * z^2; the two constants rounded once), 3 operations with the negation folded in. The earlier
   * formula (z clamped to +-25 everywhere, a = 2 sqrt(2/pi) (c + 0.044715 c^3), s from exp(-|a|)
   * and a sign blend) cost about 11 more vector operations per point; these sigma and sigma' have
   * other bits than it did, within ActivationTest's tolerances of the closed forms. At z = +-inf
   * sigma' is NaN (inf * 0) where it was 1 and -0; sigma(-inf) was and is NaN.
   */
  GELU {
    @Override
    public double value(double z) {
      double z2 = z * z;
      double c2 = z2 > GELU_CLAMP2 ? GELU_CLAMP2 : z2;
      return z * (1.0 / (1.0 + Exp.exp(z * (GELU_MINUS_TWO_BETA_KAPPA * c2 - GELU_TWO_BETA))));
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      for (int k = 0; k < count; k++) {
        double z2 = z[k] * z[k];
        double c2 = z2 > GELU_CLAMP2 ? GELU_CLAMP2 : z2;
        double s = 1.0 / (1.0 + Exp.exp(z[k] * (GELU_MINUS_TWO_BETA_KAPPA * c2 - GELU_TWO_BETA)));
        sigma[offset + k] = z[k] * s;
        slope[offset + k] =
            s + (z[k] * (s * (1.0 - s))) * (GELU_TWO_BETA + GELU_SIX_BETA_KAPPA * c2);
      }
    }
  },
  /**
   * 1 / (1 + exp(-z)), from e = exp(-|z|) and q = 1 / (1 + e): s = q for z >= 0, e q below, so
   * nothing overflows and the small side keeps its relative accuracy; sigma' = e q^2, which
   * (unlike s (1 - s)) does not round to 0 where s rounds to 1.
   */
  SIGMOID {
    @Override
    public double value(double z) {
      double e = Exp.exp(-Math.abs(z));
      double q = 1.0 / (1.0 + e);
      return z >= 0 ? q : e * q;
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      for (int k = 0; k < count; k++) {
        double e = Exp.exp(-Math.abs(z[k]));
        double q = 1.0 / (1.0 + e);
        double eq = e * q;
        sigma[offset + k] = z[k] >= 0 ? q : eq;
        slope[offset + k] = eq * q;
      }
    }
  },
  /**
   * PyTorch's Softplus (beta 1, threshold 20): log(1 + exp(z)) = max(z, 0) + log1p(exp(-|z|)),
   * which neither overflows nor loses the small values, and z itself for z > 20, as PyTorch;
   * sigma' = sigmoid(z), SIGMOID's formula, and 1 for z > 20. exp(-|z|) is in [0, 1], inside
   * {@link Log#log1p}'s range.
   */
  SOFTPLUS {
    @Override
    public double value(double z) {
      if (z > SOFTPLUS_THRESHOLD) {
        return z;
      }
      return (z > 0 ? z : 0.0) + Log.log1p(Exp.exp(-Math.abs(z)));
    }

    @Override
    public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count) {
      for (int k = 0; k < count; k++) {
        double e = Exp.exp(-Math.abs(z[k]));
        double q = 1.0 / (1.0 + e);
        boolean linear = z[k] > SOFTPLUS_THRESHOLD;
        sigma[offset + k] = linear ? z[k] : (z[k] > 0 ? z[k] : 0.0) + Log.log1p(e);
        slope[offset + k] = linear ? 1.0 : z[k] >= 0 ? q : e * q;
      }
    }
  };

  /** sqrt(2/pi) * 2: PyTorch's kBeta (M_SQRT2 M_2_SQRTPI / 2, the nearest double) doubled, exact. */
  static final double GELU_TWO_BETA = 1.5957691216057308;
  static final double GELU_KAPPA = 0.044715;
  /** -0.044715 2 sqrt(2/pi), rounded once: -a = z (this c^2 - GELU_TWO_BETA). */
  static final double GELU_MINUS_TWO_BETA_KAPPA = -GELU_KAPPA * GELU_TWO_BETA;
  /** 3 0.044715 2 sqrt(2/pi), rounded once: da/dz = GELU_TWO_BETA + this z^2. */
  static final double GELU_SIX_BETA_KAPPA = 3 * GELU_KAPPA * GELU_TWO_BETA;
  /**
   * GELU's z^2 is clamped to this squared: a(25) = 1155 > 745, where {@link Exp#exp}(-a) is 0 or
   * inf, so s is exactly 1 or 0 from here on either way (a(22) = 795 already is).
   */
  static final double GELU_CLAMP = 25.0;
  static final double GELU_CLAMP2 = GELU_CLAMP * GELU_CLAMP;
  /** PyTorch's Softplus threshold: above it, softplus(z) = z. */
  static final double SOFTPLUS_THRESHOLD = 20.0;

  /** leaky_relu's default negative slope (PyTorch's), and the paper's setting's. */
  public static final double LEAKY_SLOPE = 0.01;

  /** sigma(z). */
  public abstract double value(double z);

  /** sigma(z) with leaky_relu's negative slope {@code leakySlope}; the others ignore it. */
  public double value(double z, double leakySlope) {
    return value(z);
  }

  /**
   * This activation as a function of z with leaky_relu's negative slope {@code leakySlope} (the
   * others have no parameter and are returned as they are): how a network trained with
   * {@code model.leaky-slope} is evaluated again.
   */
  public Nonlinearity withLeakySlope(double leakySlope) {
    if (this != LEAKY_RELU || leakySlope == LEAKY_SLOPE) {
      return this;
    }
    return z -> value(z, leakySlope);
  }

  /**
   * For k in [0, count): sigma[offset + k] = sigma(z[k]) and slope[offset + k] = sigma'(z[k]).
   * The kernel calls this once per neuron with that neuron's M pre-activations.
   */
  public abstract void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count);

  /** As {@link #evaluate(double[], double[], double[], int, int)}, with leaky_relu's slope. */
  public void evaluate(double[] z, double[] sigma, double[] slope, int offset, int count,
      double leakySlope) {
    evaluate(z, sigma, slope, offset, count);
  }

  /**
   * The name used in configs, tables and on the command line: silu, relu, leaky_relu, tanh, gelu,
   * sigmoid, softplus.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id; the error names the allowed values. */
  public static Activation parse(String id) {
    for (Activation a : values()) {
      if (a.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '" + id + "' (allowed: " + String.join(", ", ids()) + ")");
  }

  public static String[] ids() {
    return Arrays.stream(values()).map(Activation::id).toArray(String[]::new);
  }

  @Override
  public String toString() {
    return id();
  }
}
