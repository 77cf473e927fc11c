package org.lotteryscaling.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class TargetExpressionTest {
  /** [-2, 2] in steps of 1/1024 (exact in binary), plus the signed zeros and tiny values. */
  private static final double[] GRID = grid();

  private static double[] grid() {
    int steps = 4 * 1024;
    double[] grid = new double[steps + 1 + 4];
    for (int i = 0; i <= steps; i++) {
      grid[i] = -2.0 + i / 1024.0;
    }
    grid[steps + 1] = -0.0;
    grid[steps + 2] = Double.MIN_VALUE;
    grid[steps + 3] = -Double.MIN_VALUE;
    grid[steps + 4] = 1e-300;
    return grid;
  }

  private static double at(TargetExpression f, double x) {
    return f.apply(new double[] {x}, 0);
  }

  private static void assertSameBits(double expected, double actual, String where) {
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
        where + ": expected " + expected + ", got " + actual);
  }

  private static String message(String text) {
    return assertThrows(IllegalArgumentException.class, () -> TargetExpression.parse(text))
        .getMessage();
  }

  // ---------------------------------------------------------------------------------------------
  // The named targets

  @Test
  void everyOneVariableTargetWrittenAsAnExpressionGivesTheSameBitsOnTheGrid() {
    Map<String, String> written = new LinkedHashMap<>();
    written.put("x2", "x^2");
    written.put("x3", "x^3");
    written.put("x4", "x^4");
    written.put("sin", "sin(x)");
    written.put("cos", "cos(x)");
    written.put("exp", "exp(x)");
    written.put("sin2", "sin(x)^2");
    written.put("expx2", "exp(x^2)");
    written.put("relu", "max(x, 0)");
    written.put("tanh", "tanh(x)");
    for (Map.Entry<String, String> entry : written.entrySet()) {
      Target named = Target.parse(entry.getKey());
      TargetExpression expression = TargetExpression.parse(entry.getValue());
      assertEquals(named.dimension(), expression.dimension(), entry.getValue());
      // One array with a guard value on each side, so an offset mistake would read the guard.
      double[] point = {Double.NaN, 0.0, Double.NaN};
      for (double x : GRID) {
        point[1] = x;
        assertSameBits(named.apply(point, 1), expression.apply(point, 1),
            entry.getValue() + " at " + x);
      }
    }
  }

  @Test
  void everyProductTargetWrittenAsAnExpressionGivesTheSameBitsAtRandomPoints() {
    Random random = new Random(20261207);
    for (int d = 2; d <= 5; d++) {
      StringBuilder text = new StringBuilder("x1");
      for (int i = 2; i <= d; i++) {
        text.append(" * x").append(i);
      }
      Target named = Target.parse("mul" + d);
      TargetExpression expression = TargetExpression.parse(text.toString());
      assertEquals(d, expression.dimension(), text.toString());
      int points = 5000;
      double[] flat = new double[points * d];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = -2.0 + 4.0 * random.nextDouble();
      }
      for (int p = 0; p < points; p++) {
        assertSameBits(named.apply(flat, p * d), expression.apply(flat, p * d), text + " #" + p);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Precedence, associativity, constants

  @Test
  void precedenceAndAssociativityMatchHandComputedValues() {
    Map<String, Double> cases = new LinkedHashMap<>();
    cases.put("2^3^2", 512.0);
    cases.put("(2^3)^2", 64.0);
    cases.put("-2^2", -4.0);
    cases.put("(-2)^2", 4.0);
    cases.put("1-2-3", -4.0);
    cases.put("1-(2-3)", 2.0);
    cases.put("8/4/2", 1.0);
    cases.put("8/(4/2)", 4.0);
    cases.put("10/2*5", 25.0);
    cases.put("2+3*4", 14.0);
    cases.put("(2+3)*4", 20.0);
    cases.put("2*3^2", 18.0);
    cases.put("2^-1", 0.5);
    cases.put("2^-1^2", 0.5);
    cases.put("--3", 3.0);
    cases.put("2*-3", -6.0);
    cases.put("1--1", 2.0);
    cases.put("-3+5", 2.0);
    cases.put("-(3+5)", -8.0);
    cases.put(" \t1 +\n 2 ", 3.0);
    cases.put("2.5e-1*4", 1.0);
    cases.put("2.5E+2", 250.0);
    cases.put(".5+1.", 1.5);
    cases.put("2*pi", 2 * StrictMath.PI);
    cases.put("e", StrictMath.E);
    cases.put("pi^2", StrictMath.PI * StrictMath.PI);
    for (Map.Entry<String, Double> entry : cases.entrySet()) {
      TargetExpression expression = TargetExpression.parse(entry.getKey());
      assertSameBits(entry.getValue(), at(expression, 99.0), entry.getKey());
      assertEquals(1, expression.dimension(), entry.getKey());
    }
  }

  @Test
  void unaryMinusBindsLooserThanPowerButTighterThanProducts() {
    TargetExpression negatedSquare = TargetExpression.parse("-x^2");
    TargetExpression negatedProduct = TargetExpression.parse("-x*3");
    for (double x : new double[] {-3.0, -0.5, 0.0, 2.0}) {
      assertSameBits(-(x * x), at(negatedSquare, x), "-x^2 at " + x);
      assertSameBits((-x) * 3.0, at(negatedProduct, x), "-x*3 at " + x);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Functions and powers

  @Test
  void everyFunctionIsItsStrictMathCounterpartBitForBit() {
    Map<String, DoubleUnaryOperator> unary = new LinkedHashMap<>();
    unary.put("sin", StrictMath::sin);
    unary.put("cos", StrictMath::cos);
    unary.put("tan", StrictMath::tan);
    unary.put("exp", StrictMath::exp);
    unary.put("log", StrictMath::log);
    unary.put("sqrt", StrictMath::sqrt);
    unary.put("abs", StrictMath::abs);
    unary.put("tanh", StrictMath::tanh);
    double[] specials = {
      0.0, -0.0, 1e-300, 700.0, 1e300, -1e300, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, StrictMath.PI / 2, -7.25
    };
    for (Map.Entry<String, DoubleUnaryOperator> entry : unary.entrySet()) {
      TargetExpression expression = TargetExpression.parse(entry.getKey() + "(x)");
      for (double[] points : new double[][] {GRID, specials}) {
        for (double x : points) {
          assertSameBits(entry.getValue().applyAsDouble(x), at(expression, x),
              entry.getKey() + " at " + x);
        }
      }
    }
    Map<String, DoubleBinaryOperator> binary = new LinkedHashMap<>();
    binary.put("min", StrictMath::min);
    binary.put("max", StrictMath::max);
    double[] pairs = {0.0, -0.0, -1.5, 2.0, Double.NaN, Double.NEGATIVE_INFINITY};
    for (Map.Entry<String, DoubleBinaryOperator> entry : binary.entrySet()) {
      TargetExpression expression = TargetExpression.parse(entry.getKey() + "(x1, x2)");
      assertEquals(2, expression.dimension());
      for (double a : pairs) {
        for (double b : pairs) {
          assertSameBits(entry.getValue().applyAsDouble(a, b),
              expression.apply(new double[] {a, b}, 0), entry.getKey() + "(" + a + ", " + b + ")");
        }
      }
    }
  }

  @Test
  void literalIntegerExponentsAreMultipliedFromTheLeftAndOthersGoToPow() {
    Random random = new Random(7);
    double[] bases = new double[2000];
    for (int i = 0; i < bases.length; i++) {
      bases[i] = -3.0 + 6.0 * random.nextDouble();
    }
    for (int k = 0; k <= 9; k++) {
      TargetExpression power = TargetExpression.parse("x^" + k);
      for (double x : bases) {
        double product = 1.0;
        if (k > 0) {
          product = x;
          for (int i = 1; i < k; i++) {
            product = product * x;
          }
        }
        assertSameBits(product, at(power, x), "x^" + k + " at " + x);
      }
    }
    // x^0 is the empty product even where pow would agree only by convention.
    assertSameBits(1.0, at(TargetExpression.parse("x^0"), Double.NaN), "NaN^0");
    // A whole number written as a decimal or in scientific notation is the same literal.
    assertEquals(TargetExpression.parse("x^3"), TargetExpression.parse("x^3.0"));
    assertEquals(TargetExpression.parse("x^10"), TargetExpression.parse("x^1e1"));

    Map<String, DoubleUnaryOperator> viaPow = new LinkedHashMap<>();
    viaPow.put("x^2.5", x -> StrictMath.pow(x, 2.5));
    viaPow.put("x^-2", x -> StrictMath.pow(x, -2.0));
    viaPow.put("x^(1+1)", x -> StrictMath.pow(x, 2.0));
    viaPow.put("x^x", x -> StrictMath.pow(x, x));
    viaPow.put("x^pi", x -> StrictMath.pow(x, StrictMath.PI));
    int beyond = TargetExpression.MAX_MULTIPLIED_EXPONENT + 1;
    viaPow.put("x^" + beyond, x -> StrictMath.pow(x, beyond));
    for (Map.Entry<String, DoubleUnaryOperator> entry : viaPow.entrySet()) {
      TargetExpression expression = TargetExpression.parse(entry.getKey());
      for (double x : bases) {
        assertSameBits(entry.getValue().applyAsDouble(x), at(expression, x),
            entry.getKey() + " at " + x);
      }
    }
  }

  @Test
  void theMultiplicationRuleMattersBecausePowDiffersFromTheProductSomewhere() {
    // Without the rule x^4 would be pow, and this shows that would break bit identity with X4.
    int differences = 0;
    for (double x : GRID) {
      differences += StrictMath.pow(x, 4.0) == x * x * x * x ? 0 : 1;
    }
    Random random = new Random(3);
    for (int i = 0; i < 10_000; i++) {
      double x = -2.0 + 4.0 * random.nextDouble();
      differences += StrictMath.pow(x, 4.0) == x * x * x * x ? 0 : 1;
    }
    assertTrue(differences > 0, "pow(x, 4) equals x*x*x*x at every point tried");
  }

  @Test
  void nanAndInfinityAreValuesNotParseErrors() {
    TargetExpression log = TargetExpression.parse("log(x)");
    assertSameBits(Double.NEGATIVE_INFINITY, at(log, 0.0), "log(0)");
    assertTrue(Double.isNaN(at(log, -1.0)), "log(-1)");
    TargetExpression reciprocal = TargetExpression.parse("1/x");
    assertSameBits(Double.POSITIVE_INFINITY, at(reciprocal, 0.0), "1/0");
    assertSameBits(Double.NEGATIVE_INFINITY, at(reciprocal, -0.0), "1/-0");
    assertTrue(Double.isNaN(at(TargetExpression.parse("sqrt(x)"), -1.0)), "sqrt(-1)");
    assertTrue(Double.isNaN(at(TargetExpression.parse("0/0"), 1.0)), "0/0");
    assertSameBits(Double.POSITIVE_INFINITY, at(TargetExpression.parse("exp(x)"), 1000.0), "exp");
  }

  // ---------------------------------------------------------------------------------------------
  // Dimension and offsets

  @Test
  void theDimensionIsOneForXOrAConstantAndElseTheHighestIndexUsed() {
    assertEquals(1, TargetExpression.parse("x").dimension());
    assertEquals(1, TargetExpression.parse("sin(x)^2 + x").dimension());
    assertEquals(1, TargetExpression.parse("3").dimension());
    assertEquals(1, TargetExpression.parse("pi*e").dimension());
    assertEquals(1, TargetExpression.parse("x1").dimension());
    assertEquals(2, TargetExpression.parse("x2").dimension());
    assertEquals(3, TargetExpression.parse("x1*x3").dimension());
    assertEquals(3, TargetExpression.parse("x3*x1").dimension());
    assertEquals(9, TargetExpression.parse("sin(x9) + x2").dimension());
  }

  @Test
  void coordinatesAreReadFromTheOffset() {
    TargetExpression expression = TargetExpression.parse("x1 - 10*x3");
    double[] flat = {100, 200, 300, 1, 2, 3, 4};
    assertSameBits(100.0 - 10.0 * 300.0, expression.apply(flat, 0), "offset 0");
    assertSameBits(1.0 - 10.0 * 3.0, expression.apply(flat, 3), "offset 3");
    assertSameBits(2.0 - 10.0 * 4.0, expression.apply(flat, 4), "offset 4");
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> expression.apply(flat, 5));
  }

  // ---------------------------------------------------------------------------------------------
  // Canonical text, equality, serialisation

  @Test
  void theCanonicalTextHasNoSpacesAndOnlyTheParenthesesThePrecedencesNeed() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("sin( 3 * x )", "sin(3*x)");
    cases.put("((x))", "x");
    cases.put("(1+2)+3", "1+2+3");
    cases.put("1+(2+3)", "1+(2+3)");
    cases.put("1-(2-3)", "1-(2-3)");
    cases.put("1-(2*3)", "1-2*3");
    cases.put("(1-2)*3", "(1-2)*3");
    cases.put("2*(3*4)", "2*(3*4)");
    cases.put("8/(4/2)", "8/(4/2)");
    cases.put("8/(4*2)", "8/(4*2)");
    cases.put("2^(3^2)", "2^3^2");
    cases.put("(2^3)^2", "(2^3)^2");
    cases.put("-(x^2)", "-x^2");
    cases.put("(-x)^2", "(-x)^2");
    cases.put("(-x)*2", "-x*2");
    cases.put("-(x*2)", "-(x*2)");
    cases.put("2*(-x)", "2*-x");
    cases.put("1-(-x)", "1--x");
    cases.put("-(-x)", "--x");
    cases.put("2^(-x)", "2^-x");
    cases.put("2^(x+1)", "2^(x+1)");
    cases.put("(sin(x))^2", "sin(x)^2");
    cases.put("max( x , 0 )", "max(x,0)");
    cases.put("min(x1, (x2 + 1))", "min(x1,x2+1)");
    cases.put("3.0", "3");
    cases.put("2.50", "2.5");
    cases.put("0.1", "0.1");
    cases.put("1.5e-3", "0.0015");
    cases.put("1e-5", "1E-5");
    cases.put("1.25e-7", "1.25E-7");
    cases.put("1e20", "1E20");
    cases.put("100000000000000000000", "1E20");
    cases.put("1e-400", "0");
    cases.put("e * pi", "e*pi");
    for (Map.Entry<String, String> entry : cases.entrySet()) {
      TargetExpression expression = TargetExpression.parse(entry.getKey());
      assertEquals(entry.getValue(), expression.canonical(), entry.getKey());
      assertEquals(entry.getValue(), expression.toString(), entry.getKey());
    }
  }

  @Test
  void theCanonicalTextParsesBackToAnEqualExpressionWithTheSameBits() {
    List<String> expressions = List.of(
        "x^2", "sin(x)^2", "exp(x^2)", "max(x, 0)", "x1*x2*x3*x4*x5", "-x^2 + 3*x - 1/7",
        "(x - 1)*(x + 1)/(x^2 + 1)", "2^-x^2", "(-x)^3 - -x", "x^x", "abs(x)^0.5 * 1.5e-3",
        "tanh(3*x)/tanh(3)", "log(1 + exp(x))", "sqrt(x^2 + 1e-12)", "min(x1, max(x2, -x3))",
        "1 - (2 - (3 - x))", "x / (x / (x / 3))", "cos(pi*x) + e^x", "tan(x/4)^3^1",
        "0.1 + 0.2 - 0.30000000000000004", "4.9e-324 * x", "1.7976931348623157e308 / x",
        "((((x))))");
    Random random = new Random(11);
    for (String text : expressions) {
      TargetExpression expression = TargetExpression.parse(text);
      TargetExpression again = TargetExpression.parse(expression.canonical());
      assertEquals(expression, again, text);
      assertEquals(expression.hashCode(), again.hashCode(), text);
      assertEquals(expression.canonical(), again.canonical(), text);
      assertEquals(expression.dimension(), again.dimension(), text);
      int d = expression.dimension();
      double[] point = new double[d];
      for (int trial = 0; trial < 500; trial++) {
        for (int j = 0; j < d; j++) {
          point[j] = -2.0 + 4.0 * random.nextDouble();
        }
        assertSameBits(expression.apply(point, 0), again.apply(point, 0), text);
      }
    }
  }

  @Test
  void expressionsAreEqualExactlyWhenTheirTreesAre() {
    TargetExpression spaced = TargetExpression.parse("sin( 3 * x )");
    assertEquals(TargetExpression.parse("sin(3*x)"), spaced);
    assertEquals(TargetExpression.parse("sin(3*x)").hashCode(), spaced.hashCode());
    // Mathematically equal but evaluated differently: not the same expression.
    assertNotEquals(TargetExpression.parse("sin(x*3)"), spaced);
    assertNotEquals(TargetExpression.parse("x1+(x2+x3)"), TargetExpression.parse("x1+x2+x3"));
    // pi is kept as a name, not folded into the number it stands for.
    assertNotEquals(TargetExpression.parse("3.141592653589793"), TargetExpression.parse("pi"));
    assertFalse(spaced.equals("sin(3*x)"));
  }

  @Test
  void anExpressionSurvivesJavaSerialisation() throws Exception {
    TargetExpression expression = TargetExpression.parse("x1*x3 - sin(x2)^2");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(expression);
    }
    Object read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = in.readObject();
    }
    TargetExpression copy = (TargetExpression) read;
    assertEquals(expression, copy);
    assertEquals(3, copy.dimension());
    double[] point = {0.3, -1.7, 1.9};
    assertSameBits(expression.apply(point, 0), copy.apply(point, 0), "after serialisation");
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  @Test
  void errorsNameTheExpressionThePositionAndWhatWasExpected() {
    assertEquals("bad target expression 'sin(3*x' at position 8: expected ')'",
        message("sin(3*x"));
    assertEquals("bad target expression 'y' at position 1: unknown name 'y' (variables: x or"
        + " x1..x9; constants pi, e; functions sin cos tan exp log sqrt abs tanh min max)",
        message("y"));
  }

  @Test
  void everyKindOfErrorIsReportedAtItsPosition() {
    // text, 1-based position, a fragment of what is said there
    Object[][] cases = {
      {"", 1, "expected an expression"},
      {"   ", 4, "expected an expression"},
      {"1 +", 4, "expected an expression"},
      {"()", 2, "expected an expression"},
      {"+x", 1, "expected an expression, found '+'"},
      {"2 ** 3", 4, "expected an expression, found '*'"},
      {"x + 1 )", 7, "expected an operator or the end of the expression, found ')'"},
      {"x y", 3, "expected an operator or the end of the expression, found 'y'"},
      {"sin(x))", 7, "expected an operator or the end of the expression, found ')'"},
      {"(x + 1", 7, "expected ')'"},
      {"max(x, 0", 9, "expected ')'"},
      {"sin(x; 2)", 6, "expected ')', found ';'"},
      {"2 * foo(x)", 5, "unknown name 'foo' (variables: x or x1..x9"},
      {"SIN(x)", 1, "unknown name 'SIN'"},
      {"x1 + x01", 6, "unknown name 'x01'"},
      {"x0", 1, "unknown name 'x0': variables start at x1"},
      {"2*x0 + 1", 3, "unknown name 'x0': variables start at x1"},
      {"x10", 1, "unknown name 'x10': variables go up to x9"},
      {"x * x1", 5, "x and x1..x9 cannot be mixed"},
      {"x2 - x", 6, "x and x1..x9 cannot be mixed"},
      {"max(x)", 1, "max takes 2 arguments, found 1"},
      {"1 + min(x, 1, 2)", 5, "min takes 2 arguments, found 3"},
      {"sin(x, 1)", 1, "sin takes 1 argument, found 2"},
      {"sqrt()", 6, "expected an expression"},
      {"sin x", 5, "expected '(' after sin"},
      {"exp", 4, "expected '(' after exp"},
      {"1e", 3, "expected the exponent's digits in number '1e'"},
      {"x * 2.5e+", 10, "expected the exponent's digits in number '2.5e+'"},
      {"2e", 3, "expected the exponent's digits"},
      {"2x", 2, "expected an operator after number '2', found 'x'"},
      {"1.2.3", 4, "expected an operator after number '1.2', found '.'"},
      {".", 1, "expected digits in the number"},
      {"1e999", 1, "number '1e999' is too large for a double"},
      {"x\n+ y", 5, "unknown name 'y'"},
      {"x # 1", 3, "expected an operator or the end of the expression, found '#'"},
    };
    for (Object[] c : cases) {
      String text = (String) c[0];
      String said = message(text);
      String where = "at position " + c[1] + ": ";
      assertTrue(said.startsWith("bad target expression '"), text + " -> " + said);
      assertTrue(said.contains(where + c[2]), text + " -> " + said);
      assertFalse(said.contains("\n"), "one line: " + said);
    }
  }

  @Test
  void deepNestingIsRefusedRatherThanOverflowingTheStack() {
    int depth = 10_000;
    assertTrue(message("(".repeat(depth) + "x" + ")".repeat(depth))
        .contains("nested more than " + TargetExpression.MAX_DEPTH + " levels deep"));
    assertTrue(message("-".repeat(depth) + "x").contains("levels deep"));
    assertTrue(message("x" + "+x".repeat(depth)).contains("levels deep"));
    assertTrue(message("2" + "^2".repeat(depth)).contains("levels deep"));
    // Well within the limit it parses and evaluates.
    int fine = TargetExpression.MAX_DEPTH / 4;
    TargetExpression nested = TargetExpression.parse("(".repeat(fine) + "x" + ")".repeat(fine));
    assertEquals("x", nested.canonical());
    assertSameBits(1.5, at(TargetExpression.parse("x" + "+0".repeat(fine)), 1.5), "x+0+0...");
  }
}
