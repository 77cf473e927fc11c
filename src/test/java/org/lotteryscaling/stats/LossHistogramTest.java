package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossHistogramTest {

  @Test
  void binsAreSharedAcrossWidthsAndSpanEveryLoss() {
    WidthLosses narrow = new WidthLosses(2, 4, new double[] {1e-1, 1e-2, 1e-2, 1e-3});
    WidthLosses wide = new WidthLosses(4, 3, new double[] {1e-5, 1e-4, 1e-3});
    LogBins bins = LogBins.spanning(List.of(narrow, wide), 4);
    assertEquals(-5, bins.lo(), 1e-12);
    assertEquals(-1, bins.hi(), 1e-12);
    // edges -5 -4 -3 -2 -1: [-5,-4) [-4,-3) [-3,-2) [-2,-1]
    assertArrayEquals(new long[] {0, 0, 1, 3}, LossHistogram.of(bins, narrow).counts());
    assertArrayEquals(new long[] {1, 1, 1, 0}, LossHistogram.of(bins, wide).counts());
  }

  @Test
  void everyValueLandsInTheBinItsEdgesSay() {
    LogBins bins = new LogBins(-7.3, 0.1, 37);
    for (int i = 0; i <= 10000; i++) {
      double x = Math.min(0.1, -7.3 + 7.4 * i / 10000);
      int k = bins.bin(x);
      boolean inside = bins.edge(k) <= x && (x < bins.edge(k + 1) || k == bins.bins() - 1);
      assertEquals(true, inside, x + " in bin " + k);
    }
    for (int k = 0; k <= 37; k++) {
      assertEquals(k == 37 ? 36 : k, bins.bin(bins.edge(k)));
    }
  }

  @Test
  void degenerateRangesHaveDefinedBins() {
    WidthLosses one = new WidthLosses(1, 1, new double[] {1e-2});
    LogBins bins = LogBins.spanning(List.of(one), 10);
    assertEquals(-2.5, bins.lo(), 1e-12);
    assertEquals(-1.5, bins.hi(), 1e-12);
    assertArrayEquals(new long[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0}, LossHistogram.of(bins, one).counts());
    assertNull(LogBins.spanning(List.of(new WidthLosses(3, 5, new double[0])), 10));
    assertNull(LogBins.spanning(List.of(), 10));
  }

  /** An immutable value: equal bins and counts are equal, with equal hashes; counts copied in and out. */
  @Test
  void equalityIsByContentAndCountsAreCopied() {
    LogBins bins = new LogBins(-3, 0, 3);
    long[] counts = {1, 2, 3};
    LossHistogram a = new LossHistogram(bins, counts);
    LossHistogram b = new LossHistogram(new LogBins(-3, 0, 3), new long[] {1, 2, 3});
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("LossHistogram[bins=" + bins + ", counts=[1, 2, 3]]", a.toString());
    assertNotEquals(a, new LossHistogram(bins, new long[] {1, 2, 4}));
    assertNotEquals(a, new LossHistogram(new LogBins(-3, 1, 3), new long[] {1, 2, 3}));
    counts[0] = 9;
    a.counts()[1] = 9;
    assertArrayEquals(new long[] {1, 2, 3}, a.counts());
    assertThrows(IllegalArgumentException.class, () -> new LossHistogram(bins, new long[2]));
  }
}
