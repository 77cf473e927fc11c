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

/** Spark SQL over every table of a results folder. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {"Run a Spark SQL query over a results folder: every table (runs, loss_summary, ...)",
        "is a view under its name. Example:",
        "  lottery sql --results results/quick \"SELECT * FROM scaling_fit WHERE kind = 'all'\""})
public final class SqlCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, paramLabel = "DIR", description = "results folder")
  String results;

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
    SqlQuery.Result result = SqlQuery.run(master, results, String.join(" ", query));
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
