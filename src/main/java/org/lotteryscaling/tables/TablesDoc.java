package org.lotteryscaling.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * docs/tables.md, generated from {@link ResultTables}: every table and column with its type and
 * meaning. Regenerate after changing a table with
 * {@code mvn -q -o compile && java -cp target/classes org.lotteryscaling.tables.TablesDoc}.
 */
public final class TablesDoc {
  private TablesDoc() {}

  public static final String PATH = "docs/tables.md";

  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Result tables\n\n")
        .append("<!-- Generated from src/main/java/org/lotteryscaling/tables by TablesDoc:")
        .append(" edit the definitions there, then run\n")
        .append("     mvn -q -o compile && java -cp target/classes")
        .append(" org.lotteryscaling.tables.TablesDoc -->\n\n")
        .append("""
            Every table of a results folder `DIR` is a Delta Lake table `DIR/<name>` (Parquet \
            files under a transaction log, `DIR/<name>/_delta_log`); `DIR` is a local folder or \
            any Hadoop file system URI. Beside them, `DIR/experiment.conf` holds the resolved \
            experiment and its config hash, written once before the first row. Query the tables \
            with `lottery sql` or any Delta Lake reader, by these names and columns.

            A type marked *nullable* may hold SQL null; every other column is never null (a \
            double may still be NaN where its meaning says so).

            """);
    for (Table<?> t : ResultTables.ALL) {
      out.append("- [").append(t.name()).append("](#").append(t.name()).append(")\n");
    }
    for (Table<?> t : ResultTables.ALL) {
      out.append("\n## ").append(t.name()).append("\n\n").append(t.description()).append("\n\n")
          .append("Key: ").append(code(String.join(", ", t.key())));
      if (!t.partitions().isEmpty()) {
        out.append(". Partitioned by ").append(code(String.join(", ", t.partitions())));
      }
      out.append(".\n\n| column | type | meaning |\n|---|---|---|\n");
      for (TableColumn c : t.columns()) {
        out.append("| ").append(c.name()).append(" | ").append(code(c.type()))
            .append(c.nullable() ? " nullable" : "").append(" | ")
            .append(c.meaning().replace("|", "\\|")).append(" |\n");
      }
    }
    return out.toString();
  }

  private static String code(String s) {
    return "`" + s + "`";
  }

  /** Writes {@link #markdown()} to args[0], or docs/tables.md. */
  public static void main(String[] args) throws IOException {
    Path path = Path.of(args.length > 0 ? args[0] : PATH);
    Files.writeString(path, markdown(), StandardCharsets.UTF_8);
    System.out.println("wrote " + path + " (" + ResultTables.ALL.size() + " tables, "
        + ResultTables.ALL.stream().collect(Collectors.summingInt(t -> t.columns().size()))
        + " columns)");
  }
}
