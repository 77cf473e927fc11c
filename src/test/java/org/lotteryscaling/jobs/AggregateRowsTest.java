package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.stats.AggregateSettings;
import org.lotteryscaling.stats.LawSelection;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.LossModes;
import org.lotteryscaling.stats.LossSummary;
import org.lotteryscaling.stats.OffsetPowerLawFit;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.SynergyTest;
import org.lotteryscaling.stats.Synthetic;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.tables.LossHistogramRow;
import org.lotteryscaling.tables.LossModesRow;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.SynergyRow;
import org.lotteryscaling.task.Seeds;
import org.lotteryscaling.task.Setting;

/**
 * Each column of the aggregate rows holds the statistic of its name: every component is checked
 * against the stats object it comes from, so two arguments of the same type swapped in a writer
 * fail here (RowCodecTest then shows each component lands in the column of its name).
 */
class AggregateRowsTest {

  private static final LossGroup GROUP = group();
  private static final AggregateSettings SETTINGS = new AggregateSettings(12, 50, 7);

  /**
   * Log-normal losses at widths 2..20 (narrower is worse), one width with diverged networks; test
   * losses drawn apart, one fewer per width (a network whose test loss was not finite).
   */
  private static LossGroup group() {
    SplittableRandom random = new SplittableRandom(3);
    List<WidthLosses> widths = new ArrayList<>();
    List<WidthLosses> test = new ArrayList<>();
    for (int width : new int[] {2, 4, 5, 10, 20}) {
      double[] losses = new double[30];
      double[] testLosses = new double[29];
      for (int k = 0; k < losses.length; k++) {
        losses[k] = Math.pow(10, -2 * Math.log10(width) - 1 + 0.4 * random.nextGaussian());
      }
      for (int k = 0; k < testLosses.length; k++) {
        testLosses[k] = Math.pow(10, -1.5 * Math.log10(width) - 1 + 0.4 * random.nextGaussian());
      }
      java.util.Arrays.sort(losses);
      widths.add(new WidthLosses(width, width == 4 ? 33 : 30, losses));
      test.add(new WidthLosses(width, width == 4 ? 33 : 30, testLosses));
    }
    return new LossGroup("x2", "silu", List.copyOf(widths), Setting.NONE, List.copyOf(test));
  }

  @Test
  void summaryColumnsHoldTheirStatistics() {
    List<LossSummaryRow> rows = AggregateJob.summaryRows(GROUP, SETTINGS);
    assertEquals(GROUP.widths().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      WidthLosses w = GROUP.widths().get(i);
      WidthLosses t = GROUP.testWidths().get(i);
      LossSummary s = LossSummary.of(w);
      LossSummaryRow r = rows.get(i);
      long seed = Seeds.combine(Seeds.combine(GROUP.seed(SETTINGS.seed()), Seeds.text("median")),
          w.width());
      double[] median = LossSummary.medianInterval(w, SETTINGS.resamples(), seed);
      double[] testMedian = LossSummary.medianInterval(t, SETTINGS.resamples(),
          Seeds.combine(seed, Seeds.text("test")));
      assertEquals(List.of(median[0], median[1], t.median(), testMedian[0], testMedian[1]),
          List.of(r.lossMedianLow(), r.lossMedianHigh(), r.testLossMedian(),
              r.testLossMedianLow(), r.testLossMedianHigh()));
      assertTrue(median[0] <= s.median() && s.median() <= median[1], r.toString());
      assertTrue(testMedian[0] <= t.median() && t.median() <= testMedian[1], r.toString());
      assertEquals(List.of("x2", "silu", w.width()), List.of(r.target(), r.activation(), r.width()));
      assertEquals(List.of(s.networks(), (long) s.ok(), s.diverged()),
          List.of(r.networks(), r.ok(), r.diverged()));
      assertEquals(List.of(s.min(), s.q10(), s.q25(), s.median(), s.q75(), s.q90(), s.max(),
          s.meanLog10(), s.sdLog10()), List.of(r.lossMin(), r.lossQ10(), r.lossQ25(),
          r.lossMedian(), r.lossQ75(), r.lossQ90(), r.lossMax(), r.log10Mean(), r.log10Sd()));
    }
    assertEquals(3L, rows.get(1).diverged());
  }

  @Test
  void histogramColumnsHoldTheirBins() {
    List<LossHistogramRow> rows = AggregateJob.histogramRows(GROUP, SETTINGS.bins());
    LogBins edges = LogBins.spanning(GROUP.widths(), SETTINGS.bins());
    assertEquals(GROUP.widths().size() * SETTINGS.bins(), rows.size());
    for (LossHistogramRow r : rows) {
      assertEquals(edges.edge(r.bin()), r.log10Lo(), 0);
      assertEquals(edges.edge(r.bin() + 1), r.log10Hi(), 0);
      assertEquals(r.count() / 30.0, r.fraction(), 0);
    }
  }

  @Test
  void modeColumnsHoldTheirPeaks() {
    List<LossModesRow> rows = AggregateJob.modeRows(GROUP);
    for (int i = 0; i < rows.size(); i++) {
      WidthLosses w = GROUP.widths().get(i);
      LossModes m = LossModes.of(w);
      LossModesRow r = rows.get(i);
      assertEquals(List.of(w.networks(), (long) w.ok()), List.of(r.networks(), r.ok()));
      assertEquals(m.bandwidth(), r.bandwidth(), 0);
      assertEquals(m.count(), r.peaks());
      assertEquals(List.of(m.countLow(), m.countHigh()), List.of(r.peaksLow(), r.peaksHigh()));
      assertArrayEquals(m.peaks().stream().mapToDouble(LossModes.Peak::log10Loss).toArray(),
          r.peakLog10());
      assertArrayEquals(m.peaks().stream().mapToLong(LossModes.Peak::networks).toArray(),
          r.peakNetworks());
      assertEquals(m.lowest().log10Loss(), r.lowestPeakLog10(), 0);
      assertEquals(Math.pow(10, m.lowest().log10Loss()), r.lowestPeakLoss(), 0);
      assertEquals(m.lowest().networks(), r.lotteryNetworks());
      assertEquals(m.lotteryRate(), r.lotteryRate(), 0);
    }
  }

  @Test
  void fitColumnsHoldTheirFits() {
    List<ScalingFitRow> all = AggregateJob.fitRows(GROUP, SETTINGS);
    long trainSeed = GROUP.seed(SETTINGS.seed());
    for (String loss : List.of(ScalingFitRow.TRAIN, ScalingFitRow.TEST)) {
      boolean train = loss.equals(ScalingFitRow.TRAIN);
      long seed = train ? trainSeed : Seeds.combine(trainSeed, Seeds.text("test"));
      List<ScalingFitRow> rows = all.stream()
          .filter(r -> r.loss().equals(loss) && r.form().equals(ScalingFitRow.POWER)).toList();
      List<PowerLawFit> fits = PowerLawFit.fits(train ? GROUP.widths() : GROUP.testWidths(),
          SETTINGS.resamples(), seed);
      assertEquals(fits.size(), rows.size());
      for (int i = 0; i < rows.size(); i++) {
        PowerLawFit f = fits.get(i);
        ScalingFitRow r = rows.get(i);
        assertEquals(List.of(f.kind().id(), f.widthMin(), f.widthMax(), f.widths(), f.resamples()),
            List.of(r.kind(), r.widthMin(), r.widthMax(), r.widths(), r.resamples()));
        assertEquals(List.of(f.alpha(), f.alphaLow(), f.alphaHigh(), f.prefactor()),
            List.of(r.alpha(), r.alphaLow(), r.alphaHigh(), r.prefactor()));
        // GROUP has two widths from 10 up: too few for the wide range's offset law and selection
        assertEquals(f.kind() == PowerLawFit.Kind.ALL, r.chosen() != null, r.toString());
        assertEquals(r.chosen() != null, r.heldOutError() != null, r.toString());
        assertEquals(Arrays.asList(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null), Arrays.asList(r.prefactorLow(), r.prefactorHigh(),
            r.offset(), r.offsetLow(), r.offsetHigh(), r.dataPrefactor(), r.dataPrefactorLow(),
            r.dataPrefactorHigh(), r.beta(), r.betaLow(), r.betaHigh(), r.objective(),
            r.converged(), r.unconverged()), r.toString());
      }
      // Five widths with ok networks: one offset row, fitted and scored on the same medians.
      List<WidthLosses> widths = train ? GROUP.widths() : GROUP.testWidths();
      double[] x = widths.stream().mapToDouble(WidthLosses::width).toArray();
      double[][] losses = widths.stream().map(WidthLosses::losses).toArray(double[][]::new);
      double[] medians = widths.stream().mapToDouble(WidthLosses::median).toArray();
      OffsetPowerLawFit.Bootstrap b = OffsetPowerLawFit.bootstrap(x, losses,
          SETTINGS.lawResamples(), 0.95, Seeds.combine(seed, Seeds.text("offset")));
      LawSelection selection = LawSelection.alongOneAxis(x, medians);
      ScalingFitRow o = one(all, loss, ScalingFitRow.OFFSET, "all");
      assertEquals(List.of(2, 20, 5, b.resamples()),
          List.of(o.widthMin(), o.widthMax(), o.widths(), o.resamples()));
      assertEquals(List.of(b.fit().alpha(), b.alphaLow(), b.alphaHigh(), b.fit().a(), b.aLow(),
          b.aHigh(), b.fit().e(), b.eLow(), b.eHigh(), b.fit().objective()),
          List.of(o.alpha(), o.alphaLow(), o.alphaHigh(), o.prefactor(), o.prefactorLow(),
              o.prefactorHigh(), o.offset(), o.offsetLow(), o.offsetHigh(), o.objective()));
      assertEquals(List.of(b.fit().converged(), b.unconverged()),
          List.of(o.converged(), o.unconverged()));
      assertEquals(Arrays.asList(null, null, null, null, null, null),
          Arrays.asList(o.dataPrefactor(), o.dataPrefactorLow(), o.dataPrefactorHigh(),
              o.beta(), o.betaLow(), o.betaHigh()));
      ScalingFitRow p = one(all, loss, ScalingFitRow.POWER, "all");
      assertEquals(List.of(score(selection, LawSelection.Form.POWER),
          score(selection, LawSelection.Form.OFFSET)), List.of(p.heldOutError(), o.heldOutError()));
      assertEquals(List.of(selection.chosen() == LawSelection.Form.POWER,
          selection.chosen() == LawSelection.Form.OFFSET), List.of(p.chosen(), o.chosen()));
    }
  }

  static ScalingFitRow one(List<ScalingFitRow> rows, String loss, String form, String kind) {
    List<ScalingFitRow> found = rows.stream().filter(r -> r.loss().equals(loss)
        && r.form().equals(form) && r.kind().equals(kind)).toList();
    assertEquals(1, found.size(), loss + " " + form + " " + kind + ": " + rows);
    return found.get(0);
  }

  static double score(LawSelection selection, LawSelection.Form form) {
    return selection.scores().stream().filter(s -> s.form() == form).findFirst().orElseThrow()
        .heldOutError();
  }

  /**
   * The offset law's grid of the stats tests: widths 1..64, 30 seeds each, lognormal noise of
   * natural-log sd 0.5, the job's default replicates of the law.
   */
  static final double[] LAW_WIDTHS = {1, 2, 4, 8, 16, 32, 64};
  static final AggregateSettings LAW_SETTINGS = new AggregateSettings(12,
      AggregateSettings.DEFAULT_RESAMPLES, 7, AggregateSettings.DEFAULT_LAW_RESAMPLES);

  static LossGroup lawGroup(long seed, double e, double a, double alpha) {
    Synthetic s = new Synthetic(seed);
    List<WidthLosses> widths = new ArrayList<>();
    for (double n : LAW_WIDTHS) {
      widths.add(new WidthLosses((int) n, 30, s.offsetLaw(30, e, a, alpha, n, 0.5)));
    }
    return new LossGroup("x2", "silu", widths);
  }

  static boolean inside(double truth, Double low, Double high) {
    return low <= truth && truth <= high;
  }

  @Test
  void aFloorGivesAnOffsetRowAroundTheTruthThatTheSelectionChooses() {
    // The floor E = 0.01 is reached from N = 8 on (2 * 8^-1.5 = 0.088, 2 * 64^-1.5 = 0.004).
    double e = 0.01;
    double a = 2;
    double alpha = 1.5;
    List<ScalingFitRow> rows = AggregateJob.fitRows(lawGroup(21, e, a, alpha), LAW_SETTINGS);
    ScalingFitRow offset = one(rows, ScalingFitRow.TRAIN, ScalingFitRow.OFFSET, "all");
    ScalingFitRow power = one(rows, ScalingFitRow.TRAIN, ScalingFitRow.POWER, "all");
    assertTrue(inside(e, offset.offsetLow(), offset.offsetHigh()), offset.toString());
    assertTrue(inside(a, offset.prefactorLow(), offset.prefactorHigh()), offset.toString());
    assertTrue(inside(alpha, offset.alphaLow(), offset.alphaHigh()), offset.toString());
    assertTrue(offset.converged(), offset.toString());
    assertEquals(List.of(true, false), List.of(offset.chosen(), power.chosen()));
    assertTrue(offset.heldOutError() < power.heldOutError(), rows.toString());
    assertEquals(LAW_SETTINGS.lawResamples(), offset.resamples());
    assertEquals(LAW_SETTINGS.resamples(), power.resamples());
    // Without test losses there is nothing to fit them with.
    assertTrue(rows.stream().allMatch(r -> r.loss().equals(ScalingFitRow.TRAIN)));
  }

  @Test
  void aPurePowerLawIsChosenAsPower() {
    double a = 2;
    double alpha = 1.5;
    List<ScalingFitRow> rows = AggregateJob.fitRows(lawGroup(22, 0, a, alpha), LAW_SETTINGS);
    ScalingFitRow offset = one(rows, ScalingFitRow.TRAIN, ScalingFitRow.OFFSET, "all");
    ScalingFitRow power = one(rows, ScalingFitRow.TRAIN, ScalingFitRow.POWER, "all");
    assertEquals(List.of(false, true), List.of(offset.chosen(), power.chosen()), rows.toString());
    assertTrue(inside(alpha, power.alphaLow(), power.alphaHigh()), power.toString());
  }

  /** Widths 1..160 of which five are >= 10 (the wide range), 30 seeds, lognormal sd 0.5. */
  static LossGroup wideLawGroup(long seed, double e, double a, double alpha) {
    Synthetic s = new Synthetic(seed);
    List<WidthLosses> widths = new ArrayList<>();
    for (int n : new int[] {1, 2, 4, 10, 20, 40, 80, 160}) {
      widths.add(new WidthLosses(n, 30, s.offsetLaw(30, e, a, alpha, n, 0.5)));
    }
    return new LossGroup("x2", "silu", widths);
  }

  @Test
  void theWideRangeGetsAnOffsetLawAndASelectionOfItsOwn() {
    // A floor E = 5e-3 that the widths from 40 sit near (2 * 10^-1.5 = 0.063, 2 * 160^-1.5 = 0.001).
    LossGroup g = wideLawGroup(31, 5e-3, 2, 1.5);
    List<ScalingFitRow> rows = AggregateJob.fitRows(g, LAW_SETTINGS);
    ScalingFitRow offset = one(rows, ScalingFitRow.TRAIN, ScalingFitRow.OFFSET, "wide");
    ScalingFitRow power = one(rows, ScalingFitRow.TRAIN, ScalingFitRow.POWER, "wide");
    List<WidthLosses> wide = g.widths().subList(3, 8);
    double[] x = wide.stream().mapToDouble(WidthLosses::width).toArray();
    OffsetPowerLawFit.Bootstrap b = OffsetPowerLawFit.bootstrap(x,
        wide.stream().map(WidthLosses::losses).toArray(double[][]::new),
        LAW_SETTINGS.lawResamples(), 0.95,
        Seeds.combine(g.seed(LAW_SETTINGS.seed()), Seeds.text("offset wide")));
    assertEquals(List.of(10, 160, 5), List.of(offset.widthMin(), offset.widthMax(), offset.widths()));
    assertEquals(List.of(b.fit().e(), b.eLow(), b.eHigh(), b.fit().alpha()),
        List.of(offset.offset(), offset.offsetLow(), offset.offsetHigh(), offset.alpha()));
    assertTrue(inside(5e-3, offset.offsetLow(), offset.offsetHigh()), offset.toString());
    LawSelection selection = LawSelection.alongOneAxis(x,
        wide.stream().mapToDouble(WidthLosses::median).toArray());
    assertEquals(List.of(score(selection, LawSelection.Form.POWER),
        score(selection, LawSelection.Form.OFFSET)), List.of(power.heldOutError(), offset.heldOutError()));
    assertEquals(List.of(true, false), List.of(offset.chosen(), power.chosen()), rows.toString());
    // The offset law over every width is still there, with its own stream and selection.
    assertEquals(1, one(rows, ScalingFitRow.TRAIN, ScalingFitRow.OFFSET, "all").widthMin());
    // Without a floor the wide range keeps the power law.
    List<ScalingFitRow> pure = AggregateJob.fitRows(wideLawGroup(32, 0, 2, 1.5), LAW_SETTINGS);
    assertEquals(List.of(false, true), List.of(
        one(pure, ScalingFitRow.TRAIN, ScalingFitRow.OFFSET, "wide").chosen(),
        one(pure, ScalingFitRow.TRAIN, ScalingFitRow.POWER, "wide").chosen()), pure.toString());
    // Local fits are never scored.
    assertTrue(rows.stream().filter(r -> r.kind().equals("local"))
        .allMatch(r -> r.chosen() == null && r.heldOutError() == null));
  }

  @Test
  void fewerThanFourWidthsOrAZeroLossGiveNoOffsetRow() {
    List<WidthLosses> three = lawGroup(23, 0.01, 2, 1.5).widths().subList(0, 3);
    List<ScalingFitRow> rows = AggregateJob.fitRows(new LossGroup("x2", "silu", three), SETTINGS);
    assertEquals(List.of(ScalingFitRow.POWER), rows.stream().map(ScalingFitRow::form).distinct()
        .toList());
    assertTrue(rows.stream().allMatch(r -> r.chosen() == null && r.heldOutError() == null));
    List<WidthLosses> zero = new ArrayList<>(lawGroup(23, 0.01, 2, 1.5).widths());
    zero.set(6, new WidthLosses(64, 2, new double[] {0, 1e-3}));
    assertEquals(List.of(ScalingFitRow.POWER), AggregateJob.fitRows(new LossGroup("x2", "silu",
        zero), SETTINGS).stream().map(ScalingFitRow::form).distinct().toList());
  }

  @Test
  void synergyColumnsHoldTheirTest() {
    List<SynergyRow> rows = AggregateJob.synergyRows(GROUP, SETTINGS);
    assertEquals(List.of(4, 10, 20), rows.stream().map(SynergyRow::width).toList());
    for (SynergyRow r : rows) {
      SynergyTest t = SynergyTest.of(GROUP.width(r.width() / 2), GROUP.width(r.width()),
          Seeds.combine(GROUP.seed(SETTINGS.seed()), r.width()));
      assertEquals(List.of(t.halfWidth(), t.pairs(), t.trained()),
          List.of(r.halfWidth(), r.pairs(), r.trained()));
      assertEquals(List.of(t.ensembleMedian(), t.trainedMedian(), t.log10Ratio(), t.ksStatistic(),
          t.pValue()), List.of(r.ensembleMedian(), r.trainedMedian(), r.log10Ratio(),
          r.ksStatistic(), r.pValue()));
      assertEquals(t.verdict().id(), r.verdict());
      assertFalse(r.ensembleMedian() == r.trainedMedian(), "a swap of the two would pass unseen");
    }
  }
}
