package org.lotteryscaling.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotteryscaling.task.Setting;

/** Renders a report (figures, claims table, index.html) from plain data into a folder. */
public final class Report {
  private Report() {}

  public static final String INDEX = "index.html";
  /** The folder of figures beside the page. */
  public static final String FIGURES = HtmlReport.FIGURES;

  /**
   * What was rendered: where the page is, its figures (drawn or skipped) and the claims; in a swept
   * experiment the claims of each setting ({@code claimsBySetting}, in grid order), and
   * {@code claims} is all of them, each's measured value prefixed with its setting in brackets.
   */
  public record Rendered(Path index, List<Figure> figures, List<Claim> claims,
      Map<Setting, List<Claim>> claimsBySetting) {}

  /**
   * Writes {@code reportDir}/figures/*.png|svg and {@code reportDir}/index.html. The page is
   * written last, through a temporary file and a rename, so a report that fails half-way leaves
   * the previous index.html in place.
   */
  public static Rendered render(ReportData data, Path reportDir) {
    Path figuresDir = figuresDir(reportDir);
    List<Figure> figures = PaperFigures.render(data, figuresDir);
    List<Claim> claims = ClaimsTable.evaluate(data);
    Path index = writePage(reportDir, HtmlReport.page(data, figures, claims));
    return new Rendered(index, figures, claims, Map.of());
  }

  /**
   * The report of a swept experiment: the figures along each swept axis, and each setting's width
   * law, paper figures and claims table, computed from that setting's rows alone.
   */
  public static Rendered render(SweptData data, Path reportDir) {
    Path figuresDir = figuresDir(reportDir);
    List<Figure> figures = SweepFigures.render(data, figuresDir);
    Map<Setting, List<Claim>> bySetting = new LinkedHashMap<>();
    List<Claim> all = new ArrayList<>();
    data.bySetting().forEach((setting, rows) -> {
      List<Claim> claims = ClaimsTable.evaluate(rows);
      bySetting.put(setting, claims);
      claims.forEach(c -> all.add(new Claim(c.id(), c.statement(), c.source(), c.rule(),
          "[" + setting + "] " + c.measured(), c.interval(), c.verdict())));
    });
    Path index = writePage(reportDir, HtmlReport.page(data, figures, bySetting));
    return new Rendered(index, figures, List.copyOf(all), Collections.unmodifiableMap(bySetting));
  }

  private static Path figuresDir(Path reportDir) {
    Path figuresDir = reportDir.resolve(HtmlReport.FIGURES);
    try {
      Files.createDirectories(figuresDir);
    } catch (IOException e) {
      throw cannotWrite(reportDir, e);
    }
    return figuresDir;
  }

  /**
   * Writes the page last, through a temporary file and a rename, so a report that fails half-way
   * leaves the previous index.html in place.
   */
  private static Path writePage(Path reportDir, String html) {
    try {
      Path index = reportDir.resolve(INDEX);
      Path partial = reportDir.resolve(INDEX + ".partial");
      Files.writeString(partial, html, StandardCharsets.UTF_8);
      Files.move(partial, index, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return index;
    } catch (IOException e) {
      throw cannotWrite(reportDir, e);
    }
  }

  private static UncheckedIOException cannotWrite(Path reportDir, IOException e) {
    return new UncheckedIOException("cannot write the report in " + reportDir + ": " + e.getMessage(), e);
  }
}
