package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.UserError;
import org.lotteryscaling.cli.Lottery;
import org.lotteryscaling.report.Claim;
import org.lotteryscaling.report.ClaimsTable;
import org.lotteryscaling.report.Figure;
import org.lotteryscaling.report.Report;
import org.lotteryscaling.report.ReportData;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.TestFolders;
import org.lotteryscaling.tables.ResultTables;
import org.w3c.dom.Document;

/** The report over a real small results folder: files, images, links, claims, bad folders. */
class ReportJobTest {
  private static SparkSession spark;
  private static Path results;
  private static Report.Rendered rendered;

  /** Parses XML without fetching the SVG DTD from the network. */
  private static final DocumentBuilderFactory SVG_PARSER = DocumentBuilderFactory.newInstance();

  @BeforeAll
  static void render() throws Exception {
    SVG_PARSER.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    spark = Spark.session("report-test", "local[2]");
    results = ReportFixture.folder();
    rendered = ReportJob.run(spark, results.toString(), null).report();
  }

  @Test
  void everyFigureIsDrawnWhenEveryTableIsThere() {
    for (Figure f : rendered.figures()) {
      assertTrue(f.isDrawn(), f.id() + " skipped: " + f.skipped());
      assertFalse(f.panels().isEmpty(), f.id());
      assertFalse(f.caption().isBlank(), f.id());
    }
    assertEquals(List.of("fig1c", "fig2a", "fig2b", "fig3", "fig4", "fig5", "fig6", "fig7", "fig8",
        "fig9", "fig10", "fig11", "fig12", "fig13", "ensembles"),
        rendered.figures().stream().map(Figure::id).toList());
  }

  @Test
  void everyFigureFileIsAValidNonBlankImage() throws Exception {
    Path figures = results.resolve("report/figures");
    int checked = 0;
    for (Figure f : rendered.figures()) {
      for (String panel : f.panels()) {
        File png = figures.resolve(panel + ".png").toFile();
        BufferedImage image = ImageIO.read(png);
        assertNotNull(image, png + " is not a PNG ImageIO can read");
        assertTrue(distinctColours(image) > 8, png + " looks blank");
        assertTrue(colouredPixels(image) > 50, png + " has no coloured (data) pixels");
        Document svg = SVG_PARSER.newDocumentBuilder().parse(figures.resolve(panel + ".svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName(), panel + ".svg");
        checked++;
      }
    }
    assertTrue(checked >= 15, "panels checked: " + checked);
  }

  @Test
  void theHtmlReferencesOnlyFilesThatExistAndNothingOnTheNetwork() throws IOException {
    Path index = results.resolve("report/index.html");
    String html = Files.readString(index);
    List<String> refs = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      refs.add(m.group(1));
    }
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertFalse(ref.contains("://") || ref.startsWith("//"), "network reference " + ref);
      assertTrue(Files.isRegularFile(index.getParent().resolve(ref)), "missing " + ref);
    }
    for (Figure f : rendered.figures()) {
      for (String panel : f.panels()) {
        assertTrue(refs.contains("figures/" + panel + ".png"), panel);
      }
    }
    assertFalse(html.contains("<script"), "the page needs no script");
  }

  @Test
  void theClaimsTableHasARowPerClaimWithAVerdictComputedFromTheTables() throws IOException {
    String html = Files.readString(results.resolve("report/index.html"));
    ReportData data = ReportJob.read(spark, TestFolders.of(results));
    List<Claim> fromTables = ClaimsTable.evaluate(data);
    assertEquals(fromTables, rendered.claims());
    Set<String> ids = new HashSet<>();
    for (Claim c : rendered.claims()) {
      assertTrue(ids.add(c.id()), "duplicate claim " + c.id());
      Matcher row = Pattern.compile("<tr id=\"claim-" + Pattern.quote(c.id()) + "\">(.*?)</tr>",
          Pattern.DOTALL).matcher(html);
      assertTrue(row.find(), "no row for claim " + c.id());
      assertTrue(row.group(1).contains(">" + c.verdict().label() + "<"), c.id());
    }
    assertEquals(12, ids.size());
    // Every table is in the fixture, so every claim is judged (supported or not), none unmeasured.
    for (Claim c : rendered.claims()) {
      assertTrue(c.verdict() != Claim.Verdict.NOT_MEASURED, c.id() + ": " + c.measured());
    }
  }

  @Test
  void onlyTheWidestNetworksNeuronsAreCollected() {
    // The fixture has neurons of the seed-0 networks of widths 20 and 40.
    List<ReportData.Neuron> neurons = ReportJob.read(spark, TestFolders.of(results)).neurons();
    assertEquals(40, neurons.size());
    assertTrue(neurons.stream().allMatch(n -> n.width() == 40 && n.seed() == 0));
  }

  @Test
  void aFolderWithOnlyRunsSkipsWhatItLacksAndSaysWhy(@TempDir Path dir) throws IOException {
    ReportFixture.build(spark, dir, false);
    Report.Rendered r = ReportJob.run(spark, dir.toString(), null).report();
    String html = Files.readString(r.index());
    Figure fig1c = r.figures().get(0);
    assertFalse(fig1c.isDrawn());
    assertTrue(fig1c.skipped().contains("loss_summary does not exist"), fig1c.skipped());
    assertTrue(html.contains("Skipped: " + fig1c.skipped()), "the page says why fig1c is missing");
    // Figure 4 needs only runs: it is drawn from the trained losses.
    assertTrue(r.figures().stream().anyMatch(f -> f.id().equals("fig4") && f.isDrawn()));
    // Every claim needs a derived table: none is judged, and each says what it lacks.
    for (Claim c : r.claims()) {
      assertEquals(Claim.Verdict.NOT_MEASURED, c.verdict(), c.id());
      assertTrue(c.measured().startsWith("not measured: "), c.measured());
    }
  }

  @Test
  void aRenamedColumnSkipsItsFiguresWithTheColumnNamed(@TempDir Path dir) throws IOException {
    ReportFixture.build(spark, dir, false);
    TestFolders.write(TestFolders.read(spark, results, ResultTables.LOSS_SUMMARY.name())
        .withColumnRenamed("loss_median", "middle"), dir, ResultTables.LOSS_SUMMARY.name());
    Report.Rendered r = ReportJob.run(spark, dir.toString(), null).report();
    assertTrue(r.figures().get(0).skipped().contains("lacks column(s) loss_median"),
        r.figures().get(0).skipped());
  }

  @Test
  void badFoldersAreOneLineUserErrors(@TempDir Path dir) throws IOException {
    assertTrue(message(dir.resolve("nowhere")).startsWith("no such results folder"));
    assertTrue(message(dir).contains("not a results folder"));
    Files.createDirectories(dir.resolve("runs"));
    Files.writeString(dir.resolve("runs/part-0.parquet"), "not parquet");
    String corrupt = message(dir);
    assertTrue(corrupt.contains("runs"), corrupt);
    assertFalse(Files.exists(dir.resolve("report/index.html")));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(out), new PrintWriter(err), "report", "--results",
        dir.resolve("nowhere").toString());
    assertEquals(Lottery.USAGE_ERROR, code);
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("lottery: no such results folder: "), err.toString());
  }

  @Test
  void theCommandPrintsWhereTheReportIsAndTheVerdicts() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Lottery.execute(new PrintWriter(out), new PrintWriter(err), "report", "--results",
        results.toString(), "--master", "local[2]");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("index.html"), out.toString());
    assertTrue(out.toString().contains("figures: 15 drawn, 0 skipped"), out.toString());
  }

  private static String message(Path dir) {
    UserError e = assertThrows(UserError.class,
        () -> ReportJob.run(spark, dir.toString(), null).report());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }

  /** Pixels whose red, green and blue differ clearly: series and heat-map cells, not text or axes. */
  private static int colouredPixels(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          count++;
        }
      }
    }
    return count;
  }
}
