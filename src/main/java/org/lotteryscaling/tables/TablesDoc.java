package org.lotteryscaling.tables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.lotteryscaling.task.SettingKey;

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
    out.append("- [Swept experiments](#swept-experiments): the columns a sweep adds\n");
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
    sweptColumns(out);
    return out.toString();
  }

  /** The columns a sweep adds to every table, and scaling_fit's axis columns. */
  private static void sweptColumns(StringBuilder out) {
    out.append("\n## Swept experiments\n\n").append("""
        An experiment whose config sweeps settings ([experiment.md](experiment.md#sweeps)) \
        writes the same tables with more columns after each table's own: one per swept key, in \
        the sweep's order, holding the setting the row belongs to (the value its networks were \
        trained with). runs is then keyed by its key and these columns, and every aggregate \
        table holds its rows for each setting (computed from that setting's networks alone). \
        The mechanism tables `lottery analyze` writes carry the sweep's columns too, and are \
        computed per setting in the same way. A config without a sweep writes \
        none of these columns: its tables are exactly as above.

        | swept key | column | type |
        |---|---|---|
        """);
    for (SettingKey key : SettingKey.values()) {
      String type = switch (key.type()) {
        case INT -> "int";
        case LONG -> "long";
        case DOUBLE -> "double";
        case CHOICE -> "string";
      };
      out.append("| ").append(key.key()).append(" | ").append(key.column()).append(" | ")
          .append(code(type)).append(" nullable |\n");
    }
    out.append("\n").append("""
        scaling_fit carries four more columns, between its own and the sweep's. Its fits along \
        the width (kinds all, wide, local; forms power and offset), one set per setting, have \
        axis `width`. Its fits along a swept axis (a key with two or more values, all > 0; a \
        zipped axis is named by its first key) are made at each width and each value of the \
        other swept keys: form power, median loss ~ prefactor * x^-alpha over the axis's values \
        x, kind `all` over every value with ok networks and `local` between consecutive values, \
        with the same bootstrap (seeds resampled within each value). In those rows width_min = \
        width_max is the width, widths is 1, and the axis's own columns are null. When \
        data.points is such an axis, each value of the other swept keys also has one row of form \
        `joint` (axis `width,data.points`, kind `all`): offset + prefactor * N^-alpha + \
        data_prefactor * D^-beta over every (width N, data.points D) cell with ok networks \
        (stats.JointLawFit; at least six cells, two widths and two values of D), seeds \
        resampled within each cell, with the selection among that law, offset + prefactor * \
        N^-alpha, offset + data_prefactor * D^-beta and prefactor * N^-alpha * D^-beta \
        (stats.LawSelection.joint). Its width columns span the grid's widths, its axis columns \
        data.points's values, and data.points's own column is null.

        | column | type | meaning |
        |---|---|---|
        """);
    for (TableColumn c : ResultTables.SCALING_FIT.sweptColumns()) {
      out.append("| ").append(c.name()).append(" | ").append(code(c.type())).append(" | ")
          .append(c.meaning().replace("|", "\\|")).append(" |\n");
    }
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
