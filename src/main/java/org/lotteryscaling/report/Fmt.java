package org.lotteryscaling.report;

import java.math.BigDecimal;
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

  /** "[lo, hi]" as plainly as 6 significant digits allow ("[-2, 2]", "[-0.5, 1.25]"). */
  static String range(double lo, double hi) {
    return "[" + plain(lo) + ", " + plain(hi) + "]";
  }

  /** x to 6 significant digits without trailing zeros or an exponent, "n/a" for NaN. */
  static String plain(double x) {
    if (!Double.isFinite(x)) {
      return Double.isNaN(x) ? "n/a" : x > 0 ? "inf" : "-inf";
    }
    return new BigDecimal(String.format(Locale.ROOT, "%.6g", x)).stripTrailingZeros()
        .toPlainString();
  }

  /** "[lo, hi]" with 2 decimals, or "n/a" when either end is NaN. */
  static String interval(double lo, double hi) {
    return Double.isNaN(lo) || Double.isNaN(hi) ? "n/a"
        : String.format(Locale.ROOT, "[%.2f, %.2f]", lo, hi);
  }
}
