package org.lotteryscaling.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class LawSelectionTest {

  @Test
  void aPurePowerLawIsSelectedAsPure() {
    // E = 0: seeds scatter around 2 N^-1.5 alone.
    for (long seed = 1; seed <= 5; seed++) {
      double[] loss = OffsetPowerLawFitTest.medians(
          OffsetPowerLawFitTest.offsetCells(seed, 0, 2, 1.5, OffsetPowerLawFitTest.WIDTHS, 50, 0.5));
      LawSelection s = LawSelection.alongOneAxis(OffsetPowerLawFitTest.WIDTHS, loss);
      assertEquals(LawSelection.Form.POWER, s.chosen(), s.toString());
    }
  }

  @Test
  void aPlateauIsSelectedAsOffset() {
    // E = 0.01 is reached from N = 8 on (2 * 8^-1.5 = 0.088, 2 * 64^-1.5 = 0.004).
    for (long seed = 1; seed <= 5; seed++) {
      double[] loss = OffsetPowerLawFitTest.medians(OffsetPowerLawFitTest.offsetCells(seed, 0.01,
          2, 1.5, OffsetPowerLawFitTest.WIDTHS, 50, 0.5));
      LawSelection s = LawSelection.alongOneAxis(OffsetPowerLawFitTest.WIDTHS, loss);
      assertEquals(LawSelection.Form.OFFSET, s.chosen(), s.toString());
    }
  }

  @Test
  void aJointLawIsSelectedAsJoint() {
    JointLawFitTest.Grid g = JointLawFitTest.grid(4, 30, 0.3);
    LawSelection s = LawSelection.joint(g.n(), g.d(), OffsetPowerLawFitTest.medians(g.losses()));
    assertEquals(LawSelection.Form.JOINT, s.chosen(), s.toString());
    assertEquals(4, s.scores().size());
  }

  @Test
  void lossesThatDoNotDependOnWidthAreSelectedAsDataOnly() {
    // E + B D^-beta with a floor (1e-2) the product form cannot make. The one-SE rule is not a
    // test at a set level: over draws 1..8 it picked the data-only law 7 times and the joint law
    // once (draw 7: its two width parameters fitting the noise). Draws 1 and 2 here, for runtime (2 s each).
    int dataOnly = 0;
    for (long seed = 1; seed <= 2; seed++) {
      JointLawFitTest.Grid g = JointLawFitTest.grid(5, 30, 0.3);
      Synthetic s = new Synthetic(seed);
      double[] loss = new double[g.n().length];
      for (int i = 0; i < loss.length; i++) {
        double[] seeds = new double[30];
        for (int k = 0; k < seeds.length; k++) {
          seeds[k] = (1e-2 + 2 * Math.pow(g.d()[i], -0.7)) * Math.exp(0.3 * s.normal());
        }
        loss[i] = Quantiles.medianOfUnsorted(seeds);
      }
      LawSelection sel = LawSelection.joint(g.n(), g.d(), loss);
      assertNotEquals(LawSelection.Form.OFFSET, sel.chosen(), sel.toString());
      dataOnly += sel.chosen() == LawSelection.Form.OFFSET_D ? 1 : 0;
    }
    assertEquals(2, dataOnly);
  }
}
