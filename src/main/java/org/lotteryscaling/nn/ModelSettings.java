package org.lotteryscaling.nn;

/**
 * The network before training: its parametrisation and the scales of its initialisation, which
 * multiply PyTorch's default bounds ({@code init.first-scale} for w and b, {@code
 * init.second-scale} for v and c), and leaky_relu's negative slope (the other activations ignore
 * it). The defaults, 1 and 1 with the standard parametrisation and slope 0.01, are the paper's
 * network and give its bits (x * 1.0 is x; 0.01 is {@link Activation#LEAKY_SLOPE}).
 */
public record ModelSettings(Parametrization parametrization, double firstScale,
    double secondScale, double leakySlope) implements java.io.Serializable {

  public ModelSettings {
    if (parametrization == null) {
      throw new IllegalArgumentException("parametrization must be given");
    }
    require(firstScale > 0 && Double.isFinite(firstScale),
        "first-scale must be a finite number > 0, got " + firstScale);
    require(secondScale > 0 && Double.isFinite(secondScale),
        "second-scale must be a finite number > 0, got " + secondScale);
    // a slope of 1 or more is no longer a kink that opens to the right; NaN fails both tests
    require(leakySlope >= 0 && leakySlope < 1,
        "leaky-slope must be in [0, 1), got " + leakySlope);
  }

  /** With leaky_relu's default slope {@link Activation#LEAKY_SLOPE}. */
  public ModelSettings(Parametrization parametrization, double firstScale, double secondScale) {
    this(parametrization, firstScale, secondScale, Activation.LEAKY_SLOPE);
  }

  public static ModelSettings paper() {
    return new ModelSettings(Parametrization.STANDARD, 1.0, 1.0, Activation.LEAKY_SLOPE);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
