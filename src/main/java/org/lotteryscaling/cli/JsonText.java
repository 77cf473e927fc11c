package org.lotteryscaling.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The command line's JSON (Jackson): plain values, written compactly. Numbers as Java prints
 * them (Double.toString: every double round-trips); non-finite numbers, which JSON lacks, as null.
 */
final class JsonText {
  private JsonText() {}

  private static final JsonFactory FACTORY = JsonMapper.builder().build().getFactory();

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /**
   * Any plain value: null, String, Boolean, a number, double[], int[], double[][], a List (array)
   * or a Map (object, keys as strings), nested freely; anything else as its string.
   */
  static String of(Object value) {
    return text(g -> write(g, value));
  }

  /** One object of the given keys and values, in order (a key may repeat, as SQL columns may). */
  static String object(List<String> keys, List<?> values) {
    return text(g -> {
      g.writeStartObject();
      for (int i = 0; i < keys.size(); i++) {
        g.writeFieldName(keys.get(i));
        write(g, values.get(i));
      }
      g.writeEndObject();
    });
  }

  private static String text(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Object x) throws IOException {
    if (x == null) {
      g.writeNull();
    } else if (x instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (x instanceof Double || x instanceof Float) {
      number(g, ((Number) x).doubleValue());
    } else if (x instanceof Long || x instanceof Integer || x instanceof Short || x instanceof Byte) {
      g.writeNumber(((Number) x).longValue());
    } else if (x instanceof double[] xs) {
      g.writeStartArray();
      for (double v : xs) {
        number(g, v);
      }
      g.writeEndArray();
    } else if (x instanceof int[] xs) {
      g.writeArray(xs, 0, xs.length);
    } else if (x instanceof double[][] rows) {
      g.writeStartArray();
      for (double[] row : rows) {
        write(g, row);
      }
      g.writeEndArray();
    } else if (x instanceof List<?> list) {
      g.writeStartArray();
      for (Object element : list) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (x instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      g.writeString(x.toString());
    }
  }

  private static void number(JsonGenerator g, double x) throws IOException {
    if (Double.isFinite(x)) {
      g.writeNumber(x);
    } else {
      g.writeNull();
    }
  }
}
