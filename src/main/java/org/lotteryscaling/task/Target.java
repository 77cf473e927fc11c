package org.lotteryscaling.task;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A function the networks learn: one of the paper's fourteen, by name (ten of one variable from
 * appendix A and the products mul2..mul5 of d = 2..5 variables), or a formula over x or x1..xd
 * ({@link TargetExpression}). Its {@link #id()} names it in configs, tables and seeds: the name,
 * or the formula's canonical text.
 *
 * <p>A named target is a singleton, so {@code ==} and {@code equals} agree for names; formulas are
 * equal when their canonical texts are.
 */
public final class Target implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Target X2 = new Target("x2", x -> x * x);
  public static final Target X3 = new Target("x3", x -> x * x * x);
  public static final Target X4 = new Target("x4", x -> x * x * x * x);
  public static final Target SIN = new Target("sin", StrictMath::sin);
  public static final Target COS = new Target("cos", StrictMath::cos);
  public static final Target EXP = new Target("exp", StrictMath::exp);
  public static final Target SIN2 = new Target("sin2", x -> StrictMath.sin(x) * StrictMath.sin(x));
  public static final Target EXPX2 = new Target("expx2", x -> StrictMath.exp(x * x));
  public static final Target RELU = new Target("relu", x -> Math.max(x, 0.0));
  public static final Target TANH = new Target("tanh", StrictMath::tanh);
  public static final Target MUL2 = new Target("mul2", 2);
  public static final Target MUL3 = new Target("mul3", 3);
  public static final Target MUL4 = new Target("mul4", 4);
  public static final Target MUL5 = new Target("mul5", 5);

  private static final List<Target> NAMED =
      List.of(X2, X3, X4, SIN, COS, EXP, SIN2, EXPX2, RELU, TANH, MUL2, MUL3, MUL4, MUL5);

  private final String id;
  private final int dimension;
  // exactly one of the three ways to compute y is used: unary, the product of d inputs, a formula
  private final transient DoubleUnaryOperator unary;
  private final transient TargetExpression formula;

  private Target(String id, DoubleUnaryOperator unary) {
    this(id, 1, unary, null);
  }

  private Target(String id, int arity) {
    this(id, arity, null, null);
  }

  private Target(String id, int dimension, DoubleUnaryOperator unary, TargetExpression formula) {
    this.id = id;
    this.dimension = dimension;
    this.unary = unary;
    this.formula = formula;
  }

  /** Input dimension d. */
  public int dimension() {
    return dimension;
  }

  /** The name, or the formula's canonical text (no spaces, as {@link TargetExpression}). */
  public String id() {
    return id;
  }

  /** Whether this target is a formula rather than one of the paper's names. */
  public boolean isFormula() {
    return formula != null;
  }

  /** y for the point whose coordinates are x[offset .. offset + d). */
  public double apply(double[] x, int offset) {
    if (unary != null) {
      return unary.applyAsDouble(x[offset]);
    }
    if (formula != null) {
      return formula.apply(x, offset);
    }
    double product = 1.0;
    for (int j = 0; j < dimension; j++) {
      product *= x[offset + j];
    }
    return product;
  }

  /**
   * A name ({@link #ids()}) or a formula. A bare word that is not a name is refused rather than
   * read as a formula: {@code x5} is far likelier a misspelt target than the coordinate x5.
   */
  public static Target parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    for (Target t : NAMED) {
      if (t.id.equals(key)) {
        return t;
      }
    }
    if (key.matches("[a-z_][a-z0-9_]*") && !key.equals("x")) {
      throw new IllegalArgumentException("unknown target '" + text.trim() + "' (allowed: "
          + String.join(", ", ids()) + ", or a formula over x or x1..x"
          + TargetExpression.MAX_DIMENSION + " in quotes, such as \"x^5\" or \"sin(3*x)\")");
    }
    TargetExpression formula;
    try {
      formula = TargetExpression.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("target '" + text.trim() + "': " + e.getMessage(), e);
    }
    String canonical = formula.canonical();
    for (Target t : NAMED) {
      if (t.id.equals(canonical)) {
        // the id is what tables and seeds hold, so it may not read back as another target
        throw new IllegalArgumentException("target '" + text.trim() + "' reads as the named target '"
            + canonical + "'; write the named target or another formula");
      }
    }
    return new Target(canonical, formula.dimension(), null, formula);
  }

  /** The paper's targets, in the order of its appendix A. */
  public static List<Target> named() {
    return NAMED;
  }

  /** The names of the paper's targets. */
  public static String[] ids() {
    return NAMED.stream().map(Target::id).toArray(String[]::new);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Target && id.equals(((Target) other).id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }

  // Serialised as its id, which parses back to the same target (the named singletons included).
  private Object writeReplace() {
    return new SerializedForm(id);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("Target is read through its serialised form");
  }

  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;

    SerializedForm(String id) {
      this.id = id;
    }

    private Object readResolve() {
      return parse(id);
    }
  }
}
