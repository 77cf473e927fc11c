package org.lotteryscaling.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;
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
    head(h, data);
    h.append("<p>Rendered from the result tables of this folder only (no re-training). ")
        .append(runsLine(data)).append("</p>\n");
    h.append("<h2 id=\"claims\">Claims of the paper</h2>\n");
    claimsTable(h, claims, "claim-");
    tablesRead(h, data.unavailable());
    figures(h, figures);
    return h.toString();
  }

  /**
   * The page of a swept experiment: which keys were swept and the settings, a claims table per
   * setting, then the figures.
   */
  static String page(SweptData data, List<Figure> figures, Map<Setting, List<Claim>> claims) {
    StringBuilder h = new StringBuilder(65_536);
    head(h, data.all());
    h.append("<p>Rendered from the result tables of this folder only (no re-training). ")
        .append(runsLine(data.all())).append("</p>\n");
    h.append("<h2 id=\"sweep\">Swept settings</h2>\n<p>This experiment sweeps ");
    List<String> axes = new ArrayList<>();
    for (Sweep.Axis axis : data.sweep().axes()) {
      List<String> points = new ArrayList<>();
      for (List<Number> point : axis.points()) {
        List<String> values = new ArrayList<>();
        for (int k = 0; k < axis.keys().size(); k++) {
          values.add(axis.keys().get(k).format(point.get(k)));
        }
        points.add(values.size() == 1 ? values.get(0) : "(" + String.join(", ", values) + ")");
      }
      axes.add("<code>" + esc(axis.keys().stream().map(SettingKey::key)
          .collect(Collectors.joining(", "))) + "</code> over " + esc(String.join(", ", points))
          + (axis.keys().size() > 1 ? " (zipped: the keys take their values together)" : ""));
    }
    h.append(String.join("; ", axes)).append(": ").append(claims.size()).append(" settings, each ")
        .append("trained over the whole grid of targets, activations, widths and seeds. Each ")
        .append("setting has its own claims table, width law and paper figures, computed from ")
        .append("its rows alone (<code>lottery analyze</code> analyses each setting on its own ")
        .append("data).</p>\n");
    h.append("<table class=\"claims\">\n<thead><tr><th>setting</th><th>networks</th>")
        .append("<th>finished</th><th>claims supported</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<Setting, List<Claim>> e : claims.entrySet()) {
      String stem = SweepFigures.stem(e.getKey());
      List<ReportData.NetworkLoss> runs = data.bySetting().get(e.getKey()).runs();
      long supported = e.getValue().stream().filter(c -> c.verdict() == Claim.Verdict.SUPPORTED)
          .count();
      h.append("<tr><td><a href=\"#claims-").append(esc(stem)).append("\">")
          .append(esc(e.getKey().toString())).append("</a></td><td>").append(runs.size())
          .append("</td><td>").append(runs.stream().filter(ReportData.NetworkLoss::ok).count())
          .append("</td><td>").append(supported).append(" of ").append(e.getValue().size())
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
    for (Map.Entry<Setting, List<Claim>> e : claims.entrySet()) {
      String stem = SweepFigures.stem(e.getKey());
      h.append("<h2 id=\"claims-").append(esc(stem)).append("\">Claims of the paper, ")
          .append(esc(e.getKey().toString())).append("</h2>\n");
      claimsTable(h, e.getValue(), "claim-" + stem + "-");
    }
    tablesRead(h, data.all().unavailable());
    figures(h, figures);
    return h.toString();
  }

  private static void head(StringBuilder h, ReportData data) {
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>lottery-scaling report: ").append(esc(data.resultsName())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>A Neural Scaling Law from Lottery Ticket Ensembling: ")
        .append(esc(data.resultsName())).append("</h1>\n");
  }

  private static void figures(StringBuilder h, List<Figure> figures) {
    h.append("<h2 id=\"figures\">Figures</h2>\n");
    for (Figure f : figures) {
      figure(h, f);
    }
    h.append("</body>\n</html>\n");
  }

  private static String runsLine(ReportData data) {
    long ok = data.runs().stream().filter(ReportData.NetworkLoss::ok).count();
    long groups = data.runs().stream().map(r -> r.target() + "/" + r.activation()).distinct().count();
    return data.runs().isEmpty() ? "The runs table could not be read: " + esc(data.whyMissing(ResultTables.RUNS.name())) + "."
        : String.format("runs: %d networks (%d finished, %d not) in %d target/activation groups.",
            data.runs().size(), ok, data.runs().size() - ok, groups);
  }

  /** The claims as a table, each row's id {@code rowId} followed by the claim's id. */
  private static void claimsTable(StringBuilder h, List<Claim> claims, String rowId) {
    h.append("<table class=\"claims\">\n<thead><tr>")
        .append("<th>claim</th><th>where</th><th>measured</th><th>interval</th><th>verdict</th>")
        .append("<th>rule</th></tr></thead>\n<tbody>\n");
    for (Claim c : claims) {
      String css = switch (c.verdict()) {
        case SUPPORTED -> "yes";
        case NOT_SUPPORTED -> "no";
        case NOT_MEASURED -> "na";
      };
      h.append("<tr id=\"").append(esc(rowId + c.id())).append("\"><td>").append(esc(c.statement()))
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
