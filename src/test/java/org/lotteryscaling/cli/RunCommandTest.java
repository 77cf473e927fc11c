package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.cli.TrainOneCommandTest.Run;
import org.lotteryscaling.report.ClaimsTable;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.stats.LossSummary;
import org.lotteryscaling.stats.PowerLawFit;
import org.lotteryscaling.stats.WidthLosses;

/**
 * `lottery run` end to end on one folder of real job output: a small x2/silu grid is trained,
 * aggregated, analysed and reported by the command a user types, and the report is then checked
 * against the tables it was drawn from. Which figures the grid allows, and every claim's verdict,
 * are recomputed here from the tables by this test's own plain rules (docs/report.md's claims rules, in
 * the fewest lines), not by the report's code.
 */
class RunCommandTest {
  @TempDir static Path dir;
  static Path results;
  static Run run;
  static SparkSession spark;

  /** widths 1, 2, 4 (narrow, N/2 pairs), 10 and 20 (wide, the neurons and ticket analyses). */
  @BeforeAll
  static void runTheWholePipelineOnce() throws IOException {
    Path conf = dir.resolve("e2e.conf");
    Files.writeString(conf, String.join("\n",
        "name = e2e", "targets = [x2]", "activations = [silu]", "widths = [1, 2, 4, 10, 20]",
        "seeds = 8", "training.steps = 2000", "training.decay-every = 400", ""));
    results = dir.resolve("results");
    run = TrainOneCommandTest.run("run", conf.toString(), "--out", results.toString(),
        "--master", "local[2]");
    spark = Spark.session("run-command-test", "local[2]");
  }

  @Test
  void theRunSucceedsAndWritesEveryTable() {
    assertEquals(0, run.code(), run.err());
    for (String table : List.of("runs", "loss_summary", "loss_histogram", "loss_modes",
        "scaling_fit", "synergy", "neurons", "tickets", "ticket_pairs", "ticket_correlation")) {
      assertTrue(rows(table) > 0, "no rows in " + table);
    }
    assertEquals(5 * 8, rows("runs"));
  }

  @Test
  void theFiguresTheGridAllowsAreDrawnAndTheOthersSkipped() throws IOException {
    assertEquals(0, run.code(), run.err());
    Set<String> expected = new TreeSet<>(List.of("fig1c", "fig2a", "fig2b", "fig3", "fig4"));
    // The analyses' figures exist when their tables hold rows for x2/silu.
    if (count("SELECT * FROM tickets WHERE algorithm IS NOT NULL AND pc1 IS NOT NULL") > 0) {
      expected.add("fig9");
    }
    if (count("SELECT * FROM algorithm_curves") > 0) {
      expected.addAll(List.of("fig10", "fig11"));
    }
    if (count("SELECT * FROM ticket_pairs") > 0 && count("SELECT * FROM ticket_correlation") > 0) {
      expected.add("fig12");
    }
    if (count("SELECT * FROM distilled") > 0) {
      expected.add("fig13");
    }
    if (count("SELECT * FROM ensembles") > 0) {
      expected.add("ensembles");
    }
    // Figures 5-8 need targets other than x2: never drawable here.

    Matcher total = Pattern.compile("figures: (\\d+) drawn, (\\d+) skipped").matcher(run.out());
    assertTrue(total.find(), run.out());
    Set<String> skipped = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^  skipped (\\S+)").matcher(run.out());
    while (m.find()) {
      skipped.add(m.group(1));
    }
    assertEquals(Integer.parseInt(total.group(2)), skipped.size(), run.out());
    Path figures = results.resolve("report/figures");
    Set<String> files;
    try (Stream<Path> pngs = Files.list(figures)) {
      files = pngs.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> drawn = new TreeSet<>();
    for (String id : List.of("fig1c", "fig2a", "fig2b", "fig3", "fig4", "fig5", "fig6", "fig7",
        "fig8", "fig9", "fig10", "fig11", "fig12", "fig13", "ensembles")) {
      if (!skipped.contains(id)) {
        drawn.add(id);
        assertTrue(files.stream().anyMatch(f -> f.startsWith(id)), id + " drawn but no PNG in " + files);
      }
    }
    assertEquals(expected, drawn, "figures drawn (summary: " + run.out() + ")");
    assertEquals(Integer.parseInt(total.group(1)), drawn.size());
    String page = Files.readString(results.resolve("report/index.html"));
    for (String file : files) {
      assertTrue(page.contains("figures/" + file), file + " not on the page");
    }
  }

  @Test
  void everyClaimsVerdictIsTheOneTheTablesGive() throws IOException {
    assertEquals(0, run.code(), run.err());
    Map<String, String> expected = recomputedVerdicts();
    Map<String, String> printed = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^  (supported|not supported|not measured)\\s+(\\S+)")
        .matcher(run.out().substring(run.out().indexOf("claims:")));
    while (m.find()) {
      printed.put(m.group(2), m.group(1));
    }
    assertEquals(new TreeMap<>(expected), new TreeMap<>(printed), run.out());
    // The page says what the summary said.
    String page = Files.readString(results.resolve("report/index.html"));
    for (Map.Entry<String, String> claim : printed.entrySet()) {
      int row = page.indexOf("id=\"claim-" + claim.getKey() + "\"");
      assertTrue(row >= 0, claim.getKey() + " not on the page");
      String rowHtml = page.substring(row, page.indexOf("</tr>", row));
      assertTrue(rowHtml.contains(">" + claim.getValue() + "<"), rowHtml);
    }
  }

  /** Every claim's verdict, by docs/report.md's rules, from the tables of the folder. */
  private static Map<String, String> recomputedVerdicts() {
    Map<String, String> v = new LinkedHashMap<>();
    String main = " WHERE target = 'x2' AND activation = 'silu'";

    // silu-inverse-law: the widest range fit starting at N >= 10; its interval within [0.75, 1.25].
    List<Row> fits = sql("SELECT alpha, alpha_low, alpha_high, width_max / width_min AS ratio"
        + " FROM scaling_fit" + main + " AND form = 'power' AND loss = 'train'"
        + " AND kind IN ('wide', 'all') AND width_min >= 10"
        + " ORDER BY ratio DESC LIMIT 1");
    Row fit = fits.get(0); // widths 10 and 20 always give one
    double lo = fit.isNullAt(1) ? fit.getDouble(0) : fit.getDouble(1);
    double hi = fit.isNullAt(2) ? fit.getDouble(0) : fit.getDouble(2);
    v.put("silu-inverse-law", verdict(lo >= 0.75 && hi <= 1.25));

    v.put("relu-fast-then-slow", "not measured"); // no relu or leaky_relu in the grid

    // The peak claims: each width's count over bandwidths h/2..2h (peaks_low, peaks_high).
    List<Row> modes = sql("SELECT width, peaks_low, peaks_high FROM loss_modes" + main);
    long narrow = modes.stream().filter(r -> r.getInt(0) <= 4).count();
    long narrowSeveral = modes.stream().filter(r -> r.getInt(0) <= 4 && r.getInt(1) >= 2).count();
    v.put("narrow-several-peaks", verdict(2 * narrowSeveral >= narrow));
    v.put("wide-one-peak", verdict(modes.stream().filter(r -> r.getInt(0) >= 10)
        .allMatch(r -> r.getInt(1) == 1 && r.getInt(2) == 1)));

    v.put("synergy-narrow", synergyVerdict(main, "2, 4", "synergy"));
    v.put("ensembling-wide", synergyVerdict(main, "20, 40", "ensembling"));

    List<Row> tickets = sql("SELECT w, b, v FROM tickets" + main + " AND peak = 0");
    if (tickets.isEmpty()) {
      v.put("symmetric-tickets", "not measured");
    } else {
      double[] residuals = tickets.stream().mapToDouble(r -> Math.max(
          ratio(get(r, 0, 0) + get(r, 0, 1), Math.abs(get(r, 0, 0)) + Math.abs(get(r, 0, 1))), Math.max(
          ratio(get(r, 1, 0) - get(r, 1, 1), Math.abs(get(r, 1, 0)) + Math.abs(get(r, 1, 1))),
          ratio(get(r, 2, 0) - get(r, 2, 1), Math.abs(get(r, 2, 0)) + Math.abs(get(r, 2, 1))))))
          .toArray();
      v.put("symmetric-tickets", verdict(median(residuals) <= 0.05));
    }

    List<Row> widest = sql("SELECT symmetry_score FROM neurons" + main
        + " AND symmetry_score IS NOT NULL AND NOT isnan(symmetry_score)"
        + " ORDER BY width DESC, seed ASC LIMIT 1");
    v.put("mirror-neurons", widest.isEmpty() ? "not measured" : verdict(widest.get(0).getDouble(0) >= 0.5));

    List<Row> algorithms = sql("SELECT symmetric FROM algorithms" + main);
    long symmetric = algorithms.stream().filter(r -> r.getBoolean(0)).count();
    v.put("several-algorithms", algorithms.isEmpty() ? "not measured"
        : verdict(algorithms.size() >= 2 && symmetric >= 1 && symmetric < algorithms.size()));

    List<Row> correlation = sql("SELECT width, effective_tickets FROM ticket_correlation" + main
        + " AND NOT isnan(effective_tickets)");
    if (correlation.isEmpty()) {
      v.put("correlated-tickets", "not measured");
      v.put("tickets-grow", "not measured");
    } else {
      Map<Integer, List<Double>> byWidth = new TreeMap<>(correlation.stream().collect(
          Collectors.groupingBy(r -> r.getInt(0),
              Collectors.mapping(r -> r.getDouble(1), Collectors.toList()))));
      List<WidthLosses> widths = byWidth.entrySet().stream().map(e -> new WidthLosses(e.getKey(),
          e.getValue().size(), e.getValue().stream().mapToDouble(Double::doubleValue).toArray()))
          .toList();
      v.put("correlated-tickets", verdict(widths.stream().allMatch(w -> LossSummary.medianInterval(
          w, ClaimsTable.BOOTSTRAP_RESAMPLES, ClaimsTable.BOOTSTRAP_SEED + w.width())[1]
          <= 0.5 * w.width() / 2.0)));
      if (widths.size() < 2) {
        v.put("tickets-grow", "not measured");
      } else {
        PowerLawFit all = PowerLawFit.fits(widths, ClaimsTable.BOOTSTRAP_RESAMPLES,
            ClaimsTable.BOOTSTRAP_SEED).stream().filter(f -> f.kind() == PowerLawFit.Kind.ALL)
            .findFirst().orElseThrow();
        double gamma = Math.log(3) / Math.log(5);
        v.put("tickets-grow", verdict(-all.alphaHigh() >= gamma - 0.25
            && -all.alphaLow() <= gamma + 0.25));
      }
    }

    List<Row> distilled = sql("SELECT min(train_loss) FROM distilled" + main + " HAVING count(*) > 0");
    List<Row> trained = sql("SELECT min(train_loss) FROM runs" + main
        + " AND width = 2 AND status = 'ok' HAVING count(*) > 0");
    v.put("distilled-lottery", distilled.isEmpty() || trained.isEmpty() ? "not measured"
        : verdict(distilled.get(0).getDouble(0) < trained.get(0).getDouble(0)));
    return v;
  }

  private static String synergyVerdict(String main, String widths, String expected) {
    List<Row> rows = sql("SELECT verdict FROM synergy" + main + " AND width IN (" + widths + ")"
        + " AND verdict <> 'undetermined'");
    return rows.isEmpty() ? "not measured"
        : verdict(rows.stream().allMatch(r -> r.getString(0).equals(expected)));
  }

  private static String verdict(boolean supported) {
    return supported ? "supported" : "not supported";
  }

  private static double ratio(double difference, double scale) {
    return scale == 0 ? 0 : Math.abs(difference) / scale;
  }

  /** Element k of the array column c. */
  private static double get(Row r, int c, int k) {
    return r.<Double>getList(c).get(k);
  }

  /** The middle value of the sorted values, or the mean of the two middle ones. */
  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static long rows(String table) {
    return count("SELECT * FROM " + table);
  }

  private static long count(String query) {
    return sql("SELECT count(*) FROM (" + query + ")").get(0).getLong(0);
  }

  /** A query over the folder's tables, each a view of its own name. */
  private static List<Row> sql(String query) {
    List<String> tables = new ArrayList<>();
    try (Stream<Path> folders = Files.list(results)) {
      folders.filter(p -> Files.isDirectory(p.resolve("_delta_log")))
          .forEach(p -> tables.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String t : tables) {
      spark.read().format("delta").load(results.resolve(t).toString()).createOrReplaceTempView(t);
    }
    for (String absent : List.of("algorithms", "algorithm_curves", "distilled", "ensembles")) {
      if (!tables.contains(absent)) {
        throw new AssertionError("analyze wrote no table " + absent + " (it writes every table, empty if need be)");
      }
    }
    return spark.sql(query).collectAsList();
  }
}
