package org.lotteryscaling.nn;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of one {@link GradientKernel#lossAndGradient} call (forward and backward over all
 * points, no Adam) on x^2 data, d = 1, M = 1000 points. Time per call t gives N * M / t
 * neuron-steps per second. It lives in src/jmh/java, compiled with the tests, so neither it nor
 * JMH ships in the jar. Run (after {@code mvn -DskipTests package}):
 * <pre>
 *   java --add-modules=jdk.incubator.vector \
 *     -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.openjdk.jmh.Main KernelBenchmark
 *   ... KernelBenchmark -p activation=silu -p width=50 -p kernel=vector512     (one case)
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class KernelBenchmark {
  @Param({"silu", "tanh", "relu", "leaky_relu", "gelu", "sigmoid", "softplus"})
  public String activation;

  @Param({"2", "50"})
  public int width;

  @Param({"vector256", "vector512", "scalar"})
  public String kernel;

  private GradientKernel gradientKernel;
  private double[] theta;
  private double[] grad;

  @Setup
  public void setUp() {
    int points = 1000;
    RandomStream random = new RandomStream(1);
    double[] x = new double[points];
    double[] y = new double[points];
    for (int m = 0; m < points; m++) {
      x[m] = random.uniform(-2, 2);
      y[m] = x[m] * x[m];
    }
    theta = Initialization.pytorchDefault(1, width, new RandomStream(2)).parameters();
    grad = new double[theta.length];
    gradientKernel = KernelType.parse(kernel).create(Activation.parse(activation), width,
        new Dataset(1, x, y));
  }

  @Benchmark
  public double lossAndGradient() {
    return gradientKernel.lossAndGradient(theta, grad);
  }
}
