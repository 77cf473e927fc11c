package org.lotteryscaling.nn;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose every output is a documented
 * function of its seed, written out here so that no JDK version or platform can change the bits
 * a task draws. Not thread-safe; each network owns its stream.
 */
public final class RandomStream {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private long state;

  public RandomStream(long seed) {
    this.state = seed;
  }

  /** The SplitMix64 output function: a bijective 64-bit mixer. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform on [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Standard normal, by Box-Muller from two uniforms (one output per pair, so that each draw
   * takes exactly two words of the stream); StrictMath, so the same bits on every machine.
   */
  public double standardNormal() {
    double u = 1.0 - nextDouble(); // (0, 1]: log(u) is finite
    double angle = 2.0 * Math.PI * nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(angle);
  }

  /** Uniform on [low, high). */
  public double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }
}
