package org.lotteryscaling.report;

/**
 * One claim of the paper, the rule that judges it, what the run measured and the verdict.
 * {@code interval} is the measured value's uncertainty as the tables give it ("n/a" if none).
 */
public record Claim(String id, String statement, String source, String rule, String measured,
    String interval, Verdict verdict) {

  public enum Verdict {
    SUPPORTED("supported"), NOT_SUPPORTED("not supported"), NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    static Verdict of(boolean supported) {
      return supported ? SUPPORTED : NOT_SUPPORTED;
    }
  }
}
