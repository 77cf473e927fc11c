package org.lotteryscaling.cli;

/** A problem with what the user asked for, reported as one line and exit code 2, never a trace. */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
