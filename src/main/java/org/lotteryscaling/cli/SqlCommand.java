package org.lotteryscaling.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.lotteryscaling.UserError;
import org.lotteryscaling.results.SqlQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Spark SQL over every table of one or more results folders. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Run a Spark SQL query over results folders: every table (runs, loss_summary, ...)",
        "of folder NAME is the view NAME.table; with one folder also the view table, with several",
        "the union of table over the folders, its column experiment naming each row's folder.",
        "The view experiments lists the folders (name, URI, config hash). Examples:",
        "  lottery sql --results results/quick \"SELECT * FROM scaling_fit WHERE kind = 'all' AND loss = 'train'\"",
        "  lottery sql --results paper=DIR/paper-figure1 --results ranges=DIR/input-range \\",
        "    \"SELECT experiment, width, loss_median FROM loss_summary WHERE target = 'x2'\""})
public final class SqlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, paramLabel = "[NAME=]DIR",
      description = "a results folder, named NAME in the query (default: the end of DIR, with "
          + "every character but letters, digits and _ as _); repeat for several")
  List<String> results;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "table (aligned, default), csv or json (one object per line)")
  String format;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*])")
  String master;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "the SQL query (words are joined by spaces)")
  List<String> query;

  @Override
  public Integer call() {
    ResultTable.Format f = parseFormat(format);
    List<SqlQuery.Source> sources = results.stream().map(SqlQuery.Source::parse).toList();
    SqlQuery.Result result = SqlQuery.run(master, sources, String.join(" ", query));
    for (String note : result.notes()) {
      spec.commandLine().getErr().println("lottery sql: " + note);
    }
    spec.commandLine().getOut().println(new ResultTable(result.columns(), result.rows()).render(f));
    spec.commandLine().getOut().flush();
    return 0;
  }

  static ResultTable.Format parseFormat(String s) {
    return switch (s) {
      case "table" -> ResultTable.Format.TABLE;
      case "csv" -> ResultTable.Format.CSV;
      case "json" -> ResultTable.Format.JSON;
      default -> throw new UserError("unknown format '" + s + "' (allowed: table, csv, json)");
    };
  }
}
