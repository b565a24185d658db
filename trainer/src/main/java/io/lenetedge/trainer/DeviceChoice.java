package io.lenetedge.trainer;

/** Where training runs: {@code auto} takes a GPU when DJL sees one, else the CPU. */
public enum DeviceChoice {
  AUTO, CPU, GPU;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
