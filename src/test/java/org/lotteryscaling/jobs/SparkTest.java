package org.lotteryscaling.jobs;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparkTest {

  @Test
  void javaVersionsSparkRunsOnAreAccepted() {
    assertDoesNotThrow(() -> Spark.requireSupportedJava(17));
    assertDoesNotThrow(() -> Spark.requireSupportedJava(21));
  }

  @Test
  void newerJavaIsOneLineNamingTheVersion() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Spark.requireSupportedJava(25));
    assertTrue(e.getMessage().contains("Java 25"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
