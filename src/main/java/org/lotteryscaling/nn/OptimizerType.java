package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Locale;

/** Which {@link Optimizer} trains: {@code training.optimizer = adam | sgd} in a config. */
public enum OptimizerType {
  /** The paper's: torch.optim.Adam (AdamW when training.weight-decay > 0). */
  ADAM,
  /** torch.optim.SGD with momentum, and weight decay in AdamW's decoupled form. */
  SGD;

  /** The name used in configs and on the command line: adam, sgd. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id; the error names the allowed values. */
  public static OptimizerType parse(String id) {
    for (OptimizerType t : values()) {
      if (t.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown optimizer '" + id + "' (allowed: "
        + String.join(", ", Arrays.stream(values()).map(OptimizerType::id).toList()) + ")");
  }

  @Override
  public String toString() {
    return id();
  }
}
