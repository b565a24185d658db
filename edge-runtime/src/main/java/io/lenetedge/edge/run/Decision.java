package io.lenetedge.edge.run;

/**
 * What the loop decided for one frame.
 *
 * @param digit the digit, or -1 for "no digit"
 * @param confidence the (smoothed) probability of the best digit; 0 when no ink was found
 */
public record Decision(int digit, float confidence) {
  public static final Decision NONE = new Decision(-1, 0f);

  public boolean hasDigit() {
    return digit >= 0;
  }
}
