package org.lotteryscaling.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.UserError;

/**
 * Spark SQL over a results folder: every table registered as a view under its name, the query's
 * result collected to the driver as plain Java values (String, Integer, Long, Double, Boolean, ...;
 * arrays as List, structs and maps as Map; SQL null as null).
 */
public final class SqlQuery {
  private SqlQuery() {}

  /** A query's result: column names and rows of plain Java values. */
  public record Result(List<String> columns, List<List<Object>> rows, List<String> views) {}

  public static Result run(String master, String dir, String sql) {
    return run(Spark.session("lottery-sql", master), dir, sql);
  }

  public static Result run(SparkSession spark, String dir, String sql) {
    List<String> views = ResultsFolder.open(spark, dir).registerViews();
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
    return new Result(columns, values, views);
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
