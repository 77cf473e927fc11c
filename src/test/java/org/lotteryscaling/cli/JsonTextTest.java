package org.lotteryscaling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the command line printed before Jackson (cli/Json), byte for byte. */
class JsonTextTest {

  @Test
  void numbersAreJavasShortestRoundTripAndNonFiniteIsNull() {
    assertEquals("[0.1,1.0E-10,-2.5,1.7976931348623157E308,4.9E-324,null,null,null,-0.0]",
        JsonText.of(new double[] {0.1, 1e-10, -2.5, Double.MAX_VALUE, Double.MIN_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0}));
    // A float is widened as before (its double value), not printed as Float.toString.
    assertEquals("[0.10000000149011612,3,9223372036854775807,true,null]",
        JsonText.of(Arrays.asList(0.1f, 3, Long.MAX_VALUE, true, null)));
    assertEquals("[[1.0,2.0],[3.0]]", JsonText.of(new double[][] {{1, 2}, {3}}));
    assertEquals("[1,2]", JsonText.of(new int[] {1, 2}));
  }

  @Test
  void stringsEscapeQuotesBackslashesAndNewlinesAndKeepUnicode() {
    assertEquals("\"a \\\"b\\\" c\\\\d\\ne é ✓\"", JsonText.of("a \"b\" c\\d\ne é ✓"));
    assertEquals("\"x/y\"", JsonText.of("x/y"));
    assertEquals("\"1.50\"", JsonText.of(new java.math.BigDecimal("1.50"))); // other types: their string
  }

  @Test
  void objectsKeepTheirOrderNestingAndRepeatedKeys() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", List.of(1L, 2L));
    inner.put("a", Map.of("k", "v"));
    assertEquals("{\"z\":[1,2],\"a\":{\"k\":\"v\"}}", JsonText.of(inner));
    assertEquals("{\"x\":1,\"x\":\"two\",\"m\":{\"z\":[1,2],\"a\":{\"k\":\"v\"}}}",
        JsonText.object(List.of("x", "x", "m"), List.of(1, "two", inner)));
  }
}
