package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotteryscaling.results.DeltaTables;
import org.lotteryscaling.results.Spark;
import org.lotteryscaling.results.StorageFolder;

/**
 * The notebooks in notebooks/: committed without outputs, their Spark SQL statements (every
 * {@code spark.sql("""...""")}) run against a real results folder, their Python compiles.
 */
class NotebookTest {
  static final Path NOTEBOOKS = Path.of("notebooks");
  static final Pattern SQL = Pattern.compile("spark\\.sql\\(\\s*\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  static final List<String> REQUIRED = List.of("scaling_law.ipynb", "histograms_and_synergy.ipynb",
      "mechanisms.ipynb");

  @Test
  void theNotebooksAreNbformat4Python3WithoutOutputs() throws IOException {
    List<Path> books = notebooks();
    for (String name : REQUIRED) {
      assertTrue(books.contains(NOTEBOOKS.resolve(name)), "missing notebook " + name);
    }
    for (Path book : books) {
      JsonNode nb = new ObjectMapper().readTree(book.toFile());
      assertEquals(4, nb.get("nbformat").asInt(), book.toString());
      assertEquals("python3", nb.path("metadata").path("kernelspec").path("name").asText(), book.toString());
      for (JsonNode cell : nb.get("cells")) {
        if (cell.get("cell_type").asText().equals("code")) {
          assertTrue(cell.get("outputs").isEmpty(), book + ": a code cell has outputs");
          assertTrue(cell.get("execution_count").isNull(), book + ": a code cell was executed");
        }
      }
    }
  }

  /**
   * Runs against the fixture's folder, or against {@code -Dlottery.results=DIR} (a folder written
   * by the real jobs; there a query may rightly return no rows, so only that it runs is checked).
   */
  @Test
  void everySparkSqlStatementRunsAgainstARealResultsFolderAndReturnsRows() throws IOException {
    SparkSession spark = Spark.session("notebook-test", "local[2]");
    String given = System.getProperty("lottery.results");
    Path results = given == null ? ReportFixture.folder() : Path.of(given);
    try (Stream<Path> tables = Files.list(results)) {
      tables.filter(Files::isDirectory).filter(t -> !t.getFileName().toString().equals(ReportJob.REPORT_DIR))
          .forEach(t -> DeltaTables.read(spark, StorageFolder.of(t.toString()), null)
              .createOrReplaceTempView(t.getFileName().toString()));
    }
    int statements = 0;
    for (Path book : notebooks()) {
      List<String> sql = sqlOf(book);
      assertTrue(sql.size() >= 3, book + " has " + sql.size() + " Spark SQL statements");
      for (String statement : sql) {
        long rows = spark.sql(statement).count();
        assertTrue(rows > 0 || given != null, book + ": no rows from\n" + statement);
        statements++;
      }
    }
    assertTrue(statements >= 12, "statements run: " + statements);
  }

  @Test
  void everyCodeCellCompilesWithPython3(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("python3"), "python3 is absent from PATH: the notebooks' Python was not compiled");
    for (Path book : notebooks()) {
      Path source = dir.resolve(book.getFileName().toString().replace(".ipynb", ".py"));
      Files.writeString(source, String.join("\n\n", codeCells(book)) + "\n");
      Process p = new ProcessBuilder("python3", "-m", "py_compile", source.toString())
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "py_compile timed out");
      String output = new String(p.getInputStream().readAllBytes());
      assertEquals(0, p.exitValue(), book + " does not compile:\n" + output);
    }
  }

  static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  static List<String> codeCells(Path book) throws IOException {
    List<String> cells = new ArrayList<>();
    for (JsonNode cell : new ObjectMapper().readTree(book.toFile()).get("cells")) {
      if (cell.get("cell_type").asText().equals("code")) {
        StringBuilder source = new StringBuilder();
        cell.get("source").forEach(line -> source.append(line.asText()));
        cells.add(source.toString());
      }
    }
    return cells;
  }

  static List<String> sqlOf(Path book) throws IOException {
    List<String> statements = new ArrayList<>();
    for (String cell : codeCells(book)) {
      Matcher m = SQL.matcher(cell);
      while (m.find()) {
        statements.add(m.group(1).strip());
      }
    }
    return statements;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
