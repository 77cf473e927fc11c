package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.lotteryscaling.report.ReportTables;

/**
 * The report reads tables by the names in ReportTables; the jobs write them with the schemas in
 * Tables. Every name the report uses must be a table or a column that some job writes, so a
 * renamed column fails here rather than as a silently skipped figure.
 */
class ReportTablesDriftTest {

  @Test
  void everyTableAndColumnTheReportReadsIsWrittenByAJob() throws IllegalAccessException {
    Set<String> written = new HashSet<>(Tables.SCHEMAS.keySet());
    written.addAll(Tables.MECHANISM_TABLES.keySet());
    List<StructType> schemas = new ArrayList<>(Tables.SCHEMAS.values());
    schemas.addAll(Tables.MECHANISM_TABLES.values());
    for (StructType schema : schemas) {
      for (StructField f : schema.fields()) {
        written.add(f.name());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Field field : ReportTables.class.getFields()) {
      boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
      // cell values (verdicts, fit kinds, the paper's main target and activation) are data, not names
      boolean value = field.getName().startsWith("VERDICT_") || field.getName().startsWith("FIT_KIND_")
          || field.getName().startsWith("MAIN_");
      if (constant && !value) {
        String name = (String) field.get(null);
        if (!written.contains(name)) {
          missing.add(field.getName() + " = " + name);
        }
      }
    }
    assertTrue(missing.isEmpty(), "names the report reads that no job writes: " + missing);
  }
}
