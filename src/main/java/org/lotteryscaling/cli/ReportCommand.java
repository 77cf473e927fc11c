package org.lotteryscaling.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lotteryscaling.jobs.ReportJob;
import org.lotteryscaling.report.Claim;
import org.lotteryscaling.report.Figure;
import org.lotteryscaling.report.Report;
import org.lotteryscaling.results.ResultsFolder;
import org.lotteryscaling.results.Spark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `lottery report --results DIR`: the tables of DIR rendered as DIR/report/index.html. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Render DIR/report/index.html: the paper's figures (PNG and SVG) and a claims "
        + "table, from the result tables of DIR only.")
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, description = "results folder (holds runs, ...)")
  String results;

  @Option(names = "--report-dir", paramLabel = "LOCAL_DIR",
      description = "write the page and figures to this local folder instead of DIR/report")
  Path reportDir;

  @Option(names = "--master", description = "Spark master URL (default local[*])")
  String master;

  @Override
  public Integer call() {
    ResultsFolder.requireResultTables(results); // before starting Spark
    ReportJob.Rendered rendered = ReportJob.run(Spark.session("lottery-report", master), results, reportDir);
    Report.Rendered r = rendered.report();
    long drawn = r.figures().stream().filter(Figure::isDrawn).count();
    var out = spec.commandLine().getOut();
    out.printf("report: %s%n", rendered.index());
    out.printf("figures: %d drawn, %d skipped%n", drawn, r.figures().size() - drawn);
    for (Figure f : r.figures()) {
      if (!f.isDrawn()) {
        out.printf("  skipped %-10s %s%n", f.id(), f.skipped());
      }
    }
    out.println("claims:");
    for (Claim c : r.claims()) {
      // the interval is what the verdict rests on, so the summary shows it beside the number
      String interval = c.interval() == null || c.interval().isBlank()
          || c.interval().equals("n/a") ? "" : "; interval " + c.interval();
      out.printf("  %-14s %-22s %s%s%n", c.verdict().label(), c.id(), c.measured(), interval);
    }
    out.flush();
    return 0;
  }
}
