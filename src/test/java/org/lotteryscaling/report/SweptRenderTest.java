package org.lotteryscaling.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.report.ReportData.LossSummary;
import org.lotteryscaling.report.ReportData.OffsetFit;
import org.lotteryscaling.task.AtSetting;
import org.lotteryscaling.report.SweptData.RunLosses;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/** A swept experiment's report without Spark: zipped and non-positive axes, missing rows, names. */
class SweptRenderTest {

  private static Sweep sweep(String text) {
    return Sweep.parse(ConfigFactory.parseString("sweep { " + text + " }").root().get("sweep"));
  }

  /** x2/silu at widths 2 and 4, loss = position-dependent, a test loss twice the training loss. */
  private static SweptData data(Sweep sweep) {
    List<AtSetting<RunLosses>> runs = new ArrayList<>();
    List<AtSetting<LossSummary>> summaries = new ArrayList<>();
    for (Setting s : sweep.settings()) {
      double x = Math.abs(s.values().get(0).doubleValue()) + 1;
      for (int width : new int[] {2, 4}) {
        for (int seed = 0; seed < 3; seed++) {
          double loss = (seed + 1) / (x * width);
          runs.add(new AtSetting<>(s, new RunLosses("x2", "silu", width, seed, "ok", loss, 2 * loss)));
        }
        summaries.add(new AtSetting<>(s, new LossSummary("x2", "silu", width, 3, 1 / (x * width),
            2 / (x * width), 3 / (x * width))));
      }
    }
    return SweptData.of("swept", sweep, runs, summaries, List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), SweptData.Mechanisms.NONE,
        Map.of("synergy", "table synergy does not exist"));
  }

  @Test
  void aZippedAxisIsNamedByItsFirstKeyAndDrawnAlongItsValues(@TempDir Path dir) throws IOException {
    Sweep sweep = sweep("\"data.high, data.low\" = [[2, -2], [1, -1]]");
    SweptData data = data(sweep);
    Report.Rendered r = Report.render(data, dir);
    Figure axis = r.figures().get(0);
    assertEquals("axis-data_high-x2-silu", axis.id());
    assertTrue(axis.isDrawn(), axis.skipped());
    assertTrue(axis.title().contains("data.high (with data.low)"), axis.title());
    assertTrue(axis.caption().contains("log-log"), axis.caption());
    List<SweepFigures.AxisSeries> series = SweepFigures.axisSeries(data, sweep.axes().get(0), "x2",
        "silu", Setting.NONE);
    assertEquals(2, series.size());
    assertEquals(List.of(1.0, 2.0), List.of(series.get(0).x()[0], series.get(0).x()[1]));
    // At data.high 1 (x = 2) and 2 (x = 3), width 2: medians 2 / (x N), test medians twice that.
    assertEquals(2 / (2.0 * 2), series.get(0).trainMedian()[0], 0);
    assertEquals(2 / (3.0 * 2), series.get(0).trainMedian()[1], 0);
    assertEquals(4 / (2.0 * 2), series.get(0).testMedian()[0], 0);
    assertEquals(List.of("width-law-data_high_2.0-data_low_-2.0",
        "width-law-data_high_1.0-data_low_-1.0"), r.figures().stream().map(Figure::id)
        .filter(id -> id.startsWith("width-law-")).toList());
    String html = Files.readString(r.index());
    assertTrue(html.contains("<code>data.high, data.low</code> over (2.0, -2.0), (1.0, -1.0) "
        + "(zipped"), "the page names the zipped keys and their values");
    assertTrue(html.contains("<code>synergy</code>: table synergy does not exist"),
        "a table the folder lacks is listed");
    assertFalse(html.contains("<code>neurons</code>"), "mechanism tables are one note, not a list");
  }

  /**
   * A named choice has no position (its stored value is the choice's index), and a zipped axis
   * whose first key repeats a value does not lie along that key: both are drawn as categories,
   * one per point in the listed order, named by their values.
   */
  @Test
  void choiceAndRepeatedPositionAxesAreDrawnAsNamedCategories(@TempDir Path dir) {
    Sweep choice = sweep("\"training.optimizer\" = [sgd, adam]");
    Sweep.Axis optimizer = choice.axes().get(0);
    assertTrue(optimizer.categorical());
    assertEquals(List.of("sgd", "adam"), List.of(optimizer.label(0), optimizer.label(1)));
    SweptData data = data(choice);
    List<SweepFigures.AxisSeries> series = SweepFigures.axisSeries(data, optimizer, "x2", "silu",
        Setting.NONE);
    assertEquals(List.of(0.0, 1.0), List.of(series.get(0).x()[0], series.get(0).x()[1]));
    // sgd is choice 1 (x = 2 in the fixture's loss), adam choice 0 (x = 1): listed order kept.
    assertEquals(2 / (2.0 * 2), series.get(0).trainMedian()[0], 0);
    assertEquals(2 / (1.0 * 2), series.get(0).trainMedian()[1], 0);
    Figure figure = Report.render(data, dir.resolve("choice")).figures().get(0);
    assertTrue(figure.isDrawn(), figure.skipped());
    assertTrue(figure.caption().contains("at each point of training.optimizer (sgd; adam)"),
        figure.caption());
    assertTrue(figure.caption().contains("No power law is fitted"), figure.caption());

    Sweep zipped = sweep("\"init.second-scale, model.parametrization\" = "
        + "[[1, standard], [0.1, standard], [1, mean-field]]");
    Sweep.Axis regimes = zipped.axes().get(0);
    assertTrue(regimes.categorical(), "1.0 twice: not a position along init.second-scale");
    assertEquals("1.0, mean-field", regimes.label(2));
    assertFalse(sweep("\"data.high, data.low\" = [[2, -2], [1, -1]]").axes().get(0).categorical());
    Figure z = Report.render(data(zipped), dir.resolve("zipped")).figures().get(0);
    assertTrue(z.isDrawn(), z.skipped());
    assertTrue(z.caption().contains("(1: 1.0, standard; 2: 0.1, standard; 3: 1.0, mean-field)"),
        z.caption());
  }

  /**
   * A setting's width law draws the offset law where that setting's law selection chose it, and
   * only there: an offset row of another setting, or one not chosen, is not drawn.
   */
  @Test
  void eachSettingsWidthLawDrawsTheOffsetLawItsSelectionChose(@TempDir Path dir) {
    Sweep sweep = sweep("\"training.lr\" = [0.01, 0.003]");
    SweptData plain = data(sweep);
    Setting chosenHere = sweep.settings().get(0);
    Setting notChosen = sweep.settings().get(1);
    List<AtSetting<OffsetFit>> offsets = List.of(
        new AtSetting<>(chosenHere, new OffsetFit("x2", "silu", 2, 4, 1.0, 0.8, 1.2, 0.5, 0.01,
            0.005, 0.02, true)),
        new AtSetting<>(notChosen, new OffsetFit("x2", "silu", 2, 4, 1.5, 1.2, 1.8, 0.5, 0.03,
            0.01, 0.05, false)));
    List<AtSetting<LossSummary>> summaries = new ArrayList<>();
    plain.bySetting().forEach((s, d) -> d.summaries()
        .forEach(row -> summaries.add(new AtSetting<>(s, row))));
    SweptData data = SweptData.of("swept", sweep, List.of(), summaries, List.of(), List.of(),
        List.of(), offsets, List.of(), List.of(), SweptData.Mechanisms.NONE, Map.of());
    assertEquals(1, data.bySetting().get(chosenHere).offsetFits().size());
    assertEquals(2, data.all().offsetFits().size());
    Report.Rendered r = Report.render(data, dir);
    Figure here = figure(r, SweepFigures.widthLawId(chosenHere));
    Figure there = figure(r, SweepFigures.widthLawId(notChosen));
    assertTrue(here.isDrawn(), here.skipped());
    assertTrue(here.caption().contains("the offset law is supported over N = 2..4: E = "),
        here.caption());
    assertTrue(there.isDrawn(), there.skipped());
    assertFalse(there.caption().contains("the offset law is supported"), there.caption());
  }

  private static Figure figure(Report.Rendered r, String id) {
    return r.figures().stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no figure " + id));
  }

  @Test
  void anAxisWithNonPositiveValuesIsDrawnAgainstALinearX(@TempDir Path dir) {
    Sweep sweep = sweep("\"data.low\" = [-3, -1, 0]");
    Report.Rendered r = Report.render(data(sweep), dir);
    Figure axis = r.figures().get(0);
    assertTrue(axis.isDrawn(), axis.skipped());
    assertTrue(axis.caption().contains("against linear data.low"), axis.caption());
  }

  @Test
  void aSettingWithoutRowsIsSkippedWithItsSettingNamedAndASinglePointAxisHasNoFigure(
      @TempDir Path dir) {
    Sweep sweep = sweep("\"data.points\" = [100], \"training.lr\" = [0.01, 0.003]");
    SweptData full = data(sweep);
    Setting missing = sweep.settings().get(1);
    List<AtSetting<LossSummary>> summaries = new ArrayList<>();
    full.bySetting().forEach((s, d) -> {
      if (!s.equals(missing)) {
        d.summaries().forEach(row -> summaries.add(new AtSetting<>(s, row)));
      }
    });
    SweptData data = SweptData.of("swept", sweep, List.of(), summaries, List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), SweptData.Mechanisms.NONE, Map.of());
    Report.Rendered r = Report.render(data, dir);
    List<String> ids = r.figures().stream().map(Figure::id).toList();
    assertEquals(List.of("axis-training_lr-x2-silu",
        "width-law-data_points_100-training_lr_0.01", "width-law-data_points_100-training_lr_0.003"),
        ids.stream().filter(id -> id.startsWith("axis-") || id.startsWith("width-law-")).toList(),
        "data.points has one value: no figure along it");
    // Each setting's paper figures follow its width law, named by it; without mechanism tables
    // they are skipped, saying which table is missing.
    String stem = "data_points_100-training_lr_0.01";
    int law = ids.indexOf("width-law-" + stem);
    assertEquals("fig2a-" + stem, ids.get(law + 1));
    Figure neurons = r.figures().get(law + 1);
    assertFalse(neurons.isDrawn());
    assertTrue(neurons.title().endsWith(", data.points=100 training.lr=0.01"), neurons.title());
    assertFalse(ids.contains("fig1c-" + stem), "the width law is figure 1c, drawn once");
    Figure skipped = r.figures().get(ids.indexOf("width-law-data_points_100-training_lr_0.003"));
    assertFalse(skipped.isDrawn());
    assertTrue(skipped.skipped().contains("data.points=100 training.lr=0.003"), skipped.skipped());
    // No runs: the test-loss medians are NaN, the training medians still drawn.
    SweepFigures.AxisSeries s = SweepFigures.axisSeries(data, sweep.axis(SettingKey.TRAINING_LR),
        "x2", "silu", data.others(sweep.axis(SettingKey.TRAINING_LR)).get(0)).get(0);
    assertTrue(Double.isNaN(s.testMedian()[0]) && Double.isNaN(s.testMedian()[1]));
    assertTrue(Double.isNaN(s.trainMedian()[0]), "0.003 (first in ascending order) has no rows");
    assertEquals(2 / (101.0 * 2), s.trainMedian()[1], 0, "x = data.points + 1");
  }
}
