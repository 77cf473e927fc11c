package org.lotteryscaling.cli;

import java.util.Locale;

/** Just enough JSON writing for the command line's machine-readable output. */
final class Json {
  private final StringBuilder out = new StringBuilder();
  private boolean needComma;

  Json begin() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  Json end() {
    out.append('}');
    needComma = true;
    return this;
  }

  Json key(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  Json value(String s) {
    comma();
    string(s);
    needComma = true;
    return this;
  }

  /** Non-finite numbers have no JSON form: they are written as null. */
  Json value(double x) {
    comma();
    out.append(Double.isFinite(x) ? Double.toString(x) : "null");
    needComma = true;
    return this;
  }

  Json value(long x) {
    comma();
    out.append(x);
    needComma = true;
    return this;
  }

  Json array(double[] xs) {
    comma();
    out.append('[');
    needComma = false;
    for (double x : xs) {
      value(x);
    }
    out.append(']');
    needComma = true;
    return this;
  }

  Json array(int[] xs) {
    comma();
    out.append('[');
    needComma = false;
    for (int x : xs) {
      value(x);
    }
    out.append(']');
    needComma = true;
    return this;
  }

  Json array(double[][] rows) {
    comma();
    out.append('[');
    needComma = false;
    for (double[] row : rows) {
      array(row);
    }
    out.append(']');
    needComma = true;
    return this;
  }

  /**
   * Any plain value: null, String, Boolean, a number, a List (array) or a Map with String keys
   * (object), nested freely; anything else as its string.
   */
  Json any(Object x) {
    if (x == null || x instanceof Boolean) {
      comma();
      out.append(x);
      needComma = true;
    } else if (x instanceof Double || x instanceof Float) {
      value(((Number) x).doubleValue());
    } else if (x instanceof Long || x instanceof Integer || x instanceof Short || x instanceof Byte) {
      value(((Number) x).longValue());
    } else if (x instanceof java.util.List<?> list) {
      comma();
      out.append('[');
      needComma = false;
      for (Object element : list) {
        any(element);
      }
      out.append(']');
      needComma = true;
    } else if (x instanceof java.util.Map<?, ?> map) {
      begin();
      for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
        key(String.valueOf(e.getKey())).any(e.getValue());
      }
      end();
    } else {
      value(x.toString());
    }
    return this;
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (ch < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
