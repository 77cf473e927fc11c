package org.lotteryscaling.report;

import java.util.List;
import java.util.Map;
import org.lotteryscaling.tables.ResultTables;

/**
 * index.html of a report: one self-contained page (inline style, no script, no network) whose
 * images are the figures/ files next to it, by relative path, so it opens from disk anywhere.
 */
final class HtmlReport {
  private HtmlReport() {}

  static final String FIGURES = "figures";

  static String page(ReportData data, List<Figure> figures, List<Claim> claims) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>lottery-scaling report: ").append(esc(data.resultsName())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>A Neural Scaling Law from Lottery Ticket Ensembling: ")
        .append(esc(data.resultsName())).append("</h1>\n");
    h.append("<p>Rendered from the result tables of this folder only (no re-training). ")
        .append(runsLine(data)).append("</p>\n");
    claimsTable(h, claims);
    tablesRead(h, data.unavailable());
    h.append("<h2 id=\"figures\">Figures</h2>\n");
    for (Figure f : figures) {
      figure(h, f);
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String runsLine(ReportData data) {
    long ok = data.runs().stream().filter(ReportData.NetworkLoss::ok).count();
    long groups = data.runs().stream().map(r -> r.target() + "/" + r.activation()).distinct().count();
    return data.runs().isEmpty() ? "The runs table could not be read: " + esc(data.whyMissing(ResultTables.RUNS.name())) + "."
        : String.format("runs: %d networks (%d finished, %d not) in %d target/activation groups.",
            data.runs().size(), ok, data.runs().size() - ok, groups);
  }

  private static void claimsTable(StringBuilder h, List<Claim> claims) {
    h.append("<h2 id=\"claims\">Claims of the paper</h2>\n<table class=\"claims\">\n<thead><tr>")
        .append("<th>claim</th><th>where</th><th>measured</th><th>interval</th><th>verdict</th>")
        .append("<th>rule</th></tr></thead>\n<tbody>\n");
    for (Claim c : claims) {
      String css = switch (c.verdict()) {
        case SUPPORTED -> "yes";
        case NOT_SUPPORTED -> "no";
        case NOT_MEASURED -> "na";
      };
      h.append("<tr id=\"claim-").append(esc(c.id())).append("\"><td>").append(esc(c.statement()))
          .append("</td><td>").append(esc(c.source())).append("</td><td>").append(esc(c.measured()))
          .append("</td><td>").append(esc(c.interval())).append("</td><td class=\"").append(css)
          .append("\">").append(c.verdict().label()).append("</td><td class=\"rule\">")
          .append(esc(c.rule())).append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void tablesRead(StringBuilder h, Map<String, String> unavailable) {
    if (unavailable.isEmpty()) {
      return;
    }
    h.append("<h2 id=\"missing\">Tables this folder lacks</h2>\n<ul>\n");
    unavailable.forEach((table, why) -> h.append("<li><code>").append(esc(table))
        .append("</code>: ").append(esc(why)).append("</li>\n"));
    h.append("</ul>\n");
  }

  private static void figure(StringBuilder h, Figure f) {
    h.append("<section class=\"figure\" id=\"").append(esc(f.id())).append("\">\n<h3>")
        .append(esc(f.title())).append("</h3>\n");
    if (!f.isDrawn()) {
      h.append("<p class=\"skipped\">Skipped: ").append(esc(f.skipped())).append("</p>\n</section>\n");
      return;
    }
    h.append("<div class=\"panels\">\n");
    for (String panel : f.panels()) {
      String png = FIGURES + "/" + panel + ".png";
      String svg = FIGURES + "/" + panel + ".svg";
      h.append("<a href=\"").append(esc(svg)).append("\"><img src=\"").append(esc(png))
          .append("\" alt=\"").append(esc(f.title() + " " + panel)).append("\"></a>\n");
    }
    h.append("</div>\n<p class=\"caption\">").append(esc(f.caption()))
        .append(" <span class=\"files\">(click a panel for its SVG)</span></p>\n</section>\n");
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String STYLE = """
      body { font-family: sans-serif; max-width: 1400px; margin: 1em auto; padding: 0 1em; color: #222; }
      h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; margin-top: 1.5em; }
      table.claims { border-collapse: collapse; font-size: 0.9em; }
      table.claims th, table.claims td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; }
      table.claims th { background: #f3f3f3; }
      td.yes { background: #d9f2d9; font-weight: bold; } td.no { background: #f8d7d7; font-weight: bold; }
      td.na { background: #eee; color: #666; } td.rule { color: #555; font-size: 0.9em; }
      .panels { display: flex; flex-wrap: wrap; gap: 8px; } .panels img { border: 1px solid #ddd; max-width: 100%; }
      .caption { max-width: 1100px; } .skipped { color: #8a6d3b; } .files { color: #888; font-size: 0.85em; }
      """;
}
