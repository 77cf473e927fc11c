package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerLawFitTest {

  static final int[] PAPER_WIDTHS = {10, 20, 30, 40, 50};

  static List<WidthLosses> powerLaw(long seed, double c, double alpha, int[] widths, int seeds, double sigma) {
    Synthetic s = new Synthetic(seed);
    List<WidthLosses> out = new ArrayList<>();
    for (int n : widths) {
      out.add(new WidthLosses(n, seeds, s.powerLaw(seeds, c, alpha, n, sigma)));
    }
    return out;
  }

  @Test
  void lognormalNoiseAroundAPowerLawGivesAlphaBackInsideTheInterval() {
    for (double alpha : new double[] {1, 4}) {
      List<PowerLawFit> fits = PowerLawFit.fits(powerLaw(7, 0.3, alpha, PAPER_WIDTHS, 300, 0.8), 1000, 1);
      PowerLawFit all = fits.get(0);
      assertEquals(PowerLawFit.Kind.ALL, all.kind());
      assertEquals(10, all.widthMin());
      assertEquals(50, all.widthMax());
      assertEquals(5, all.widths());
      assertTrue(all.alphaLow() <= alpha && alpha <= all.alphaHigh(), all.toString());
      assertTrue(all.alphaHigh() - all.alphaLow() < 0.3, all.toString());
      assertEquals(Math.log10(0.3), Math.log10(all.prefactor()), 0.2);
      // Every width is >= 10: the wide fit is the fit over all widths, same replicates included.
      PowerLawFit wide = fits.get(fits.size() - 1);
      assertEquals(PowerLawFit.Kind.WIDE, wide.kind());
      assertEquals(all.alpha(), wide.alpha(), 0);
      assertEquals(all.alphaLow(), wide.alphaLow(), 0);
      assertEquals(all.alphaHigh(), wide.alphaHigh(), 0);
      assertEquals(4, fits.size() - 2);
      for (PowerLawFit local : fits.subList(1, fits.size() - 1)) {
        assertEquals(PowerLawFit.Kind.LOCAL, local.kind());
        assertEquals(2, local.widths());
        assertTrue(local.alphaLow() <= alpha && alpha <= local.alphaHigh(), local.toString());
      }
    }
  }

  @Test
  void theIntervalCoversTheTrueAlphaAboutNinetyFivePercentOfTheTime() {
    int covered = 0;
    int trials = 100;
    for (int t = 0; t < trials; t++) {
      PowerLawFit all = PowerLawFit.fits(powerLaw(100 + t, 1, 1, PAPER_WIDTHS, 100, 1.0), 400, t).get(0);
      if (all.alphaLow() <= 1 && 1 <= all.alphaHigh()) {
        covered++;
      }
    }
    assertTrue(covered >= 85 && covered <= 100, covered + " of " + trials);
  }

  @Test
  void localExponentsShowABrokenPowerLaw() {
    // Exact medians: N^-4 up to N = 4, then N^-1 (the ReLU picture of figure 1c).
    int[] widths = {1, 2, 4, 8, 16};
    List<WidthLosses> data = new ArrayList<>();
    for (int n : widths) {
      double median = n <= 4 ? Math.pow(n, -4) : Math.pow(4, -4) * 4.0 / n;
      data.add(new WidthLosses(n, 1, new double[] {median}));
    }
    List<PowerLawFit> fits = PowerLawFit.fits(data, 50, 0);
    double[] expected = {4, 4, 1, 1};
    for (int j = 0; j < 4; j++) {
      PowerLawFit local = fits.get(j + 1);
      assertEquals(widths[j], local.widthMin());
      assertEquals(widths[j + 1], local.widthMax());
      assertEquals(expected[j], local.alpha(), 1e-12);
      // One network per width: every resample is the sample, the interval is the point.
      assertEquals(local.alpha(), local.alphaLow(), 1e-12);
      assertEquals(local.alpha(), local.alphaHigh(), 1e-12);
    }
  }

  @Test
  void theWideFitSeesOnlyTheLawFromWidthTenOn() {
    // Lognormal noise around N^-4 up to N = 4 and around N^-1 from N = 10 (figure 1c's ReLU shape):
    // over every width the slope mixes the two; from N = 10 on it is the N^-1 law.
    int[] narrow = {1, 2, 3, 4};
    List<WidthLosses> data = new ArrayList<>(powerLaw(11, 1, 4, narrow, 300, 0.5));
    data.addAll(powerLaw(12, Math.pow(4, -4) * 4, 1, PAPER_WIDTHS, 300, 0.5));
    List<PowerLawFit> fits = PowerLawFit.fits(data, 1000, 3);
    PowerLawFit all = fits.get(0);
    PowerLawFit wide = fits.get(fits.size() - 1);
    assertEquals(PowerLawFit.Kind.WIDE, wide.kind());
    assertEquals(10, wide.widthMin());
    assertEquals(50, wide.widthMax());
    assertEquals(5, wide.widths());
    assertTrue(wide.alphaLow() <= 1 && 1 <= wide.alphaHigh(), wide.toString());
    assertTrue(all.alphaLow() > 1.5, all.toString());
    assertEquals(1 + 8 + 1, fits.size());
  }

  @Test
  void noWideFitWithFewerThanTwoWidthsFromTenOn() {
    List<WidthLosses> data = powerLaw(5, 1, 1, new int[] {2, 4, 10}, 20, 0.5);
    assertTrue(PowerLawFit.fits(data, 20, 0).stream().noneMatch(f -> f.kind() == PowerLawFit.Kind.WIDE));
  }

  @Test
  void edgeCasesHaveDefinedFits() {
    assertEquals(List.of(), PowerLawFit.fits(List.of(), 10, 0));
    assertEquals(List.of(), PowerLawFit.fits(List.of(new WidthLosses(10, 5, new double[] {1, 2})), 10, 0));
    // A width with every network diverged is left out of the fit.
    List<WidthLosses> data = List.of(new WidthLosses(1, 3, new double[] {1}),
        new WidthLosses(2, 3, new double[0]), new WidthLosses(4, 1, new double[] {0.25}));
    List<PowerLawFit> fits = PowerLawFit.fits(data, 10, 0);
    assertEquals(2, fits.size());
    assertEquals(1, fits.get(0).alpha(), 1e-12);
    assertEquals(2, fits.get(0).widths());
    assertEquals(fits.get(0), PowerLawFit.fits(data, 10, 0).get(0));
  }

  @Test
  void sameSeedSameIntervalDifferentSeedDifferentDraws() {
    List<WidthLosses> data = powerLaw(3, 1, 1, PAPER_WIDTHS, 50, 1);
    assertEquals(PowerLawFit.fits(data, 200, 9), PowerLawFit.fits(data, 200, 9));
    assertTrue(PowerLawFit.fits(data, 200, 9).get(0).alphaLow()
        != PowerLawFit.fits(data, 200, 10).get(0).alphaLow());
  }

  // Fits along a swept axis (PowerLawFit.along): the training points of one width, say.

  static final double[] POINTS = {100, 300, 1000, 3000, 10000};

  @Test
  void exactMediansAlongAnAxisGiveAlphaAndPrefactorExactly() {
    // Three losses per point, m/3, m and 3m: the median is m = 2 x^-0.5 exactly, whatever is drawn.
    double c = 2;
    double alpha = 0.5;
    List<WidthLosses> losses = new ArrayList<>();
    for (double x : POINTS) {
      double m = c * Math.pow(x, -alpha);
      losses.add(new WidthLosses(10, 3, new double[] {m / 3, m, 3 * m}));
    }
    List<PowerLawFit.Along> fits = PowerLawFit.along(POINTS, losses, 200, 5);
    assertEquals(1 + 4, fits.size());
    PowerLawFit.Along all = fits.get(0);
    assertEquals(PowerLawFit.Kind.ALL, all.kind());
    assertEquals(List.of(100.0, 10000.0, 5, 200), List.of(all.xMin(), all.xMax(), all.points(),
        all.resamples()));
    assertEquals(alpha, all.alpha(), 1e-12);
    assertEquals(c, all.prefactor(), 1e-12);
    assertTrue(all.alphaLow() <= alpha && alpha <= all.alphaHigh(), all.toString());
    assertTrue(all.alphaLow() < all.alphaHigh(), "the resampled medians vary: " + all);
    for (int j = 0; j < 4; j++) {
      PowerLawFit.Along local = fits.get(j + 1);
      assertEquals(PowerLawFit.Kind.LOCAL, local.kind());
      assertEquals(List.of(POINTS[j], POINTS[j + 1], 2), List.of(local.xMin(), local.xMax(),
          local.points()));
      assertEquals(alpha, local.alpha(), 1e-12);
      assertEquals(c, local.prefactor(), 1e-12);
    }
  }

  @Test
  void equalLossesAtEveryPointCollapseTheIntervalOntoTheExactAlpha() {
    List<WidthLosses> losses = new ArrayList<>();
    for (double x : POINTS) {
      double[] same = new double[7];
      java.util.Arrays.fill(same, 0.1 * Math.pow(x, -1.5));
      losses.add(new WidthLosses(50, 9, same));
    }
    for (PowerLawFit.Along f : PowerLawFit.along(POINTS, losses, 100, 1)) {
      assertEquals(1.5, f.alpha(), 1e-12);
      assertEquals(f.alpha(), f.alphaLow(), 1e-12);
      assertEquals(f.alpha(), f.alphaHigh(), 1e-12);
      assertEquals(0.1, f.prefactor(), 1e-12);
    }
  }

  @Test
  void lognormalNoiseAlongAnAxisGivesAlphaBackInsideTheInterval() {
    Synthetic s = new Synthetic(17);
    List<WidthLosses> losses = new ArrayList<>();
    for (double x : POINTS) {
      losses.add(new WidthLosses(10, 300, s.logNormal(300, Math.log10(0.5) - 0.7 * Math.log10(x), 0.4)));
    }
    PowerLawFit.Along all = PowerLawFit.along(POINTS, losses, 1000, 2).get(0);
    assertTrue(all.alphaLow() <= 0.7 && 0.7 <= all.alphaHigh(), all.toString());
    assertTrue(all.alphaHigh() - all.alphaLow() < 0.1, all.toString());
  }

  @Test
  void alongTheWidthsItIsTheWidthFitWithTheSameDraws() {
    List<WidthLosses> data = powerLaw(23, 1, 1, new int[] {2, 5, 10, 20, 40}, 40, 0.7);
    double[] x = data.stream().mapToDouble(WidthLosses::width).toArray();
    List<PowerLawFit> byWidth = PowerLawFit.fits(data, 300, 4);
    List<PowerLawFit.Along> along = PowerLawFit.along(x, data, 300, 4);
    assertEquals(byWidth.size() - 1, along.size()); // no wide fit along an axis
    for (int i = 0; i < along.size(); i++) {
      PowerLawFit w = byWidth.get(i);
      PowerLawFit.Along a = along.get(i);
      assertEquals(List.of(w.kind(), (double) w.widthMin(), (double) w.widthMax(), w.widths()),
          List.of(a.kind(), a.xMin(), a.xMax(), a.points()));
      assertEquals(List.of(w.alpha(), w.alphaLow(), w.alphaHigh(), w.prefactor()),
          List.of(a.alpha(), a.alphaLow(), a.alphaHigh(), a.prefactor()));
    }
  }

  @Test
  void positionsAreSortedAndThoseWithoutOkNetworksLeftOut() {
    // Listed out of order; 300 has every network diverged.
    double[] x = {1000, 300, 100, 3000};
    List<WidthLosses> losses = List.of(new WidthLosses(2, 1, new double[] {1e-3}),
        new WidthLosses(2, 4, new double[0]), new WidthLosses(2, 1, new double[] {1e-2}),
        new WidthLosses(2, 1, new double[] {1e-3}));
    List<PowerLawFit.Along> fits = PowerLawFit.along(x, losses, 10, 0);
    assertEquals(3, fits.size());
    assertEquals(List.of(100.0, 3000.0, 3), List.of(fits.get(0).xMin(), fits.get(0).xMax(),
        fits.get(0).points()));
    assertEquals(List.of(100.0, 1000.0), List.of(fits.get(1).xMin(), fits.get(1).xMax()));
    assertEquals(1, fits.get(1).alpha(), 1e-12);
    assertEquals(List.of(1000.0, 3000.0), List.of(fits.get(2).xMin(), fits.get(2).xMax()));
    assertEquals(0, fits.get(2).alpha(), 1e-12);
  }

  @Test
  void alongEdgeCases() {
    WidthLosses one = new WidthLosses(2, 1, new double[] {1});
    WidthLosses none = new WidthLosses(2, 1, new double[0]);
    assertEquals(List.of(), PowerLawFit.along(new double[0], List.of(), 10, 0));
    assertEquals(List.of(), PowerLawFit.along(new double[] {1}, List.of(one), 10, 0));
    assertEquals(List.of(), PowerLawFit.along(new double[] {1, 2}, List.of(one, none), 10, 0));
    for (double[] bad : new double[][] {{0, 1}, {-1, 1}, {1, Double.NaN}, {2, 2}}) {
      assertThrows(IllegalArgumentException.class,
          () -> PowerLawFit.along(bad, List.of(one, one), 10, 0), java.util.Arrays.toString(bad));
    }
    assertThrows(IllegalArgumentException.class,
        () -> PowerLawFit.along(new double[] {1, 2}, List.of(one), 10, 0));
    assertThrows(IllegalArgumentException.class,
        () -> PowerLawFit.along(new double[] {1, 2}, List.of(one, one), 0, 0));
  }
}
