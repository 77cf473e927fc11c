package org.lotteryscaling.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lotteryscaling.task.DataSettings;
import org.lotteryscaling.task.InputDistribution;

/** The grids analyze draws curves on, and the slope it evaluates leaky_relu with. */
class AnalyzeSettingsTest {

  @Test
  void uniformInputsSpanTheirRangeAndNormalInputsTwoStandardDeviations() {
    AnalyzeSettings uniform = AnalyzeSettings.defaults(new DataSettings(10, 10, -1.5, 3.0, 0));
    assertEquals(-1.5, uniform.gridLow(), 0.0);
    assertEquals(3.0, uniform.gridHigh(), 0.0);
    AnalyzeSettings normal = AnalyzeSettings.defaults(new DataSettings(10, 10, -2, 2, 0,
        InputDistribution.NORMAL, 0.5, 0.25, 0.0));
    assertEquals(0.0, normal.gridLow(), 0.0);
    assertEquals(1.0, normal.gridHigh(), 0.0);
  }

  @Test
  void aSlopeOutsideZeroToOneIsRefused() {
    AnalyzeSettings d = AnalyzeSettings.defaults(DataSettings.paper());
    for (double bad : new double[] {-0.1, 1.0, Double.NaN}) {
      assertThrows(IllegalArgumentException.class, () -> d.at(d.data(), bad), "slope " + bad);
    }
    assertEquals(0.2, d.at(d.data(), 0.2).leakySlope(), 0.0);
  }
}
