package org.lotteryscaling.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;

class ChartsTest {

  /**
   * The input-range run's report died here: a correlation one ulp below 1 sent XChart 3.8.8 past
   * the end of its colour array. Every value at and near the scale's ends, and NaN, must draw.
   */
  @Test
  void aCorrelationHeatMapDrawsEveryValueAtAndNearTheEndsOfItsScale(@TempDir Path dir)
      throws Exception {
    double[] awkward = {1.0, Math.nextDown(1.0), Math.nextUp(1.0), -1.0, Math.nextUp(-1.0),
      Math.nextDown(-1.0), 0.0, Math.nextDown(0.5), 0.5, Double.NaN, 2.0, -3.0};
    for (double v : awkward) {
      double[] matrix = {1.0, v, v, 1.0};
      HeatMapChart chart = Charts.correlationHeatMap("value " + v, matrix, 2);
      String stem = Charts.save(chart, dir, "corr-" + Double.doubleToLongBits(v));
      assertTrue(Files.size(dir.resolve(stem + ".png")) > 0, "no PNG for " + v);
      assertTrue(Files.size(dir.resolve(stem + ".svg")) > 0, "no SVG for " + v);
    }
  }

  @Test
  void aCorrelationHeatMapHasOneCellPerMatrixEntryInRowMajorOrder() {
    double[] matrix = {1.0, 0.25, -0.5, 0.25, 1.0, 0.125, -0.5, 0.125, 1.0};
    HeatMapChart chart = Charts.correlationHeatMap("three", matrix, 3);
    var cells = chart.getHeatMapSeries().getHeatData();
    assertEquals(9, cells.size());
    for (Number[] cell : cells) {
      int i = cell[0].intValue();
      int j = cell[1].intValue();
      assertEquals(matrix[i * 3 + j], cell[2].doubleValue(), 0.0, "cell " + i + "," + j);
    }
  }
}
