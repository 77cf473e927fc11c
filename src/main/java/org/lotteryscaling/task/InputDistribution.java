package org.lotteryscaling.task;

import java.util.Arrays;
import java.util.Locale;

/**
 * How each input coordinate is drawn ({@code data.distribution}): uniform on [data.low, data.high]
 * (the paper's, on [-2, 2]) or normal with mean data.mean and standard deviation data.std.
 */
public enum InputDistribution {
  UNIFORM,
  NORMAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id; the error names the allowed values. */
  public static InputDistribution parse(String id) {
    for (InputDistribution d : values()) {
      if (d.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown distribution '" + id + "' (allowed: "
        + String.join(", ", Arrays.stream(values()).map(InputDistribution::id).toList()) + ")");
  }

  @Override
  public String toString() {
    return id();
  }
}
