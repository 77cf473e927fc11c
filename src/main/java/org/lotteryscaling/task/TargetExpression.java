package org.lotteryscaling.task;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A target function written as a formula, such as {@code sin(3*x)} or {@code x1*x2 - x3^2}: parsed
 * once, evaluated over the tree (no allocation of its own; StrictMath may allocate on some JDKs).
 *
 * <p>Grammar (whitespace is allowed between any two tokens):
 *
 * <pre>
 *   expression = term { ("+" | "-") term }          left-associative
 *   term       = unary { ("*" | "/") unary }        left-associative
 *   unary      = "-" unary | power
 *   power      = primary [ "^" unary ]              right-associative: 2^3^2 = 2^(3^2)
 *   primary    = number | variable | "pi" | "e" | function "(" arguments ")" | "(" expression ")"
 *   number     = digits [ "." digits ] [ ("e" | "E") [ "+" | "-" ] digits ]   (or "." digits ...)
 *   variable   = "x" | "x1" | ... | "x9"                one form or the other, never both
 *   function   = sin cos tan exp log sqrt abs tanh      (one argument) | min max (two arguments)
 * </pre>
 *
 * <p>Because {@code ^} binds tighter than unary minus, {@code -x^2} is {@code -(x^2)}; and because
 * its exponent is a unary, {@code 2^-x} needs no parentheses.
 *
 * <p>Bit identity: results must be the same bits on every machine and must match the hand-written
 * {@link Target}s, so evaluation uses {@link StrictMath} (and the exact {@link Math#abs}, {@link
 * Math#min}, {@link Math#max}), and {@code a^k} with a literal integer exponent {@code 0 <= k <=}
 * {@value #MAX_MULTIPLIED_EXPONENT} is repeated multiplication from the left ({@code x^4} is {@code
 * ((x*x)*x)*x}, {@code x^0} is 1); every other exponent goes to {@link StrictMath#pow}. Expressions
 * are never rearranged or folded, so the evaluation is exactly the tree that was written.
 *
 * <p>NaN and infinity are not parse errors ({@code log(x)} is fine although {@code log(-1)} is
 * NaN): whether a target is finite depends on where it is sampled.
 *
 * <p>Two expressions are equal when their {@link #canonical()} texts are, which happens exactly
 * when their trees are the same, so equal expressions give equal bits everywhere.
 */
public final class TargetExpression implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The highest variable index: x1..x9 keeps names one digit, so they cannot be misread. */
  public static final int MAX_DIMENSION = 9;

  /**
   * Integer exponents up to here are multiplied out; beyond it a loop would cost more than pow and
   * lose accuracy, and no hand-written product is that long.
   */
  public static final int MAX_MULTIPLIED_EXPONENT = 64;

  /** Deeper trees are refused so that parsing and evaluation cannot overflow the stack. */
  static final int MAX_DEPTH = 200;

  private static final String NAMES_HELP =
      "variables: x or x1..x" + MAX_DIMENSION + "; constants pi, e; "
          + "functions sin cos tan exp log sqrt abs tanh min max";

  private final transient Node root;
  private final int dimension;
  private final String canonical;

  private TargetExpression(Node root, int dimension) {
    this.root = root;
    this.dimension = dimension;
    StringBuilder text = new StringBuilder();
    root.appendTo(text);
    this.canonical = text.toString();
  }

  /** Parses {@code text}; an IllegalArgumentException names the 1-based position of the fault. */
  public static TargetExpression parse(String text) {
    Parser parser = new Parser(text);
    Node root = parser.parseWhole();
    return new TargetExpression(root, parser.dimension());
  }

  /** Input dimension d: 1 for {@code x} or a constant, else the highest i among the xi used. */
  public int dimension() {
    return dimension;
  }

  /** y for the point whose coordinates are x[offset .. offset + d). */
  public double apply(double[] x, int offset) {
    return root.eval(x, offset);
  }

  /** No spaces, the fewest parentheses the precedences allow, numbers as Double.toString. */
  public String canonical() {
    return canonical;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TargetExpression
        && canonical.equals(((TargetExpression) other).canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return canonical;
  }

  // The tree is rebuilt from the canonical text, which parses back to the same tree, rather than
  // serialised node by node: the form stays one string however the node classes change.
  private Object writeReplace() {
    return new SerializedForm(canonical);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("TargetExpression is read through its serialised form");
  }

  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String canonical;

    SerializedForm(String canonical) {
      this.canonical = canonical;
    }

    private Object readResolve() {
      return parse(canonical);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The tree. Precedence decides the parentheses of the canonical text: a child is wrapped when it
  // binds more loosely than its place in the grammar allows.

  private static final int PREC_SUM = 1;
  private static final int PREC_PRODUCT = 2;
  private static final int PREC_NEGATION = 3;
  private static final int PREC_POWER = 4;
  private static final int PREC_ATOM = 5;

  private interface Node {
    double eval(double[] x, int offset);

    int precedence();

    void appendTo(StringBuilder text);

    /** Levels of nesting, leaves 1; bounded by MAX_DEPTH. */
    int depth();
  }

  private static void appendWrapped(StringBuilder text, Node node, boolean wrap) {
    if (wrap) {
      text.append('(');
    }
    node.appendTo(text);
    if (wrap) {
      text.append(')');
    }
  }

  private record Literal(double value) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      return value;
    }

    @Override
    public int precedence() {
      return PREC_ATOM;
    }

    @Override
    public void appendTo(StringBuilder text) {
      text.append(numberText(value));
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /** Double.toString without the ".0" of whole numbers: 3 and 1E20, not 3.0 and 1.0E20. */
  static String numberText(double value) {
    String s = Double.toString(value);
    if (s.endsWith(".0")) {
      return s.substring(0, s.length() - 2);
    }
    return s.replace(".0E", "E");
  }

  private enum NamedConstant implements Node {
    PI("pi", StrictMath.PI),
    E("e", StrictMath.E);

    private final String name;
    private final double value;

    NamedConstant(String name, double value) {
      this.name = name;
      this.value = value;
    }

    @Override
    public double eval(double[] x, int offset) {
      return value;
    }

    @Override
    public int precedence() {
      return PREC_ATOM;
    }

    @Override
    public void appendTo(StringBuilder text) {
      text.append(name);
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  /** Coordinate {@code index} (0-based); {@code numbered} tells x1 from plain x in the text. */
  private record Variable(int index, boolean numbered) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      return x[offset + index];
    }

    @Override
    public int precedence() {
      return PREC_ATOM;
    }

    @Override
    public void appendTo(StringBuilder text) {
      text.append('x');
      if (numbered) {
        text.append(index + 1);
      }
    }

    @Override
    public int depth() {
      return 1;
    }
  }

  private record Negation(Node operand, int depth) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      return -operand.eval(x, offset);
    }

    @Override
    public int precedence() {
      return PREC_NEGATION;
    }

    @Override
    public void appendTo(StringBuilder text) {
      text.append('-');
      // --x needs no parentheses, -(x*y) does: -x*y is (-x)*y.
      appendWrapped(text, operand, operand.precedence() < PREC_NEGATION);
    }
  }

  private enum Operator {
    ADD('+', PREC_SUM) {
      @Override
      double apply(double a, double b) {
        return a + b;
      }
    },
    SUBTRACT('-', PREC_SUM) {
      @Override
      double apply(double a, double b) {
        return a - b;
      }
    },
    MULTIPLY('*', PREC_PRODUCT) {
      @Override
      double apply(double a, double b) {
        return a * b;
      }
    },
    DIVIDE('/', PREC_PRODUCT) {
      @Override
      double apply(double a, double b) {
        return a / b;
      }
    };

    final char symbol;
    final int precedence;

    Operator(char symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    abstract double apply(double a, double b);
  }

  /** The four left-associative operators. */
  private record Binary(Operator operator, Node left, Node right, int depth) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      return operator.apply(left.eval(x, offset), right.eval(x, offset));
    }

    @Override
    public int precedence() {
      return operator.precedence;
    }

    @Override
    public void appendTo(StringBuilder text) {
      appendWrapped(text, left, left.precedence() < operator.precedence);
      text.append(operator.symbol);
      // Left associativity: a-(b-c) and even a+(b+c) keep their parentheses, since a+b+c is a
      // different tree, with different rounding.
      appendWrapped(text, right, right.precedence() <= operator.precedence);
    }
  }

  /**
   * {@code base ^ exponent}; {@code multiplications} is the literal integer exponent when it is
   * evaluated as a product, else -1 for StrictMath.pow.
   */
  private record Power(Node base, Node exponent, int multiplications, int depth) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      double b = base.eval(x, offset);
      if (multiplications < 0) {
        return StrictMath.pow(b, exponent.eval(x, offset));
      }
      if (multiplications == 0) {
        return 1.0;
      }
      double product = b;
      for (int i = 1; i < multiplications; i++) {
        product *= b;
      }
      return product;
    }

    @Override
    public int precedence() {
      return PREC_POWER;
    }

    @Override
    public void appendTo(StringBuilder text) {
      // The base is a primary, so (-2)^2 and (2^3)^2 keep theirs; the exponent is a unary.
      appendWrapped(text, base, base.precedence() < PREC_ATOM);
      text.append('^');
      appendWrapped(text, exponent, exponent.precedence() < PREC_NEGATION);
    }
  }

  private enum Function1 {
    SIN(StrictMath::sin),
    COS(StrictMath::cos),
    TAN(StrictMath::tan),
    EXP(StrictMath::exp),
    LOG(StrictMath::log),
    SQRT(StrictMath::sqrt),
    ABS(Math::abs), // exact, so the same bits as StrictMath everywhere
    TANH(StrictMath::tanh);

    private final java.util.function.DoubleUnaryOperator f;

    Function1(java.util.function.DoubleUnaryOperator f) {
      this.f = f;
    }

    double apply(double a) {
      return f.applyAsDouble(a);
    }

    String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private enum Function2 {
    MIN {
      @Override
      double apply(double a, double b) {
        return Math.min(a, b);
      }
    },
    MAX {
      @Override
      double apply(double a, double b) {
        return Math.max(a, b);
      }
    };

    abstract double apply(double a, double b);

    String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private record Call1(Function1 function, Node argument, int depth) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      return function.apply(argument.eval(x, offset));
    }

    @Override
    public int precedence() {
      return PREC_ATOM;
    }

    @Override
    public void appendTo(StringBuilder text) {
      text.append(function.text()).append('(');
      argument.appendTo(text);
      text.append(')');
    }
  }

  private record Call2(Function2 function, Node first, Node second, int depth) implements Node {
    @Override
    public double eval(double[] x, int offset) {
      return function.apply(first.eval(x, offset), second.eval(x, offset));
    }

    @Override
    public int precedence() {
      return PREC_ATOM;
    }

    @Override
    public void appendTo(StringBuilder text) {
      text.append(function.text()).append('(');
      first.appendTo(text);
      text.append(',');
      second.appendTo(text);
      text.append(')');
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Recursive descent over the characters; {@code pos} is a 0-based index into the text. */
  private static final class Parser {
    private final String text;
    private int pos;
    private int nesting;
    private int plainVariableAt = -1;
    private int numberedVariableAt = -1;
    private int highestIndex;

    Parser(String text) {
      this.text = text;
    }

    int dimension() {
      return numberedVariableAt >= 0 ? highestIndex : 1;
    }

    Node parseWhole() {
      Node root = expression();
      skipSpaces();
      if (pos < text.length()) {
        throw error(pos, "expected an operator or the end of the expression, found "
            + describe(pos));
      }
      return root;
    }

    private Node expression() {
      Node left = term();
      while (true) {
        skipSpaces();
        int at = pos;
        Operator operator = take('+') ? Operator.ADD : take('-') ? Operator.SUBTRACT : null;
        if (operator == null) {
          return left;
        }
        Node right = term();
        left = new Binary(operator, left, right, depthOf(at, left, right));
      }
    }

    private Node term() {
      Node left = unary();
      while (true) {
        skipSpaces();
        int at = pos;
        Operator operator = take('*') ? Operator.MULTIPLY : take('/') ? Operator.DIVIDE : null;
        if (operator == null) {
          return left;
        }
        Node right = unary();
        left = new Binary(operator, left, right, depthOf(at, left, right));
      }
    }

    private Node unary() {
      skipSpaces();
      int at = pos;
      if (take('-')) {
        enter(at);
        Node operand = unary();
        nesting--;
        return new Negation(operand, depthOf(at, operand, operand));
      }
      return power();
    }

    private Node power() {
      Node base = primary();
      skipSpaces();
      int at = pos;
      if (!take('^')) {
        return base;
      }
      enter(at);
      Node exponent = unary();
      nesting--;
      return new Power(base, exponent, multiplications(exponent), depthOf(at, base, exponent));
    }

    /** The literal integer exponent that is multiplied out, or -1; see the class comment. */
    private static int multiplications(Node exponent) {
      if (exponent instanceof Literal) {
        double k = ((Literal) exponent).value();
        if (k == Math.rint(k) && k >= 0 && k <= MAX_MULTIPLIED_EXPONENT) {
          return (int) k;
        }
      }
      return -1;
    }

    private Node primary() {
      skipSpaces();
      int at = pos;
      if (pos >= text.length()) {
        throw error(pos, "expected an expression");
      }
      char c = text.charAt(pos);
      if (c == '(') {
        pos++;
        enter(at);
        Node inner = expression();
        expect(')');
        nesting--;
        return inner;
      }
      if (isDigit(c) || c == '.') {
        return number();
      }
      if (isNameStart(c)) {
        return named();
      }
      throw error(pos, "expected an expression, found " + describe(pos));
    }

    private Node number() {
      int start = pos;
      digits();
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        digits();
      }
      if (pos - start == 1 && text.charAt(start) == '.') {
        throw error(start, "expected digits in the number");
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
          throw error(pos, "expected the exponent's digits in number '"
              + text.substring(start, pos) + "'");
        }
        digits();
      }
      // 2x or 1e3x would otherwise read as a number then garbage; say where the number went wrong.
      if (pos < text.length() && (isNameStart(text.charAt(pos)) || text.charAt(pos) == '.')) {
        throw error(pos, "expected an operator after number '" + text.substring(start, pos)
            + "', found " + describe(pos));
      }
      double value = Double.parseDouble(text.substring(start, pos));
      if (Double.isInfinite(value)) {
        throw error(start, "number '" + text.substring(start, pos) + "' is too large for a double");
      }
      return new Literal(value);
    }

    private Node named() {
      int start = pos;
      while (pos < text.length() && isNamePart(text.charAt(pos))) {
        pos++;
      }
      String name = text.substring(start, pos);
      switch (name) {
        case "pi":
          return NamedConstant.PI;
        case "e":
          return NamedConstant.E;
        case "x":
          plainVariableAt = start;
          checkNotMixed(start);
          return new Variable(0, false);
        default:
          break;
      }
      if (name.matches("x[0-9]+")) {
        return numberedVariable(name, start);
      }
      for (Function1 f : Function1.values()) {
        if (f.text().equals(name)) {
          List<Node> args = arguments(name, start, 1);
          return new Call1(f, args.get(0), depthOf(start, args.get(0), args.get(0)));
        }
      }
      for (Function2 f : Function2.values()) {
        if (f.text().equals(name)) {
          List<Node> args = arguments(name, start, 2);
          return new Call2(f, args.get(0), args.get(1), depthOf(start, args.get(0), args.get(1)));
        }
      }
      throw error(start, "unknown name '" + name + "' (" + NAMES_HELP + ")");
    }

    private Node numberedVariable(String name, int start) {
      String digits = name.substring(1);
      if (digits.chars().allMatch(d -> d == '0')) {
        throw error(start, "unknown name '" + name + "': variables start at x1");
      }
      if (digits.charAt(0) == '0') {
        throw error(start, "unknown name '" + name + "' (" + NAMES_HELP + ")");
      }
      if (digits.length() > 1) {
        throw error(start, "unknown name '" + name + "': variables go up to x" + MAX_DIMENSION);
      }
      int index = digits.charAt(0) - '0';
      numberedVariableAt = start;
      checkNotMixed(start);
      highestIndex = Math.max(highestIndex, index);
      return new Variable(index - 1, true);
    }

    private void checkNotMixed(int at) {
      if (plainVariableAt >= 0 && numberedVariableAt >= 0) {
        throw error(at, "x and x1..x" + MAX_DIMENSION + " cannot be mixed (use x1 for x)");
      }
    }

    private List<Node> arguments(String name, int start, int count) {
      skipSpaces();
      if (!take('(')) {
        throw error(pos, "expected '(' after " + name);
      }
      enter(start);
      List<Node> args = new ArrayList<>();
      args.add(expression());
      while (true) {
        skipSpaces();
        if (!take(',')) {
          break;
        }
        args.add(expression());
      }
      expect(')');
      nesting--;
      if (args.size() != count) {
        throw error(start, name + " takes " + count + (count == 1 ? " argument" : " arguments")
            + ", found " + args.size());
      }
      return args;
    }

    private int depthOf(int at, Node a, Node b) {
      int depth = 1 + Math.max(a.depth(), b.depth());
      if (depth > MAX_DEPTH) {
        throw error(at, "expression nested more than " + MAX_DEPTH + " levels deep");
      }
      return depth;
    }

    // Bounds the parser's own recursion, before any node is built.
    private void enter(int at) {
      if (++nesting > MAX_DEPTH) {
        throw error(at, "expression nested more than " + MAX_DEPTH + " levels deep");
      }
    }

    private void expect(char c) {
      skipSpaces();
      if (!take(c)) {
        String found = pos < text.length() ? ", found " + describe(pos) : "";
        throw error(pos, "expected '" + c + "'" + found);
      }
    }

    private boolean take(char c) {
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    private void digits() {
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private String describe(int at) {
      return "'" + text.charAt(at) + "'";
    }

    private IllegalArgumentException error(int at, String what) {
      // Control characters become spaces so the message stays one line and positions still count.
      String shown = text.replaceAll("\\p{Cntrl}", " ");
      return new IllegalArgumentException(
          "bad target expression '" + shown + "' at position " + (at + 1) + ": " + what);
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
      return isNameStart(c) || isDigit(c);
    }
  }
}
