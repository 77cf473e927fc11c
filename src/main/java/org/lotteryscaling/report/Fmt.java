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

  /** The median of {@code xs} (NaN if empty); xs is not modified. */
  static double median(double[] xs) {
    if (xs.length == 0) {
      return Double.NaN;
    }
    double[] s = xs.clone();
    java.util.Arrays.sort(s);
    int m = s.length / 2;
    return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
  }
}
