package org.lotteryscaling.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The paper's figures drawn from the tables, in the paper's order: each draws one figure into
 * figures/ or says why the run lacks its data. Numbers in captions come from the tables, never from
 * re-training. The figures live by paper section in {@link ScalingFigures}, {@link TicketFigures}
 * and {@link AppendixFigures}, over the rows {@link FigureData} chose.
 */
public final class PaperFigures {
  private PaperFigures() {}

  /** The id of figure 1c, the width law, which a swept report draws per setting on its own. */
  static final String WIDTH_LAW_ID = "fig1c";

  /** Draws every figure into {@code figuresDir}; returns drawn and skipped figures in order. */
  public static List<Figure> render(ReportData data, Path figuresDir) {
    FigureData view = FigureData.of(data);
    ScalingFigures scaling = new ScalingFigures(view, figuresDir);
    TicketFigures tickets = new TicketFigures(view, figuresDir);
    AppendixFigures appendix = new AppendixFigures(view, figuresDir);
    return List.of(scaling.figure1c(), tickets.figure2a(), tickets.figure2b(), tickets.figure3(),
        scaling.figure4(), tickets.figure5(), tickets.figure6(), scaling.figure7(),
        scaling.figure8(), appendix.figure9(), appendix.figure10(), appendix.figure11(),
        appendix.figure12(), appendix.figure13(), appendix.figureEnsembles());
  }

  /**
   * The N/2 + N/2 ensembles figure 4 plots at width N of the main target, given the runs: the very
   * sample of the synergy table's verdict; null where figure 4 has no panel.
   */
  public static double[] figure4Sample(List<ReportData.NetworkLoss> runs, int width) {
    return ScalingFigures.ensembleSample(FigureData.mainLosses(runs), width);
  }
}
