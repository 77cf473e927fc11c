package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the output layer of equation (1) scales with the width N ({@code model.parametrization}).
 * STANDARD is the paper's: f(x) = sum_i v_i sigma(w_i . x + b_i) + c with PyTorch's default
 * initialisation, v ~ U(-1/sqrt N, 1/sqrt N). MEAN_FIELD is the regime of the mean-field theory
 * the paper's section 5 cites: f(x) = (1/N) sum_i v_i sigma(w_i . x + b_i) + c with v ~ U(-1, 1),
 * trained on v (so dL/dv carries the 1/N too).
 */
public enum Parametrization {
  STANDARD,
  MEAN_FIELD;

  /** The name used in configs: standard, mean-field. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses an id; the error names the allowed values. */
  public static Parametrization parse(String id) {
    for (Parametrization p : values()) {
      if (p.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown parametrization '" + id + "' (allowed: "
        + String.join(", ", Arrays.stream(values()).map(Parametrization::id).toList()) + ")");
  }

  /** The factor of sum_i v_i sigma_i in f: 1, or 1/N. */
  public double outputScale(int width) {
    return this == MEAN_FIELD ? 1.0 / width : 1.0;
  }

  @Override
  public String toString() {
    return id();
  }
}
