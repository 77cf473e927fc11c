package org.lotteryscaling.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InitializationTest {

  /**
   * First layer in U(-1/sqrt d, 1/sqrt d), second in U(-1/sqrt N, 1/sqrt N): every draw inside its
   * bound, and over many networks the second moment of each layer near bound^2 / 3, the variance
   * of that uniform (5 standard errors of slack: var of u^2 is bound^4 * 4/45).
   */
  @ParameterizedTest
  @CsvSource({"1,1", "1,2", "3,7", "5,50", "1,10000"})
  void boundsAndMomentsArePyTorchDefaults(int d, int n) {
    double first = 1 / Math.sqrt(d);
    double second = 1 / Math.sqrt(n);
    RandomStream random = new RandomStream(d * 31L + n);
    double firstSq = 0;
    double secondSq = 0;
    long firstCount = 0;
    long secondCount = 0;
    int networks = Math.max(2, 40_000 / n);
    for (int k = 0; k < networks; k++) {
      Network net = Initialization.pytorchDefault(d, n, random);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          assertTrue(Math.abs(net.w(i, j)) <= first);
          firstSq += net.w(i, j) * net.w(i, j);
          firstCount++;
        }
        assertTrue(Math.abs(net.b(i)) <= first);
        assertTrue(Math.abs(net.v(i)) <= second);
        firstSq += net.b(i) * net.b(i);
        secondSq += net.v(i) * net.v(i);
        firstCount++;
        secondCount++;
      }
      assertTrue(Math.abs(net.c()) <= second);
      secondSq += net.c() * net.c();
      secondCount++;
    }
    double firstVar = first * first / 3;
    double secondVar = second * second / 3;
    assertEquals(firstVar, firstSq / firstCount,
        5 * first * first * Math.sqrt(4.0 / 45 / firstCount));
    assertEquals(secondVar, secondSq / secondCount,
        5 * second * second * Math.sqrt(4.0 / 45 / secondCount));
  }
}
