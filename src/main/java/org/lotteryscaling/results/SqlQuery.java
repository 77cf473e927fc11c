package org.lotteryscaling.results;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.UserError;
import org.lotteryscaling.task.ExperimentConfig;

/**
 * Spark SQL over one or more results folders, the query's result collected to the driver as plain
 * Java values (String, Integer, Long, Double, Boolean, ...; arrays as List, structs and maps as
 * Map; SQL null as null).
 *
 * <p>Each folder's tables are views in a database of the folder's name ({@code quick.runs},
 * {@code ranges.loss_summary}). With one folder every table is also a view under its bare name,
 * as it is in the folder. With several, the bare name is the union of that table over the folders
 * that have it, by column name, with an {@code experiment} column first naming the folder each row
 * comes from; a column some folders lack (a sweep's) is null in their rows. The {@code experiments}
 * view lists each folder: its name, URI, experiment name and config hash. Folders of different
 * configs or code versions may be queried together; rows say which through {@code experiment} and,
 * in runs, {@code code_version}.
 */
public final class SqlQuery {
  private SqlQuery() {}

  /** A query's result: column names, rows of plain Java values, the views, and any notes. */
  public record Result(List<String> columns, List<List<Object>> rows, List<String> views,
      List<String> notes) {}

  /** A folder of a query and the name its tables go by: {@code name=DIR}, or DIR named by its end. */
  public record Source(String name, String uri) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("default", "global_temp", "system",
        "session", "builtin");

    public Source {
      if (!NAME.matcher(name).matches()) {
        throw new UserError("'" + name + "' is not a name for an experiment in a query (lower-case"
            + " letters, digits and _, not first a digit); write --results NAME=" + uri);
      }
      if (RESERVED.contains(name)) {
        throw new UserError("'" + name + "' is reserved by Spark SQL; name the folder with"
            + " --results NAME=" + uri);
      }
    }

    /** {@code name=DIR} when the text before the first '=' is a name, else DIR alone. */
    public static Source parse(String arg) {
      int eq = arg.indexOf('=');
      if (eq > 0 && NAME.matcher(arg.substring(0, eq)).matches()) {
        return new Source(arg.substring(0, eq), arg.substring(eq + 1));
      }
      return new Source(defaultName(arg), arg);
    }

    /** The last segment of the folder's path, lower-cased, every other character as _. */
    static String defaultName(String uri) {
      String path = uri.replaceAll("/+$", "");
      String last = path.substring(path.lastIndexOf('/') + 1);
      String name = last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
      return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }
  }

  public static Result run(String master, List<Source> sources, String sql) {
    return run(Spark.session("lottery-sql", master), sources, sql);
  }

  /** One folder, named by its end: the bare names are its tables. */
  public static Result run(SparkSession spark, String dir, String sql) {
    return run(spark, List.of(Source.parse(dir)), sql);
  }

  public static Result run(SparkSession spark, List<Source> sources, String sql) {
    requireDistinctNames(sources);
    Path catalog = temporaryFolder();
    try {
      List<String> notes = new ArrayList<>();
      List<String> views = registerViews(spark, sources, catalog, notes);
      return query(spark, sql, views, notes);
    } finally {
      deleteRecursively(catalog);
    }
  }

  private static void requireDistinctNames(List<Source> sources) {
    Set<String> seen = new HashSet<>();
    for (Source s : sources) {
      if (!seen.add(s.name())) {
        throw new UserError("two results folders are named '" + s.name() + "' in one query;"
            + " name them with --results NAME=DIR");
      }
    }
  }

  private static List<String> registerViews(SparkSession spark, List<Source> sources,
      Path catalog, List<String> notes) {
    Map<String, List<Source>> byTable = new LinkedHashMap<>();
    List<Row> experiments = new ArrayList<>();
    for (Source s : sources) {
      ResultsFolder folder = ResultsFolder.open(spark, s.uri());
      List<String> tables = folder.tables();
      if (sources.size() == 1) {
        folder.registerViews();
      }
      // A database of its own per folder, located in a temporary folder: Spark's catalog makes a
      // directory for it, which must not land in the user's working directory.
      spark.sql("DROP DATABASE IF EXISTS `" + s.name() + "` CASCADE");
      spark.sql("CREATE DATABASE `" + s.name() + "` LOCATION '"
          + catalog.resolve(s.name() + ".db").toUri() + "'");
      for (String table : tables) {
        String format = folder.isDelta(table) ? "delta" : "parquet";
        spark.sql("CREATE VIEW `" + s.name() + "`." + table + " AS SELECT * FROM " + format + ".`"
            + folder.dir().resolve(table).uri().replace("`", "``") + "`");
        byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(s);
      }
      experiments.add(experimentRow(s, folder));
    }
    List<String> views = new ArrayList<>(byTable.keySet());
    if (sources.size() > 1) {
      byTable.forEach((table, in) -> {
        if (!union(spark, table, in, notes)) {
          views.remove(table);
        }
      });
    }
    spark.createDataFrame(experiments, EXPERIMENTS).createOrReplaceTempView("experiments");
    views.add("experiments");
    for (Source s : sources) {
      for (String table : byTable.keySet()) {
        if (byTable.get(table).contains(s)) {
          views.add(s.name() + "." + table);
        }
      }
    }
    return views;
  }

  private static final StructType EXPERIMENTS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("experiment", DataTypes.StringType, false),
      DataTypes.createStructField("folder", DataTypes.StringType, false),
      DataTypes.createStructField("name", DataTypes.StringType, true),
      DataTypes.createStructField("config_hash", DataTypes.StringType, true)));

  private static Row experimentRow(Source s, ResultsFolder folder) {
    if (!ExperimentFolder.exists(folder.dir())) {
      return RowFactory.create(s.name(), folder.dir().uri(), null, null);
    }
    ExperimentConfig config = ExperimentFolder.read(folder.dir());
    return RowFactory.create(s.name(), folder.dir().uri(), config.name(), config.hash());
  }

  /** The view {@code table} over the folders {@code in}; false, with a note, when they clash. */
  private static boolean union(SparkSession spark, String table, List<Source> in,
      List<String> notes) {
    Dataset<Row> all = null;
    try {
      for (Source s : in) {
        Dataset<Row> rows = spark.table("`" + s.name() + "`." + table)
            .select(Stream.concat(Stream.of(lit(s.name()).as("experiment")),
                Stream.of(col("*"))).toArray(Column[]::new));
        all = all == null ? rows : all.unionByName(rows, true);
      }
      all.createOrReplaceTempView(table);
      return true;
    } catch (Exception e) {
      if (!(e instanceof SparkThrowable)) {
        throw e;
      }
      notes.add("no view " + table + " over every folder (" + SparkErrors.firstLine(e)
          + "); query each folder's, e.g. " + in.get(0).name() + "." + table);
      return false;
    }
  }

  private static Result query(SparkSession spark, String sql, List<String> views,
      List<String> notes) {
    Dataset<Row> result;
    List<Row> rows;
    try {
      result = spark.sql(sql);
      rows = result.collectAsList();
    } catch (Exception e) {
      if (e instanceof SparkThrowable) {
        throw new UserError(SparkErrors.firstLine(e), e); // the query is the user's
      }
      throw e;
    }
    StructType schema = result.schema();
    List<String> columns = List.of(schema.fieldNames());
    List<List<Object>> values = new ArrayList<>(rows.size());
    for (Row row : rows) {
      values.add(values(row, schema));
    }
    return new Result(columns, values, views, notes);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("lottery-sql-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary folder for the query's catalog", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the query's answer is not lost for it.
    }
  }

  private static List<Object> values(Row row, StructType schema) {
    StructField[] fields = schema.fields();
    List<Object> out = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      out.add(row.isNullAt(i) ? null : value(row, i, fields[i].dataType()));
    }
    return out;
  }

  private static Object value(Row row, int i, DataType type) {
    if (type instanceof ArrayType array) {
      List<Object> out = new ArrayList<>();
      for (Object element : row.getList(i)) {
        out.add(element instanceof Row r ? struct(r, (StructType) array.elementType()) : element);
      }
      return out;
    }
    if (type instanceof StructType struct) {
      return struct(row.getStruct(i), struct);
    }
    if (type instanceof MapType) {
      return new LinkedHashMap<>(row.getJavaMap(i));
    }
    return row.get(i);
  }

  private static Map<String, Object> struct(Row row, StructType schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Object> fieldValues = values(row, schema);
    for (int i = 0; i < schema.fields().length; i++) {
      out.put(schema.fields()[i].name(), fieldValues.get(i));
    }
    return out;
  }
}
