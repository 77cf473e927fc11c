package org.lotteryscaling.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.report.ReportData.Algorithm;
import org.lotteryscaling.report.ReportData.CurvePoint;
import org.lotteryscaling.report.ReportData.HistogramBin;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.NetworkLoss;
import org.lotteryscaling.report.ReportData.TicketCorrelation;

/** Rendering edge cases without Spark: nothing to draw, degenerate data, escaping, re-rendering. */
class ReportTest {

  private static ReportData data(String name, List<NetworkLoss> runs, List<LossSummary> summaries,
      List<HistogramBin> bins, List<Algorithm> algorithms, List<TicketCorrelation> correlations) {
    return new ReportData(name, runs, summaries, bins, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), algorithms, List.of(), correlations, List.of(), List.of(),
        Map.of("tickets", "table tickets does not exist"));
  }

  /** Figure 1c's data: medians 1/N with the given interval, and one offset law of silu. */
  private static ReportData widthLawData(boolean offsetChosen) {
    List<LossSummary> summaries = new java.util.ArrayList<>();
    for (int width : new int[] {10, 20, 30, 40}) {
      double median = 1.0 / width;
      summaries.add(new LossSummary("x2", "silu", width, 9, median / 2, median, median * 2,
          median * 0.8, median * 1.25));
    }
    summaries.add(new LossSummary("x2", "silu", 50, 9, 0.01, 0.02, 0.03)); // no interval
    var offset = new ReportData.OffsetFit("x2", "silu", 10, 50, 1.2, 1.0, 1.4, 2.0, 1e-3, 5e-4,
        2e-3, offsetChosen);
    return new ReportData("width-law", List.of(), summaries, List.of(), List.of(), List.of(),
        List.of(offset), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), Map.of());
  }

  @Test
  void figure1cDrawsEachMediansIntervalAndTheOffsetLawOnlyWhereItIsSupported() {
    ReportData chosen = widthLawData(true);
    var law = ScalingFigures.widthLaw(chosen, "x2", chosen.summaries(), "t", 600, 400);
    var series = law.chart().getSeriesMap();
    var bar = series.get("silu interval N=20");
    assertEquals(List.of(20.0, 20.0), java.util.Arrays.stream(bar.getXData()).boxed().toList());
    assertEquals(List.of(0.05 * 0.8, 0.05 * 1.25),
        java.util.Arrays.stream(bar.getYData()).boxed().toList());
    assertFalse(bar.isShowInLegend());
    assertFalse(series.containsKey("silu interval N=50"), "a median without an interval has no bar");
    var offset = series.values().stream().filter(s -> s.getName().startsWith("silu offset fit"))
        .findFirst().orElseThrow();
    double[] x = offset.getXData();
    double[] y = offset.getYData();
    assertEquals(10.0, x[0]);
    assertEquals(50.0, x[x.length - 1]);
    assertEquals(1e-3 + 2.0 * Math.pow(50, -1.2), y[y.length - 1], 1e-15);
    assertTrue(law.caption().contains("offset law is supported over N = 10..50"), law.caption());

    ReportData notChosen = widthLawData(false);
    var plain = ScalingFigures.widthLaw(notChosen, "x2", notChosen.summaries(), "t", 600, 400);
    assertTrue(plain.chart().getSeriesMap().keySet().stream().noneMatch(k -> k.contains("offset")));
    assertFalse(plain.caption().contains("offset law is supported"), plain.caption());
  }

  @Test
  void withNothingToDrawEveryFigureIsSkippedWithAReasonOnThePage(@TempDir Path dir) throws IOException {
    Report.Rendered r = Report.render(data("empty <run>", List.of(), List.of(), List.of(), List.of(),
        List.of()), dir);
    assertEquals(15, r.figures().size());
    String html = Files.readString(r.index());
    for (Figure f : r.figures()) {
      assertFalse(f.isDrawn(), f.id());
      assertFalse(f.skipped().isBlank(), f.id());
      assertTrue(html.contains(HtmlReport.esc(f.skipped())), f.id());
    }
    assertTrue(r.figures().stream().anyMatch(f -> f.skipped().contains("table tickets does not exist")));
    assertTrue(html.contains("empty &lt;run&gt;") && !html.contains("empty <run>"), "names are escaped");
    try (var files = Files.list(dir.resolve("figures"))) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void degenerateDataIsSkippedOrDrawnNeverACrash(@TempDir Path dir) {
    List<LossSummary> summaries = List.of(new LossSummary("x2", "silu", 2, 5, 0, 0, 0),
        new LossSummary("x2", "silu", 4, 5, Double.NaN, Double.NaN, Double.NaN));
    List<HistogramBin> oneBin = List.of(new HistogramBin("x2", "silu", 2, -3, -2, 7));
    List<NetworkLoss> runs = List.of(new NetworkLoss("x2", "silu", 2, 0, "ok", 1e-3),
        new NetworkLoss("x2", "silu", 1, 0, "diverged", Double.NaN),
        new NetworkLoss("x2", "silu", 1, 1, "ok", 1e-1));
    List<Algorithm> noCurves = ReportData.withCurves(List.of(new Algorithm("x2", "silu", 0, 3, 1e-4,
        true, new double[0], new double[0], new double[0], new double[0], new double[0])),
        List.of(new CurvePoint("x2", "silu", 0, 0, 0.0, 1.0, 0.7))); // neuron 1 missing: no curves
    List<TicketCorrelation> oneByOne = List.of(new TicketCorrelation("x2", "silu", 2, 0, 1,
        new double[] {1.0}, 1.0));
    Report.Rendered r = Report.render(data("degenerate", runs, summaries, oneBin, noCurves, oneByOne), dir);
    Map<String, Figure> byId = new java.util.HashMap<>();
    r.figures().forEach(f -> byId.put(f.id(), f));
    assertTrue(byId.get("fig1c").skipped().contains("non-positive"), byId.get("fig1c").skipped());
    assertTrue(byId.get("fig2b").isDrawn(), "a one-bin histogram is still a histogram");
    assertFalse(byId.get("fig4").isDrawn(), "N = 2 has one finished N/2 network: nothing to resample");
    assertFalse(byId.get("fig10").isDrawn());
    assertTrue(byId.get("fig12").isDrawn(), "a 1 x 1 correlation matrix draws");
  }

  /**
   * Figure 12 states where a width's error functions are small together, over all its networks:
   * tickets whose errors share zeros at 0 and +-1.6 (appendix C's observation) give those points.
   */
  @Test
  void figure12StatesWhereTheErrorFunctionsAreSmallTogether(@TempDir Path dir) {
    double[] x = new double[101];
    for (int g = 0; g < x.length; g++) {
      x[g] = -2 + 0.04 * g;
    }
    List<ReportData.TicketPair> pairs = new ArrayList<>();
    for (long seed = 0; seed < 2; seed++) {
      for (int k = 0; k < 3; k++) {
        double[] e = new double[x.length];
        for (int g = 0; g < x.length; g++) {
          e[g] = (k + 1 + seed) * x[g] * (x[g] * x[g] - 2.56) * (1 + k * x[g] * x[g]);
        }
        pairs.add(new ReportData.TicketPair("x2", "silu", 10, seed, k, 0.99 - 0.01 * k, x, e));
      }
      // A pair that fits nothing: the error of a constant fit to x^2, zeros at +-sqrt(4/3).
      double[] constant = new double[x.length];
      for (int g = 0; g < x.length; g++) {
        constant[g] = 4.0 / 3 - x[g] * x[g];
      }
      pairs.add(new ReportData.TicketPair("x2", "silu", 10, seed, 3, 0.01, x, constant));
    }
    ReportData d = new ReportData("tickets", List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), pairs, List.of(), List.of(),
        List.of(), Map.of());
    Figure f = Report.render(d, dir).figures().stream().filter(g -> g.id().equals("fig12"))
        .findFirst().orElseThrow();
    assertTrue(f.isDrawn(), f.skipped());
    assertTrue(f.caption().contains("(6 of 8 tickets with R^2 >= 0.90, 2 networks) are small "
        + "together (median |e|/max|e| at a minimum <= 0.10) at x = -1.60, 0.00, 1.60"),
        f.caption());
  }

  /** A wide network's correlation heat map shows its best tickets' leading block. */
  @Test
  void figure12DrawsTheLeadingBlockOfAWideNetworksCorrelations(@TempDir Path dir) {
    int size = 60;
    double[] matrix = new double[size * size];
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        matrix[i * size + j] = i == j ? 1 : 1.0 / (1 + i + j);
      }
    }
    int shown = AppendixFigures.MAX_DRAWN_TICKETS;
    double[] block = AppendixFigures.leadingBlock(matrix, size, shown);
    assertEquals(shown * shown, block.length);
    for (int i = 0; i < shown; i++) {
      for (int j = 0; j < shown; j++) {
        assertEquals(matrix[i * size + j], block[i * shown + j], 0, i + "," + j);
      }
    }
    ReportData d = new ReportData("wide", List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(new TicketCorrelation("x2", "silu", 120, 0, size, matrix, 3.0)), List.of(),
        List.of(), Map.of());
    Figure f = Report.render(d, dir).figures().stream().filter(g -> g.id().equals("fig12"))
        .findFirst().orElseThrow();
    assertTrue(f.isDrawn(), f.skipped());
    assertTrue(f.panels().contains("fig12-corr-N120"), f.panels().toString());
  }

  /** Figure 11's caption names the inputs its curves span (data.low to data.high), not [-2, 2]. */
  @Test
  void figure11NamesTheInputRangeOfItsCurves(@TempDir Path dir) {
    double[] x = {-0.5, 0.25, 1};
    List<Algorithm> algorithms = List.of(new Algorithm("x2", "silu", 0, 3, 1e-4, true, x,
        new double[] {-1, 0, 1}, new double[] {0, 0, 1}, new double[] {1, 0, -1},
        new double[] {1, 0, 0}));
    Report.Rendered r = Report.render(data("range", List.of(), List.of(), List.of(), algorithms,
        List.of()), dir);
    Figure fig11 = r.figures().stream().filter(f -> f.id().equals("fig11")).findFirst().orElseThrow();
    assertTrue(fig11.isDrawn());
    assertTrue(fig11.caption().contains("over the inputs x in [-0.5, 1]."), fig11.caption());
    assertEquals("[-2, 2]", Fmt.range(-2, 2));
    assertEquals("[0.1, 1.25]", Fmt.range(0.1, 1.25));
  }

  @Test
  void curvesAreAssembledPerNeuronInOrderOfX() {
    List<CurvePoint> points = List.of(new CurvePoint("x2", "silu", 1, 1, 1.0, 2.0, 20.0),
        new CurvePoint("x2", "silu", 1, 0, 1.0, 1.0, 10.0),
        new CurvePoint("x2", "silu", 1, 0, 0.0, 0.5, 5.0),
        new CurvePoint("x2", "silu", 1, 1, 0.0, 1.5, 15.0),
        new CurvePoint("x2", "silu", 2, 0, 0.0, 9, 9)); // another algorithm's point
    Algorithm a = ReportData.withCurves(List.of(new Algorithm("x2", "silu", 1, 3, 1e-4, false,
        new double[0], new double[0], new double[0], new double[0], new double[0])), points).get(0);
    assertEquals(List.of(0.0, 1.0), boxed(a.x()));
    assertEquals(List.of(0.5, 1.0), boxed(a.pre1()));
    assertEquals(List.of(5.0, 10.0), boxed(a.post1()));
    assertEquals(List.of(1.5, 2.0), boxed(a.pre2()));
    assertEquals(List.of(15.0, 20.0), boxed(a.post2()));
  }

  @Test
  void renderingAgainReplacesThePage(@TempDir Path dir) throws IOException {
    Report.render(data("run-alpha", List.of(), List.of(), List.of(), List.of(), List.of()), dir);
    Report.Rendered again = Report.render(data("run-omega", List.of(), List.of(), List.of(), List.of(),
        List.of()), dir);
    String html = Files.readString(again.index());
    assertTrue(html.contains("run-omega") && !html.contains("run-alpha"));
    assertFalse(Files.exists(dir.resolve("index.html.partial")));
  }

  /**
   * The histograms of figures 4 and 13 bin as the loss_histogram table does (LogBins). The rule they
   * had, floor((log10 x - lo) / width), gives the same bin except for a value within rounding of an
   * edge, where LogBins keeps the bin consistent with the edges drawn.
   */
  @Test
  void chartHistogramsBinAsTheLossHistogramTable() {
    org.lotteryscaling.nn.RandomStream rng = new org.lotteryscaling.nn.RandomStream(7);
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.pow(10, -12 + 10 * rng.nextDouble());
    }
    values[0] = 0; // not drawn
    values[1] = Double.NaN;
    for (int bins : new int[] {1, 7, 30, 40}) {
      org.lotteryscaling.stats.LogBins b = Charts.log10Bins(bins, values);
      assertEquals(-12, b.lo(), 0);
      assertEquals(-2, b.hi(), 0);
      double[] counts = Charts.log10Counts(values, b);
      double[] old = new double[bins];
      double width = (b.hi() - b.lo()) / bins;
      for (double v : values) {
        if (v > 0 && Double.isFinite(v)) {
          old[Math.max(0, Math.min(bins - 1, (int) Math.floor((Math.log10(v) - b.lo()) / width)))]++;
        }
      }
      assertEquals(boxed(old), boxed(counts), "bins " + bins);
      double[] edges = Charts.edges(b);
      assertEquals(b.lo(), edges[0], 0);
      assertEquals(b.hi(), edges[bins], 0);
    }
    // By hand: 1e-3 sits on the edge between [-4, -3) and [-3, -2]; 1e-6 and 1 are clamped.
    org.lotteryscaling.stats.LogBins b = new org.lotteryscaling.stats.LogBins(-5, -2, 3);
    assertEquals(List.of(1.0, 0.0, 2.0), boxed(Charts.log10Counts(new double[] {1e-6, 1e-3, 1}, b)));
    assertEquals(null, Charts.log10Bins(3, new double[] {0, -1, Double.NaN}));
  }

  private static List<Double> boxed(double[] xs) {
    return java.util.Arrays.stream(xs).boxed().toList();
  }
}
