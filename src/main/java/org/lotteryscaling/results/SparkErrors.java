package org.lotteryscaling.results;

import org.apache.spark.SparkThrowable;
import org.lotteryscaling.UserError;

/**
 * Spark's failures as this tool reports them: a user's corrupt or foreign file is one line
 * ({@link #unreadable}, {@link #firstLine}); anything else is rethrown as it is ({@link #sneaky}).
 */
public final class SparkErrors {
  private SparkErrors() {}

  /**
   * Spark's failure to read or write the user's files (a corrupt or foreign table: Spark's
   * exceptions, possibly wrapped once) as a one-line UserError, {@code what} and Spark's first
   * line; anything else (a bug) is rethrown as it is.
   */
  public static UserError unreadable(String what, Exception e) {
    if (e instanceof SparkThrowable || e.getCause() instanceof SparkThrowable) {
      return new UserError(what + ": " + firstLine(e), e);
    }
    if (e instanceof java.io.IOException io) {
      throw new java.io.UncheckedIOException(what + ": " + firstLine(e), io);
    }
    throw SparkErrors.<RuntimeException>sneaky(e);
  }

  /** Spark's Scala code throws checked exceptions undeclared; rethrow them as they are. */
  @SuppressWarnings("unchecked")
  public static <E extends Exception> E sneaky(Exception e) throws E {
    throw (E) e;
  }

  /** The first non-blank line of an exception's message: Spark's messages run to many lines. */
  public static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    for (String line : message.split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return e.getClass().getSimpleName();
  }
}
