package org.lotteryscaling.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.report.ReportData;
import org.lotteryscaling.tables.LossSummaryRow;
import org.lotteryscaling.tables.ResultTables;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TableColumn;

/**
 * Rows are written and read by column name: every column of every table, written from a record
 * whose components all differ, reads back as the component of its name, through both ways the
 * jobs hand rows to Spark (an RDD, and a flatMap with a Row encoder); the schemas are those of the
 * tables already written; and a table whose columns are stored in another order still reads right.
 */
class RowCodecTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = Spark.session("row-codec-test", "local[1]");
  }

  @Test
  void theSchemasAreThoseOfTheTablesAlreadyWritten() throws IOException {
    Map<String, String> stored = new LinkedHashMap<>();
    try (InputStream in = RowCodecTest.class.getResourceAsStream("table-schemas.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        stored.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1));
      }
    }
    assertEquals(List.copyOf(stored.keySet()), ResultTables.ALL.stream().map(Table::name).toList());
    for (Table<?> t : ResultTables.ALL) {
      assertEquals(stored.get(t.name()), RowCodec.schema(t).json(), t.name());
    }
  }

  @Test
  void everyColumnReadsBackAsTheComponentOfItsName() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    for (Table<?> t : ResultTables.ALL) {
      Record record = distinctValues(t.rowType());
      Row encoded = RowCodec.encode(record);
      List<Row> rows = List.of(encoded);
      Dataset<Row> viaRdd = spark.createDataFrame(jsc.parallelize(rows, 1), RowCodec.schema(t));
      Dataset<Row> viaEncoder = spark.createDataFrame(List.of(RowFactory.create()),
          new StructType()).flatMap(
              (org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) ignored ->
                  List.of(encoded).iterator(),
              Encoders.row(RowCodec.schema(t)));
      List<Row> back = viaRdd.union(viaEncoder).collectAsList();
      assertEquals(2, back.size(), t.name());
      for (Row row : back) {
        for (RecordComponent c : t.rowType().getRecordComponents()) {
          String column = TableColumn.of(c).name();
          assertSame(component(c, record), row.get(row.fieldIndex(column)), t.name() + "." + column);
        }
        assertEqualRecords(record, RowCodec.decode(row, t.rowType()));
      }
    }
  }

  @Test
  void aTableWithTwoDoubleColumnsStoredInAnotherOrderReadsByName() {
    LossSummaryRow written = (LossSummaryRow) distinctValues(LossSummaryRow.class);
    Dataset<Row> frame = spark.createDataFrame(List.of(RowCodec.encode(written)),
        RowCodec.schema(ResultTables.LOSS_SUMMARY));
    List<String> swapped = new ArrayList<>(ResultTables.LOSS_SUMMARY.columnNames());
    int q25 = swapped.indexOf("loss_q25");
    int q75 = swapped.indexOf("loss_q75");
    swapped.set(q25, "loss_q75");
    swapped.set(q75, "loss_q25");
    Row row = frame.select(swapped.stream().map(functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList().get(0);
    assertNotEquals(written.lossQ25(), row.getDouble(q25), "by position the columns are swapped");
    LossSummaryRow read = RowCodec.decode(row, LossSummaryRow.class);
    assertEqualRecords(written, read);
    ReportData.LossSummary report = RowCodec.decode(row, ReportData.LossSummary.class);
    assertEquals(written.lossQ25(), report.q25(), 0);
    assertEquals(written.lossMedian(), report.median(), 0);
    assertEquals(written.lossQ75(), report.q75(), 0);
  }

  @Test
  void nullsReadAsNullInBoxedComponentsAndAsNaNOrMinusOneInPrimitiveOnes() {
    LossSummaryRow empty = new LossSummaryRow("cos", "silu", 2, 5, 0, 5, null, null, null, null,
        null, null, null, null, null);
    Row row = spark.createDataFrame(List.of(RowCodec.encode(empty)),
        RowCodec.schema(ResultTables.LOSS_SUMMARY)).collectAsList().get(0);
    assertTrue(row.isNullAt(row.fieldIndex("loss_median")));
    assertNull(RowCodec.decode(row, LossSummaryRow.class).lossMedian());
    assertTrue(Double.isNaN(RowCodec.decode(row, ReportData.LossSummary.class).median()));
  }

  /** A record of {@code type} whose components all hold different values (booleans alternate). */
  static Record distinctValues(Class<? extends Record> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int k = 0; k < components.length; k++) {
      types[k] = components[k].getType();
      values[k] = valueOf(types[k], k);
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object valueOf(Class<?> type, int k) {
    if (type == String.class) {
      return "text" + k;
    }
    if (type == int.class || type == Integer.class) {
      return 100 + k;
    }
    if (type == long.class || type == Long.class) {
      return 1_000_000_000_000L + k;
    }
    if (type == double.class || type == Double.class) {
      return k + 0.25;
    }
    if (type == boolean.class || type == Boolean.class) {
      return k % 2 == 0;
    }
    if (type == double[].class) {
      return new double[] {k + 0.5, -k - 0.75};
    }
    if (type == long[].class) {
      return new long[] {2_000_000_000_000L + k};
    }
    if (type == int[].class) {
      return new int[] {200 + k, 300 + k};
    }
    throw new IllegalArgumentException("no value for " + type);
  }

  private static Object component(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored cell equals the component's value (arrays element by element). */
  private static void assertSame(Object expected, Object stored, String what) {
    if (expected instanceof double[] xs) {
      assertArrayEquals(xs, ((List<?>) asList(stored)).stream()
          .mapToDouble(x -> (Double) x).toArray(), what);
    } else if (expected instanceof long[] xs) {
      assertArrayEquals(xs, ((List<?>) asList(stored)).stream().mapToLong(x -> (Long) x).toArray(),
          what);
    } else if (expected instanceof int[] xs) {
      assertArrayEquals(xs, ((List<?>) asList(stored)).stream().mapToInt(x -> (Integer) x).toArray(),
          what);
    } else {
      assertEquals(expected, stored, what);
    }
  }

  private static List<?> asList(Object stored) {
    return scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) stored);
  }

  private static void assertEqualRecords(Record expected, Record actual) {
    for (RecordComponent c : expected.getClass().getRecordComponents()) {
      Object e = component(c, expected);
      Object a = component(c, actual);
      if (e != null && e.getClass().isArray()) {
        assertTrue(Arrays.deepEquals(new Object[] {e}, new Object[] {a}), c.getName());
      } else {
        assertEquals(e, a, c.getName());
      }
    }
  }
}
