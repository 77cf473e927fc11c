package org.lotteryscaling.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table definitions, their column names and types, and docs/tables.md made from them. */
class ResultTablesTest {

  @Test
  void docsTablesMdIsGeneratedFromTheDefinitions() throws IOException {
    String stored = Files.readString(Path.of(TablesDoc.PATH), StandardCharsets.UTF_8);
    String generated = TablesDoc.markdown();
    if (!stored.equals(generated)) {
      List<String> a = stored.lines().toList();
      List<String> b = generated.lines().toList();
      int line = 0;
      while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
        line++;
      }
      throw new AssertionError(TablesDoc.PATH + " differs from the table definitions at line "
          + (line + 1) + "; regenerate it: mvn -q -o compile && java -cp target/classes "
          + "org.lotteryscaling.tables.TablesDoc");
    }
  }

  @Test
  void everyColumnOfEveryTableHasAMeaningAndTheDocNamesIt() {
    String doc = TablesDoc.markdown();
    Set<String> names = new HashSet<>();
    for (Table<?> t : ResultTables.ALL) {
      assertTrue(names.add(t.name()), t.name());
      assertTrue(doc.contains("\n## " + t.name() + "\n"), t.name());
      assertFalse(t.description().isBlank(), t.name());
      assertFalse(t.key().isEmpty(), t.name());
      for (TableColumn c : t.columns()) {
        assertFalse(c.meaning().isBlank(), t.name() + "." + c.name());
        assertTrue(doc.contains("| " + c.name() + " | `" + c.type() + "`"), t.name() + "." + c.name());
      }
    }
    assertEquals(14, ResultTables.ALL.size());
    assertEquals(ResultTables.TICKETS, ResultTables.named("tickets"));
  }

  @Test
  void columnNamesAreTheComponentNamesInSnakeCase() {
    assertEquals("train_loss", TableColumn.snakeCase("trainLoss"));
    assertEquals("log10_lo", TableColumn.snakeCase("log10Lo"));
    assertEquals("lowest_peak_log10", TableColumn.snakeCase("lowestPeakLog10"));
    assertEquals("w_a", TableColumn.snakeCase("wA"));
    assertEquals("pc1", TableColumn.snakeCase("pc1"));
    assertEquals(List.of("target", "activation", "width", "seed", "input_dim"),
        ResultTables.RUNS.columnNames().subList(0, 5));
  }

  @Test
  void typesAndNullability() {
    TableColumn median = ResultTables.LOSS_SUMMARY.column("loss_median");
    assertEquals("double", median.type());
    assertTrue(median.nullable());
    TableColumn curve = ResultTables.RUNS.column("curve_step");
    assertEquals("array<int>", curve.type());
    assertFalse(curve.nullable());
    assertFalse(ResultTables.RUNS.column("target").nullable());
    assertTrue(ResultTables.RUNS.column("width").readableAs(long.class));
    assertTrue(ResultTables.RUNS.column("seed").readableAs(double.class));
    assertFalse(ResultTables.RUNS.column("seed").readableAs(int.class));
    assertFalse(ResultTables.RUNS.column("w").readableAs(double.class));
  }

  record NoMeaning(@Column("a key") String key, double value) {}

  record KeyOnly(@Column("a key") String key) {}

  record Unsupported(@Column("a key") String key, @Column("a list") List<Double> values) {}

  @Test
  void aTableIsRefusedWithoutMeaningsOrWithAnUnsupportedType() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Table.of("t", NoMeaning.class, "d", "key")).getMessage().contains("value"));
    assertThrows(IllegalArgumentException.class, () -> Table.of("t", Unsupported.class, "d", "key"));
    assertThrows(IllegalArgumentException.class,
        () -> Table.of("t", KeyOnly.class, "d", "missing"));
  }
}
