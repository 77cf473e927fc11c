package org.lotteryscaling.tables;

/**
 * The columns scaling_fit carries in a swept experiment between its own and the sweep's
 * (jobs.AggregateJob): what a fit runs along (the width, or a swept axis at fixed width), and
 * over which positions.
 */
public record FitAxis(
    @Column("width, or the swept key the fit runs along (a zipped axis's first key), or"
        + " width,data.points for a joint law over both") String axis,
    @Column("smallest position in the fit: a width, or a value of the key (joint: of"
        + " data.points)") double axisMin,
    @Column("largest position in the fit") double axisMax,
    @Column("positions in the fit (2 for local; joint: values of data.points)") int axisPoints) {

  /** The axis of the fits along the width. */
  public static final String WIDTH = "width";

  /** The columns of {@link #axis} and {@link #axisMin}, by which a swept scaling_fit is read and sorted. */
  public static final String AXIS_COLUMN = "axis";
  public static final String AXIS_MIN_COLUMN = "axis_min";

  /**
   * A joint law over the widths and the swept {@code key} (data.points), whose values in the fit
   * run from min to max; its widths are the row's width columns.
   */
  public static FitAxis joint(String key, double min, double max, int points) {
    return new FitAxis(WIDTH + "," + key, min, max, points);
  }

  /** A fit along the width, over widths widthMin..widthMax. */
  public static FitAxis width(int widthMin, int widthMax, int widths) {
    return new FitAxis(WIDTH, widthMin, widthMax, widths);
  }
}
