package org.lotteryscaling.report;

import java.util.List;

/**
 * One figure of the report: its panels (file stems under figures/, each saved as .png and .svg),
 * a caption saying what it shows and the number it supports, or why it was skipped.
 */
public record Figure(String id, String title, String caption, List<String> panels, String skipped) {

  public static Figure drawn(String id, String title, String caption, List<String> panels) {
    return new Figure(id, title, caption, List.copyOf(panels), null);
  }

  public static Figure skipped(String id, String title, String why) {
    return new Figure(id, title, null, List.of(), why);
  }

  public boolean isDrawn() {
    return skipped == null;
  }
}
