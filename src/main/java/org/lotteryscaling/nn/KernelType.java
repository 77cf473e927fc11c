package org.lotteryscaling.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which {@link GradientKernel} implementation trains: the SIMD {@link VectorKernel} (the default)
 * or the plain {@link ScalarKernel}, the reference the fast one is tested against. Both give the
 * same bits on every machine; they differ from each other only in the order of sums over points.
 */
public enum KernelType {
  VECTOR,
  SCALAR;

  /** The system property that overrides the default kernel: {@code -Dlottery.kernel=scalar}. */
  public static final String PROPERTY = "lottery.kernel";

  public GradientKernel create(Activation activation, int width, Dataset data) {
    return switch (this) {
      case VECTOR -> {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
          // without the module, VectorKernel would fail with a bare NoClassDefFoundError
          throw new IllegalStateException("the vector kernel needs the JVM flag "
              + "--add-modules=jdk.incubator.vector (or choose -D" + PROPERTY + "=scalar)");
        }
        yield new VectorKernel(activation, width, data);
      }
      case SCALAR -> new ScalarKernel(activation, width, data);
    };
  }

  /** The kernel named by the system property {@value #PROPERTY}, else VECTOR. */
  public static KernelType configured() {
    String id = System.getProperty(PROPERTY);
    return id == null ? VECTOR : parse(id);
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an id (vector, scalar); the error names the allowed values. */
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
