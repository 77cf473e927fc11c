package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.report.Claim;
import org.lotteryscaling.report.ClaimsTable;
import org.lotteryscaling.report.Figure;
import org.lotteryscaling.report.Report;
import org.lotteryscaling.report.ReportData;
import org.lotteryscaling.report.SweepFigures;
import org.lotteryscaling.report.SweptData;
import org.lotteryscaling.results.ExperimentFolder;
import org.lotteryscaling.results.RowCodec;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.Tables;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.tables.FitAxis;
import org.lotteryscaling.tables.LossHistogramRow;
import org.lotteryscaling.tables.LossModesRow;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.RunRow;
import org.lotteryscaling.tables.ScalingFitRow;
import org.lotteryscaling.tables.SynergyRow;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.task.ExperimentConfig;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * The report of a swept experiment over a synthetic results folder whose losses follow a known
 * law: median ~ c_target * N^-a * P^-1/2 with a = 1 at training.lr 0.01 and a = 3 at 0.003, test
 * loss (1 + 1000 / P) x the training loss. Tables are written through the row records with their
 * sweep columns, as the aggregate job writes a swept experiment's.
 */
class SweptReportTest {
  private static final String CONFIG = """
      name = swept
      targets = [x2, mul2]
      activations = [silu]
      widths = [2, 10, 20]
      seeds = 5
      sweep { "data.points" = [1000, 100, 300], "training.lr" = [0.003, 0.01] }
      """;
  private static final int SEEDS = 5;
  private static final double DIVERGED_TEST_LOSS = 1e3;
  private static final double POINTS_ALPHA = 0.5;

  private static SparkSession spark;
  private static Path results;
  private static Sweep sweep;
  private static Report.Rendered rendered;
  /** Per setting, the rows written for it: what a report of that setting alone would read. */
  private static final Map<Setting, ReportData> ALONE = new LinkedHashMap<>();

  @BeforeAll
  static void render(@TempDir Path dir) {
    spark = Spark.session("swept-report-test", "local[2]");
    results = dir;
    ExperimentConfig config = ExperimentConfig.parse(CONFIG, "swept");
    sweep = config.sweep();
    ExperimentFolder.claim(TestFolders.of(dir), config);
    write(config);
    rendered = ReportJob.run(spark, dir.toString(), null).report();
  }

  private static double widthAlpha(Setting s) {
    return s.value(SettingKey.TRAINING_LR).doubleValue() == 0.01 ? 1 : 3;
  }

  private static double trainLoss(String target, Setting s, int width, int seed) {
    double points = s.value(SettingKey.DATA_POINTS).doubleValue();
    return (target.equals("x2") ? 1 : 2) * Math.pow(width, -widthAlpha(s)) / Math.sqrt(points)
        * (1 + 0.1 * seed);
  }

  private static double testLoss(String target, Setting s, int width, int seed) {
    return trainLoss(target, s, width, seed) * (1 + 1000 / s.value(SettingKey.DATA_POINTS).doubleValue());
  }

  private static void write(ExperimentConfig config) {
    List<Row> runs = new ArrayList<>();
    List<Row> summaries = new ArrayList<>();
    List<Row> histograms = new ArrayList<>();
    List<Row> modes = new ArrayList<>();
    List<Row> fits = new ArrayList<>();
    List<Row> synergy = new ArrayList<>();
    for (Setting s : sweep.settings()) {
      List<ReportData.NetworkLoss> aloneRuns = new ArrayList<>();
      List<ReportData.LossSummary> aloneSummaries = new ArrayList<>();
      List<ReportData.LossModes> aloneModes = new ArrayList<>();
      List<ReportData.ScalingFit> aloneFits = new ArrayList<>();
      List<ReportData.Synergy> aloneSynergy = new ArrayList<>();
      for (String target : List.of("x2", "mul2")) {
        for (int width : config.widths()) {
          double[] losses = new double[SEEDS];
          for (int seed = 0; seed <= SEEDS; seed++) {
            boolean diverged = seed == SEEDS; // its test loss must not count
            double train = diverged ? Double.NaN : trainLoss(target, s, width, seed);
            double test = diverged ? DIVERGED_TEST_LOSS : testLoss(target, s, width, seed);
            String status = diverged ? "diverged" : "ok";
            runs.add(RowCodec.encode(ResultTables.RUNS, sweep, s, new RunRow(target, "silu", width,
                seed, 1, config.hash(), "test", status, train, test, 100, 0.01, new double[] {1},
                new double[] {0}, new double[] {1}, 0, new int[] {100}, new double[] {train})));
            aloneRuns.add(new ReportData.NetworkLoss(target, "silu", width, seed, status, train));
            if (!diverged) {
              losses[seed] = train;
            }
          }
          // The seeds' losses ascend with the seed: the median is seed 2's, the quartiles 1's and 3's.
          summaries.add(row(s, new LossSummaryRow(target, "silu", width, SEEDS + 1, SEEDS, 1,
              losses[0], null, losses[1], losses[2], losses[3], null, losses[4], null, null)));
          aloneSummaries.add(new ReportData.LossSummary(target, "silu", width, SEEDS + 1,
              losses[1], losses[2], losses[3]));
          histograms.add(row(s, new LossHistogramRow(target, "silu", width, 0,
              Math.log10(losses[0]), Math.log10(losses[4]), SEEDS, 1.0)));
          int peaks = width == 2 ? 2 : 1;
          modes.add(row(s, new LossModesRow(target, "silu", width, SEEDS + 1, SEEDS, 0.1, peaks,
              peaks, peaks, new double[peaks], new long[peaks], 0.0, 1.0, 3, 0.5)));
          aloneModes.add(new ReportData.LossModes(target, "silu", width, peaks, peaks, peaks,
              new double[peaks],
              0.5));
          if (width == 20) {
            synergy.add(row(s, new SynergyRow(target, "silu", 20, 10, SEEDS, SEEDS, losses[2],
                losses[2], 0, 0.1, 0.9, "ensembling")));
            aloneSynergy.add(new ReportData.Synergy(target, "silu", 20, losses[2], losses[2], 0,
                0.1, 0.9, "ensembling"));
          }
        }
        double alpha = widthAlpha(s);
        for (String kind : List.of(PowerLawFit.Kind.ALL.id(), PowerLawFit.Kind.WIDE.id())) {
          int from = kind.equals(PowerLawFit.Kind.ALL.id()) ? 2 : 10;
          fits.add(fitRow(new ScalingFitRow(target, "silu", kind, from, 20, from == 2 ? 3 : 2,
              alpha, alpha - 0.1, alpha + 0.1, 1, 100), FitAxis.WIDTH, from, 20, 3, s));
          aloneFits.add(new ReportData.ScalingFit(target, "silu", kind, from, 20, alpha,
              alpha - 0.1, alpha + 0.1, 1));
        }
      }
      ALONE.put(s, new ReportData("alone", aloneRuns, aloneSummaries, List.of(), aloneModes,
          aloneFits, List.of(), aloneSynergy, List.of(), List.of(), List.of(), List.of(), List.of(),
          List.of(), List.of(), Map.of()));
    }
    // Fits along each axis at fixed width: one per value of the other axis, the axis's own column null.
    for (Sweep.Axis axis : sweep.axes()) {
      Sweep.Axis other = sweep.axes().get(1 - sweep.axes().indexOf(axis));
      for (List<Number> point : other.points()) {
        Setting others = new Setting(other.keys(), point);
        for (String target : List.of("x2", "mul2")) {
          for (int width : config.widths()) {
            fits.add(fitRow(new ScalingFitRow(target, "silu", PowerLawFit.Kind.ALL.id(), width,
                width, 1, alphaAlong(axis), alphaAlong(axis) - 0.1, alphaAlong(axis) + 0.1, 1, 100),
                axis.key().key(), axis.positions()[0], axis.positions()[1], axis.points().size(),
                others));
          }
        }
      }
    }
    save(ResultTables.RUNS, null, runs, Tables.RUNS_PARTITIONS);
    save(ResultTables.LOSS_SUMMARY, null, summaries);
    save(ResultTables.LOSS_HISTOGRAM, null, histograms);
    save(ResultTables.LOSS_MODES, null, modes);
    save(ResultTables.SYNERGY, null, synergy);
    save(ResultTables.SCALING_FIT, null, fits);
  }

  /** The exponent the fixture's fits along an axis give: 0.5 along points, 0.2 along lr. */
  private static double alphaAlong(Sweep.Axis axis) {
    return axis.key() == SettingKey.DATA_POINTS ? POINTS_ALPHA : 0.2;
  }

  private static Row row(Setting s, Record record) {
    Table<?> table = ResultTables.ALL.stream().filter(t -> t.rowType() == record.getClass())
        .findFirst().orElseThrow();
    return RowCodec.encode(table, sweep, s, record);
  }

  private static Row fitRow(ScalingFitRow fit, String axis, double min, double max, int points,
      Setting setting) {
    return RowCodec.encode(ResultTables.SCALING_FIT, sweep, setting, fit,
        new FitAxis(axis, min, max, points));
  }

  private static void save(Table<?> table, StructType schema, List<Row> rows, String... partitions) {
    StructType s = schema != null ? schema : RowCodec.schema(table, sweep);
    TestFolders.write(spark.createDataFrame(rows, s).coalesce(1), results, table.name(), partitions);
  }

  // ---- the figures ---------------------------------------------------------------------------

  @Test
  void oneAxisFigurePerAxisTargetAndActivationThenOneWidthLawPerSetting() {
    List<String> expected = new ArrayList<>();
    for (Sweep.Axis axis : sweep.axes()) {
      expected.add(SweepFigures.axisId(axis, "mul2", "silu"));
      expected.add(SweepFigures.axisId(axis, "x2", "silu"));
    }
    for (Setting s : sweep.settings()) {
      expected.add(SweepFigures.widthLawId(s));
    }
    List<Figure> lawsAndAxes = rendered.figures().stream()
        .filter(f -> f.id().startsWith("axis-") || f.id().startsWith("width-law-")).toList();
    assertEquals(expected, lawsAndAxes.stream().map(Figure::id).toList());
    assertEquals(List.of("axis-data_points-mul2-silu", "axis-data_points-x2-silu",
        "axis-training_lr-mul2-silu", "axis-training_lr-x2-silu",
        "width-law-data_points_1000-training_lr_0.003"), expected.subList(0, 5));
    for (Figure f : lawsAndAxes) {
      assertTrue(f.isDrawn(), f.id() + ": " + f.skipped());
    }
    for (Figure f : rendered.figures()) {
      for (String panel : f.panels()) {
        assertTrue(Files.isRegularFile(results.resolve("report/figures/" + panel + ".png")), panel);
        assertTrue(Files.isRegularFile(results.resolve("report/figures/" + panel + ".svg")), panel);
      }
    }
    Figure points = rendered.figures().get(0);
    assertEquals(2, points.panels().size(), "one panel per value of training.lr");
    assertEquals(3, rendered.figures().get(2).panels().size(), "one panel per value of data.points");
    Figure widthLaw = rendered.figures().get(4);
    assertEquals(List.of(widthLaw.id() + "-x2", widthLaw.id() + "-mul2"), widthLaw.panels());
    assertTrue(widthLaw.title().contains("data.points=1000 training.lr=0.003"), widthLaw.title());
    // Each setting's paper figures follow its width law; this folder was not analysed, so the
    // mechanism figures say which table is missing, and the histogram figures are its own.
    Setting first = sweep.settings().get(0);
    String stem = SweepFigures.stem(first);
    Figure neurons = rendered.figures().get(5);
    assertEquals("fig2a-" + stem, neurons.id());
    assertFalse(neurons.isDrawn());
    assertTrue(neurons.skipped().contains("does not exist"), neurons.skipped());
    Figure histogram = rendered.figures().stream().filter(f -> f.id().equals("fig2b-" + stem))
        .findFirst().orElseThrow();
    assertTrue(histogram.isDrawn(), histogram.skipped());
    assertTrue(histogram.panels().stream().allMatch(p -> p.startsWith(stem + "/")),
        "a setting's panels lie in figures/" + stem);
  }

  @Test
  void theAxisFiguresPlotTheTablesMediansAndTheMedianTestLossOfFinishedNetworks() {
    SweptData data = ReportJob.readSwept(spark, TestFolders.of(results), sweep);
    Map<String, Double> tableMedians = new java.util.HashMap<>();
    for (Row r : TestFolders.read(spark, results, ResultTables.LOSS_SUMMARY.name())
        .select("target", "width", "data_points", "training_lr", "loss_median").collectAsList()) {
      tableMedians.put(r.getString(0) + "/" + r.getInt(1) + "/" + r.getInt(2) + "/"
          + r.getDouble(3), r.getDouble(4));
    }
    int checked = 0;
    for (Sweep.Axis axis : sweep.axes()) {
      for (Setting others : data.others(axis)) {
        for (String target : List.of("x2", "mul2")) {
          List<SweepFigures.AxisSeries> series =
              SweepFigures.axisSeries(data, axis, target, "silu", others);
          assertEquals(List.of(2, 10, 20), series.stream().map(SweepFigures.AxisSeries::width).toList());
          for (SweepFigures.AxisSeries s : series) {
            double[] positions = axis.positions().clone();
            java.util.Arrays.sort(positions);
            assertTrue(java.util.Arrays.equals(positions, s.x()), "x ascends along the axis");
            for (int k = 0; k < s.x().length; k++) {
              Setting at = setting(axis, s.x()[k], others);
              double points = at.value(SettingKey.DATA_POINTS).doubleValue();
              double lr = at.value(SettingKey.TRAINING_LR).doubleValue();
              assertEquals(tableMedians.get(target + "/" + s.width() + "/" + (int) points + "/" + lr),
                  s.trainMedian()[k], 0, at + " N=" + s.width());
              assertEquals(testLoss(target, at, s.width(), 2), s.testMedian()[k], 0,
                  at + " N=" + s.width() + ": the median of the 5 finished networks' test losses");
              checked++;
            }
            assertNotNull(s.fit(), axis.key() + " N=" + s.width());
            assertEquals(alphaAlong(axis), s.fit().alpha(), 0);
            assertEquals(others, s.fit().others());
          }
        }
      }
    }
    assertEquals(2 * (2 * 3 + 3 * 2) * 3, checked);
    String caption = rendered.figures().get(1).caption();
    assertTrue(caption.contains("alpha = 0.50, 95% interval [0.40, 0.60]"), caption);
    assertTrue(caption.contains("log-log"), caption);
  }

  /** The setting at position x of the axis, the others as given, in the sweep's key order. */
  private static Setting setting(Sweep.Axis axis, double x, Setting others) {
    List<Number> values = new ArrayList<>();
    for (SettingKey key : sweep.keys()) {
      values.add(key == axis.key() ? (Number) x : others.value(key));
    }
    return new Setting(sweep.keys(), values);
  }

  // ---- the claims ------------------------------------------------------------------------------

  /** The claims judged from analyze's tables: not measured here (the folder was not analysed). */
  private static final List<String> MECHANISM_CLAIMS = List.of("symmetric-tickets",
      "mirror-neurons", "several-algorithms", "correlated-tickets", "tickets-grow",
      "distilled-lottery");

  @Test
  void eachSettingsClaimsAreThoseOfItsRowsAlone() {
    assertEquals(sweep.settings(), List.copyOf(rendered.claimsBySetting().keySet()));
    for (Map.Entry<Setting, List<Claim>> e : rendered.claimsBySetting().entrySet()) {
      List<Claim> alone = ClaimsTable.evaluate(ALONE.get(e.getKey()));
      assertEquals(alone.size(), e.getValue().size());
      for (int k = 0; k < alone.size(); k++) {
        Claim got = e.getValue().get(k);
        assertEquals(alone.get(k).verdict(), got.verdict(), e.getKey() + " " + got.id());
        if (MECHANISM_CLAIMS.contains(got.id())) {
          assertEquals(Claim.Verdict.NOT_MEASURED, got.verdict(), got.id());
          assertTrue(got.measured().contains("does not exist"), got.measured());
        } else {
          assertEquals(alone.get(k), got, e.getKey() + " " + got.id());
        }
      }
      Claim inverse = e.getValue().get(0);
      assertEquals("silu-inverse-law", inverse.id());
      assertEquals(widthAlpha(e.getKey()) == 1 ? Claim.Verdict.SUPPORTED : Claim.Verdict.NOT_SUPPORTED,
          inverse.verdict(), e.getKey().toString());
    }
    assertEquals(6 * 12, rendered.claims().size());
    assertTrue(rendered.claims().get(0).measured().startsWith("[data.points=1000 training.lr=0.003] "),
        rendered.claims().get(0).measured());
  }

  // ---- the page ------------------------------------------------------------------------------

  @Test
  void thePageNamesTheSweptKeysListsTheSettingsAndHasAClaimsTablePerSetting() throws IOException {
    Path index = results.resolve("report/index.html");
    String html = Files.readString(index);
    assertTrue(html.contains("<code>data.points</code> over 1000, 100, 300"), "swept keys listed");
    assertTrue(html.contains("<code>training.lr</code> over 0.003, 0.01"), "swept keys listed");
    for (Map.Entry<Setting, List<Claim>> e : rendered.claimsBySetting().entrySet()) {
      String stem = SweepFigures.stem(e.getKey());
      assertTrue(html.contains(">" + e.getKey() + "</a>"), "settings list: " + e.getKey());
      assertTrue(html.contains("<h2 id=\"claims-" + stem + "\">"), stem);
      for (Claim c : e.getValue()) {
        Matcher row = Pattern.compile("<tr id=\"claim-" + Pattern.quote(stem + "-" + c.id())
            + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(row.find(), stem + " " + c.id());
        assertTrue(row.group(1).contains(">" + c.verdict().label() + "<"), c.id());
      }
    }
    Matcher ref = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(html);
    int refs = 0;
    while (ref.find()) {
      assertTrue(Files.isRegularFile(index.getParent().resolve(ref.group(1))), ref.group(1));
      refs++;
    }
    assertEquals(2 * rendered.figures().stream().mapToInt(f -> f.panels().size()).sum(), refs);
    // The only tables missing are analyze's: this folder was aggregated, not analysed.
    Matcher missing = Pattern.compile("<li><code>([a-z_]+)</code>").matcher(html);
    List<String> missingTables = new ArrayList<>();
    while (missing.find()) {
      missingTables.add(missing.group(1));
    }
    assertEquals(ResultTables.MECHANISMS.stream().map(Table::name).sorted().toList(),
        missingTables.stream().sorted().toList());
  }

  @Test
  void aScalingFitWithoutItsAxisColumnLeavesTheFitsOutAndSaysWhy(@TempDir Path dir)
      throws IOException {
    ExperimentFolder.claim(TestFolders.of(dir), ExperimentConfig.parse(CONFIG, "swept"));
    for (Table<?> table : List.of(ResultTables.RUNS, ResultTables.LOSS_SUMMARY)) {
      TestFolders.write(TestFolders.read(spark, results, table.name()), dir, table.name());
    }
    TestFolders.write(TestFolders.read(spark, results, ResultTables.SCALING_FIT.name()).drop("axis"),
        dir, ResultTables.SCALING_FIT.name());
    Report.Rendered r = ReportJob.run(spark, dir.toString(), null).report();
    Figure law = r.figures().stream().filter(f -> f.id().startsWith("width-law-")).findFirst()
        .orElseThrow();
    assertTrue(law.isDrawn());
    assertTrue(law.caption().contains("lacks column(s) axis"), law.caption());
    SweptData data = ReportJob.readSwept(spark, TestFolders.of(dir), sweep);
    assertTrue(data.axisFits().isEmpty());
    assertNull(SweepFigures.axisSeries(data, sweep.axes().get(0), "x2", "silu",
        data.others(sweep.axes().get(0)).get(0)).get(0).fit());
    assertTrue(Files.readString(r.index()).contains("lacks column(s) axis"));
  }
}
