package org.lotteryscaling;

import java.util.function.Supplier;

/**
 * A problem with what the user asked for (a config key, a value, a folder), thrown on purpose where
 * the input is checked: the command line prints its message as one line and exits with 2. Any
 * other exception is a bug (see cli/Lottery). Plain Java, so every layer may throw it.
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * A value built from the user's input: the value classes refuse a bad argument with an
   * IllegalArgumentException (a contract of the code), which here is the user's to fix.
   */
  public static <T> T fromInput(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }
}
