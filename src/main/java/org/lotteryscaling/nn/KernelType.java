package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which {@link GradientKernel} implementation trains: the SIMD {@link VectorKernel} (the default;
 * 512-bit vectors where the CPU has AVX-512, 256-bit elsewhere, or either shape by name) or the
 * plain {@link ScalarKernel}, the reference the fast one is tested against. Every one gives the
 * same bits on every machine, and the two vector shapes give the same bits as each other; the
 * vector kernels differ from the scalar one only in the order of sums over points.
 */
public enum KernelType {
  /** The vector kernel of the widest shape this CPU runs natively ({@link #resolved()}). */
  VECTOR,
  VECTOR256,
  VECTOR512,
  SCALAR;

  /** The system property that overrides the default kernel: {@code -Dlottery.kernel=scalar}. */
  public static final String PROPERTY = "lottery.kernel";

  /** With leaky_relu's default slope {@link Activation#LEAKY_SLOPE}. */
  public GradientKernel create(Activation activation, int width, Dataset data) {
    return create(activation, Activation.LEAKY_SLOPE, width, data);
  }

  /** {@code leakySlope} is leaky_relu's negative slope; the other activations ignore it. */
  public GradientKernel create(Activation activation, double leakySlope, int width, Dataset data) {
    return switch (resolved()) {
      case VECTOR256 -> new VectorKernel256(activation, leakySlope, width, data);
      case VECTOR512 -> new VectorKernel512(activation, leakySlope, width, data);
      case SCALAR -> new ScalarKernel(activation, leakySlope, width, data);
      case VECTOR -> throw new AssertionError("resolved() never returns VECTOR");
    };
  }

  /**
   * The kernel that {@link #create} builds: VECTOR becomes VECTOR512 or VECTOR256 by
   * {@link VectorKernel#preferredBits()}; the others are themselves.
   */
  public KernelType resolved() {
    if (this == SCALAR) {
      return this;
    }
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      // without the module, VectorKernel would fail with a bare NoClassDefFoundError
      throw new IllegalStateException("the vector kernel needs the JVM flag "
          + "--add-modules=jdk.incubator.vector (or choose -D" + PROPERTY + "=scalar)");
    }
    if (this == VECTOR) {
      return VectorKernel.preferredBits() >= 512 ? VECTOR512 : VECTOR256;
    }
    return this;
  }

  /** What a row's code version says of the kernel that trained it: {@link #codeVersionMark}. */
  public static final String MARK = " kernel=";

  /**
   * The mark a row's code version carries for this kernel: none for the vector kernels (one
   * result, the same bits in either shape), {@code " kernel=scalar"} for the scalar one, whose
   * sums over points run in another order and so give other last bits. A resume compares code
   * versions, so a folder never mixes the two unnoticed.
   */
  public String codeVersionMark() {
    return this == SCALAR ? MARK + id() : "";
  }

  /** {@code codeVersion} with the mark of this kernel in place of any it carried. */
  public String markedCodeVersion(String codeVersion) {
    int at = codeVersion.indexOf(MARK);
    return (at < 0 ? codeVersion : codeVersion.substring(0, at)) + codeVersionMark();
  }

  /** The kernel named by the system property {@value #PROPERTY}, else VECTOR. */
  public static KernelType configured() {
    String id = System.getProperty(PROPERTY);
    return id == null ? VECTOR : parse(id);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id (vector, vector256, vector512, scalar); the error names the allowed values. */
  public static KernelType parse(String id) {
    for (KernelType k : values()) {
      if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kernel '" + id + "' (allowed: "
        + String.join(", ", Arrays.stream(values()).map(KernelType::id).toList()) + ")");
  }

  @Override
  public String toString() {
    return id();
  }
}
