package org.lotteryscaling.nn;

/**
 * The network before training: its parametrisation and the scales of its initialisation, which
 * multiply PyTorch's default bounds ({@code init.first-scale} for w and b, {@code
 * init.second-scale} for v and c). The defaults, 1 and 1 with the standard parametrisation, are
 * the paper's network and give its bits (x * 1.0 is x).
 */
public record ModelSettings(Parametrization parametrization, double firstScale,
    double secondScale) implements java.io.Serializable {

  public ModelSettings {
    if (parametrization == null) {
      throw new IllegalArgumentException("parametrization must be given");
    }
    require(firstScale > 0 && Double.isFinite(firstScale),
        "first-scale must be a finite number > 0, got " + firstScale);
    require(secondScale > 0 && Double.isFinite(secondScale),
        "second-scale must be a finite number > 0, got " + secondScale);
  }

  public static ModelSettings paper() {
    return new ModelSettings(Parametrization.STANDARD, 1.0, 1.0);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
