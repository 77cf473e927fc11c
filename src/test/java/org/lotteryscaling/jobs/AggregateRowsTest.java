package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.stats.AggregateSettings;
import org.lotteryscaling.stats.LogBins;
import org.lotteryscaling.stats.LossModes;
import org.lotteryscaling.stats.LossSummary;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.SynergyTest;
import org.lotteryscaling.stats.WidthLosses;
import org.lotteryscaling.tables.LossHistogramRow;
import org.lotteryscaling.tables.LossModesRow;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.SynergyRow;
import org.lotteryscaling.task.Seeds;

/**
 * Each column of the aggregate rows holds the statistic of its name: every component is checked
 * against the stats object it comes from, so two arguments of the same type swapped in a writer
 * fail here (RowCodecTest then shows each component lands in the column of its name).
 */
class AggregateRowsTest {

  private static final LossGroup GROUP = group();
  private static final AggregateSettings SETTINGS = new AggregateSettings(12, 50, 7);

  /** Log-normal losses at widths 2..20 (narrower is worse), one width with diverged networks. */
  private static LossGroup group() {
    SplittableRandom random = new SplittableRandom(3);
    List<WidthLosses> widths = new ArrayList<>();
    for (int width : new int[] {2, 4, 5, 10, 20}) {
      double[] losses = new double[30];
      for (int k = 0; k < losses.length; k++) {
        losses[k] = Math.pow(10, -2 * Math.log10(width) - 1 + 0.4 * random.nextGaussian());
      }
      java.util.Arrays.sort(losses);
      widths.add(new WidthLosses(width, width == 4 ? 33 : 30, losses));
    }
    return new LossGroup("x2", "silu", List.copyOf(widths));
  }

  @Test
  void summaryColumnsHoldTheirStatistics() {
    List<LossSummaryRow> rows = AggregateJob.summaryRows(GROUP);
    assertEquals(GROUP.widths().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      WidthLosses w = GROUP.widths().get(i);
      LossSummary s = LossSummary.of(w);
      LossSummaryRow r = rows.get(i);
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
    List<ScalingFitRow> rows = AggregateJob.fitRows(GROUP, SETTINGS);
    List<PowerLawFit> fits = PowerLawFit.fits(GROUP.widths(), SETTINGS.resamples(),
        GROUP.seed(SETTINGS.seed()));
    assertEquals(fits.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      PowerLawFit f = fits.get(i);
      ScalingFitRow r = rows.get(i);
      assertEquals(List.of(f.kind().id(), f.widthMin(), f.widthMax(), f.widths(), f.resamples()),
          List.of(r.kind(), r.widthMin(), r.widthMax(), r.widths(), r.resamples()));
      assertEquals(List.of(f.alpha(), f.alphaLow(), f.alphaHigh(), f.prefactor()),
          List.of(r.alpha(), r.alphaLow(), r.alphaHigh(), r.prefactor()));
    }
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
