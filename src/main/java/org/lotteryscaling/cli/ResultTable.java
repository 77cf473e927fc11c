package org.lotteryscaling.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A query result as text: an aligned table for people (numbers right-aligned, doubles to 6
 * significant digits), CSV (RFC 4180, full precision) or JSON Lines (one object per row, full
 * precision, non-finite numbers as null).
 */
final class ResultTable {
  enum Format { TABLE, CSV, JSON }

  private final List<String> columns;
  private final List<List<Object>> rows;

  ResultTable(List<String> columns, List<List<Object>> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  String render(Format format) {
    return switch (format) {
      case TABLE -> aligned();
      case CSV -> csv();
      case JSON -> jsonLines();
    };
  }

  private String aligned() {
    int n = columns.size();
    int[] widths = new int[n];
    boolean[] numeric = new boolean[n];
    List<String[]> cells = new ArrayList<>(rows.size());
    for (int c = 0; c < n; c++) {
      widths[c] = columns.get(c).length();
      numeric[c] = true;
    }
    for (List<Object> row : rows) {
      String[] line = new String[n];
      for (int c = 0; c < n; c++) {
        Object v = row.get(c);
        line[c] = human(v);
        widths[c] = Math.max(widths[c], line[c].length());
        numeric[c] &= v == null || v instanceof Number;
      }
      cells.add(line);
    }
    StringBuilder s = new StringBuilder();
    appendLine(s, columns.toArray(new String[0]), widths, numeric);
    String[] rule = new String[n];
    for (int c = 0; c < n; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    appendLine(s, rule, widths, numeric);
    for (String[] line : cells) {
      appendLine(s, line, widths, numeric);
    }
    s.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
    return s.toString();
  }

  private static void appendLine(StringBuilder s, String[] cells, int[] widths, boolean[] numeric) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        line.append("  ");
      }
      String pad = " ".repeat(widths[c] - cells[c].length());
      line.append(numeric[c] ? pad + cells[c] : cells[c] + pad);
    }
    s.append(line.toString().stripTrailing()).append('\n');
  }

  /** A value for reading: doubles to 6 significant digits, lists in brackets, null as NULL. */
  static String human(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Double || v instanceof Float) {
      return sixDigits(((Number) v).doubleValue());
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      for (Object x : list) {
        parts.add(human(x));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> parts = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        parts.add(e.getKey() + ": " + human(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    return v.toString();
  }

  static String sixDigits(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e-4 && a < 1e6) {
      return new BigDecimal(String.format(Locale.ROOT, "%.6g", x).trim()).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.5e", x);
  }

  private String csv() {
    StringBuilder s = new StringBuilder();
    csvLine(s, new ArrayList<>(columns));
    for (List<Object> row : rows) {
      csvLine(s, row);
    }
    return s.toString().stripTrailing();
  }

  private static void csvLine(StringBuilder s, List<?> values) {
    for (int c = 0; c < values.size(); c++) {
      if (c > 0) {
        s.append(',');
      }
      Object v = values.get(c);
      String text = v == null ? "" : v instanceof List<?> || v instanceof Map<?, ?>
          ? JsonText.of(v) : v.toString();
      boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
          || text.indexOf('\r') >= 0;
      s.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
    }
    s.append('\n');
  }

  private String jsonLines() {
    StringBuilder s = new StringBuilder();
    for (List<Object> row : rows) {
      s.append(JsonText.object(columns, row)).append('\n');
    }
    return s.toString().stripTrailing();
  }
}
