package org.lotteryscaling.report;

import java.util.Locale;

/** Number formatting for captions and the claims table. */
final class Fmt {
  private Fmt() {}

  /** 3 significant digits in scientific notation, "n/a" for NaN. */
  static String sci(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2e", x);
  }

  /** 2 decimals, "n/a" for NaN. */
  static String fixed(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.2f", x);
  }

  /** "[lo, hi]" with 2 decimals, or "n/a" when either end is NaN. */
  static String interval(double lo, double hi) {
    return Double.isNaN(lo) || Double.isNaN(hi) ? "n/a"
        : String.format(Locale.ROOT, "[%.2f, %.2f]", lo, hi);
  }
}
