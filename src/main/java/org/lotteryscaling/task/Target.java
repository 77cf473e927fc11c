package org.lotteryscaling.task;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The functions the networks learn: ten of one variable (appendix A of the paper) and the products
 * of d = 2..5 variables (the multiplication tasks).
 */
public enum Target {
  X2("x2", x -> x * x),
  X3("x3", x -> x * x * x),
  X4("x4", x -> x * x * x * x),
  SIN("sin", StrictMath::sin),
  COS("cos", StrictMath::cos),
  EXP("exp", StrictMath::exp),
  SIN2("sin2", x -> StrictMath.sin(x) * StrictMath.sin(x)),
  EXPX2("expx2", x -> StrictMath.exp(x * x)),
  RELU("relu", x -> Math.max(x, 0.0)),
  TANH("tanh", StrictMath::tanh),
  MUL2("mul2", 2),
  MUL3("mul3", 3),
  MUL4("mul4", 4),
  MUL5("mul5", 5);

  private final String id;
  private final int dimension;
  private final DoubleUnaryOperator unary;

  Target(String id, DoubleUnaryOperator unary) {
    this.id = id;
    this.dimension = 1;
    this.unary = unary;
  }

  Target(String id, int arity) {
    this.id = id;
    this.dimension = arity;
    this.unary = null;
  }

  /** Input dimension d. */
  public int dimension() {
    return dimension;
  }

  public String id() {
    return id;
  }

  /** y for the point whose coordinates are x[offset .. offset + d). */
  public double apply(double[] x, int offset) {
    if (unary != null) {
      return unary.applyAsDouble(x[offset]);
    }
    double product = 1.0;
    for (int j = 0; j < dimension; j++) {
      product *= x[offset + j];
    }
    return product;
  }

  public static Target parse(String id) {
    String key = id.trim().toLowerCase(Locale.ROOT);
    for (Target t : values()) {
      if (t.id.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown target '" + id + "' (allowed: " + String.join(", ", ids()) + ")");
  }

  public static String[] ids() {
    return Arrays.stream(values()).map(Target::id).toArray(String[]::new);
  }

  @Override
  public String toString() {
    return id;
  }
}
