package org.lotteryscaling.results;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.lotteryscaling.tables.Table;
import org.lotteryscaling.tables.TableColumn;
import org.lotteryscaling.task.Setting;
import org.lotteryscaling.task.SettingKey;
import org.lotteryscaling.task.Sweep;

/**
 * Spark rows of the result tables, from and to their row records ({@link Table}): the schema is
 * derived from the record, a record is written as a row in that schema, and a row is read into a
 * record (the table's own or a projection of some columns) column by column, by name, never by
 * position. Read nulls: a boxed component gets null; a primitive double NaN, int and long -1,
 * boolean false; a string "" and an array an empty one.
 */
public final class RowCodec {
  private RowCodec() {}

  /** The Spark schema of {@code table}: every column nullable, array elements never null. */
  public static StructType schema(Table<?> table) {
    return schema(table.columns());
  }

  /** The Spark schema of {@code table} in an experiment of {@code sweep} ({@link Table#columns(Sweep)}). */
  public static StructType schema(Table<?> table, Sweep sweep) {
    return schema(table.columns(sweep));
  }

  private static StructType schema(List<TableColumn> columns) {
    StructField[] fields = new StructField[columns.size()];
    for (int k = 0; k < fields.length; k++) {
      TableColumn c = columns.get(k);
      fields[k] = DataTypes.createStructField(c.name(), dataType(c), true);
    }
    return new StructType(fields);
  }

  /** The Spark type of a column. */
  public static DataType dataType(TableColumn column) {
    return switch (column.type()) {
      case "string" -> DataTypes.StringType;
      case "int" -> DataTypes.IntegerType;
      case "long" -> DataTypes.LongType;
      case "double" -> DataTypes.DoubleType;
      case "boolean" -> DataTypes.BooleanType;
      case "array<double>" -> DataTypes.createArrayType(DataTypes.DoubleType, false);
      case "array<long>" -> DataTypes.createArrayType(DataTypes.LongType, false);
      case "array<int>" -> DataTypes.createArrayType(DataTypes.IntegerType, false);
      default -> throw new IllegalStateException("no Spark type for " + column.type());
    };
  }

  /** Whether a stored column's type is the column's (nullability aside). */
  static boolean sameType(DataType stored, TableColumn column) {
    DataType expected = dataType(column);
    if (stored instanceof ArrayType a && expected instanceof ArrayType e) {
      return a.elementType().equals(e.elementType());
    }
    return stored.equals(expected);
  }

  /**
   * The row of {@code table}'s schema holding {@code record}'s components. Arrays go in boxed:
   * Spark encodes array columns of rows built on executors (an RDD, a flatMap with a Row
   * encoder) from Java arrays or Scala sequences, not from primitive arrays or Lists.
   */
  public static Row encode(Record record) {
    Shape shape = SHAPES.get(record.getClass());
    Object[] values = new Object[shape.accessors.length];
    for (int k = 0; k < values.length; k++) {
      values[k] = boxed(get(shape.accessors[k], record));
    }
    return RowFactory.create(values);
  }

  /**
   * The row of {@code table} in an experiment of {@code sweep} ({@link Table#columns(Sweep)}):
   * {@code row}'s components, then the setting's value of each swept key (null where the setting
   * has none). Without a sweep, {@code row} alone. For a table without swept columns.
   */
  public static Row encode(Table<?> table, Sweep sweep, Setting setting, Record row) {
    return encode(table, sweep, setting, row, null);
  }

  /**
   * As above, with {@code swept}'s components (of the table's {@link Table#sweptRowType}, such as
   * scaling_fit's {@code FitAxis}) between the row's and the setting's when there is a sweep.
   */
  public static Row encode(Table<?> table, Sweep sweep, Setting setting, Record row,
      Record swept) {
    if (row.getClass() != table.rowType()) {
      throw new IllegalArgumentException(table.name() + " holds " + table.rowType().getName()
          + ", not " + row.getClass().getName());
    }
    if (sweep.isEmpty()) {
      return encode(row);
    }
    if ((swept == null ? null : swept.getClass()) != table.sweptRowType()) {
      throw new IllegalArgumentException(table.name() + " in a sweep carries "
          + table.sweptRowType() + ", not " + (swept == null ? null : swept.getClass()));
    }
    List<Object> values = new ArrayList<>();
    for (Record part : swept == null ? new Record[] {row} : new Record[] {row, swept}) {
      Row encoded = encode(part);
      for (int i = 0; i < encoded.length(); i++) {
        values.add(encoded.get(i));
      }
    }
    for (SettingKey key : sweep.keys()) {
      values.add(SweepColumns.stored(key, setting.value(key)));
    }
    return RowFactory.create(values.toArray());
  }

  /** The record of {@code type} whose components are read from {@code row} by column name. */
  public static <T extends Record> T decode(Row row, Class<T> type) {
    Shape shape = SHAPES.get(type);
    Object[] values = new Object[shape.types.length];
    for (int k = 0; k < values.length; k++) {
      values[k] = value(row, row.fieldIndex(shape.columns[k]), shape.types[k], shape.columns[k]);
    }
    try {
      return type.cast(shape.canonical.newInstance(values));
    } catch (InvocationTargetException e) {
      throw rethrown(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  /**
   * A record class's accessors, column names, component types and canonical constructor, found
   * once per class: encode runs once per row on the executors, decode once per row read.
   */
  private record Shape(Method[] accessors, String[] columns, Class<?>[] types,
      Constructor<?> canonical) {}

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      String[] columns = new String[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int k = 0; k < components.length; k++) {
        accessors[k] = components[k].getAccessor();
        columns[k] = TableColumn.of(components[k]).name();
        types[k] = components[k].getType();
      }
      try {
        return new Shape(accessors, columns, types, type.getDeclaredConstructor(types));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
      }
    }
  };

  private static Object value(Row row, int i, Class<?> type, String column) {
    if (row.isNullAt(i)) {
      return nullAs(type);
    }
    if (type.isArray()) {
      List<Object> xs = row.getList(i);
      if (type == double[].class) {
        double[] out = new double[xs.size()];
        for (int k = 0; k < out.length; k++) {
          out[k] = ((Number) xs.get(k)).doubleValue();
        }
        return out;
      }
      if (type == long[].class) {
        return xs.stream().mapToLong(x -> ((Number) x).longValue()).toArray();
      }
      return xs.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
    }
    Object v = row.get(i);
    if (type == String.class) {
      return (String) v;
    }
    if (type == boolean.class || type == Boolean.class) {
      return (Boolean) v;
    }
    // Numbers widen (an int column read into a long component); they never narrow.
    Number n = (Number) v;
    if (type == int.class || type == Integer.class) {
      return (Integer) n;
    }
    if (type == long.class || type == Long.class) {
      return n.longValue();
    }
    if (type == double.class || type == Double.class) {
      return n.doubleValue();
    }
    throw new IllegalStateException("column " + column + ": no reading into " + type);
  }

  private static Object nullAs(Class<?> type) {
    if (type == double.class) {
      return Double.NaN;
    }
    if (type == int.class) {
      return -1;
    }
    if (type == long.class) {
      return -1L;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == String.class) {
      return "";
    }
    if (type == double[].class) {
      return new double[0];
    }
    if (type == long[].class) {
      return new long[0];
    }
    if (type == int[].class) {
      return new int[0];
    }
    return null;
  }

  private static Object boxed(Object value) {
    if (value instanceof double[] xs) {
      Double[] out = new Double[xs.length];
      for (int k = 0; k < xs.length; k++) {
        out[k] = xs[k];
      }
      return out;
    }
    if (value instanceof long[] xs) {
      Long[] out = new Long[xs.length];
      for (int k = 0; k < xs.length; k++) {
        out[k] = xs[k];
      }
      return out;
    }
    if (value instanceof int[] xs) {
      Integer[] out = new Integer[xs.length];
      for (int k = 0; k < xs.length; k++) {
        out[k] = xs[k];
      }
      return out;
    }
    return value;
  }

  private static Object get(Method accessor, Record record) {
    try {
      return accessor.invoke(record);
    } catch (InvocationTargetException e) {
      throw rethrown(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + accessor, e);
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(cause);
  }
}
