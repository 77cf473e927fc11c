package org.lotteryscaling.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Renders a report (figures, claims table, index.html) from plain data into a folder. */
public final class Report {
  private Report() {}

  public static final String INDEX = "index.html";
  /** The folder of figures beside the page. */
  public static final String FIGURES = HtmlReport.FIGURES;

  /** What was rendered: where the page is, its figures (drawn or skipped) and the claims. */
  public record Rendered(Path index, List<Figure> figures, List<Claim> claims) {}

  /**
   * Writes {@code reportDir}/figures/*.png|svg and {@code reportDir}/index.html. The page is
   * written last, through a temporary file and a rename, so a report that fails half-way leaves
   * the previous index.html in place.
   */
  public static Rendered render(ReportData data, Path reportDir) {
    try {
      Path figuresDir = reportDir.resolve(HtmlReport.FIGURES);
      Files.createDirectories(figuresDir);
      List<Figure> figures = PaperFigures.render(data, figuresDir);
      List<Claim> claims = ClaimsTable.evaluate(data);
      Path index = reportDir.resolve(INDEX);
      Path partial = reportDir.resolve(INDEX + ".partial");
      Files.writeString(partial, HtmlReport.page(data, figures, claims), StandardCharsets.UTF_8);
      Files.move(partial, index, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return new Rendered(index, figures, claims);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report in " + reportDir + ": " + e.getMessage(), e);
    }
  }
}
