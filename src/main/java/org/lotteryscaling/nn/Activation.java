package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * The hidden-layer nonlinearity sigma of equation (1). Each activation evaluates sigma and sigma'
 * together over a run of pre-activations, so the backward pass reuses what the forward pass
 * computed (one exponential per neuron-step for SiLU).
 */
public enum Activation {
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
  };

  /** leaky_relu's default negative slope (PyTorch's), and the paper's setting's. */
  public static final double LEAKY_SLOPE = 0.01;

  /** sigma(z). */
  public abstract double value(double z);

  /** sigma(z) with leaky_relu's negative slope {@code leakySlope}; the others ignore it. */
  public double value(double z, double leakySlope) {
    return value(z);
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

  /** The name used in configs, tables and on the command line: silu, relu, leaky_relu, tanh. */
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
