package io.lenetedge.edge.gpio;

import java.util.Optional;

/**
 * What a {@link GpioBoard} drives: the display, and the status LED and push button where they are
 * fitted. {@link Pi4jBoardParts} is the hardware.
 */
public interface BoardParts {
  SegmentDisplay display();

  Optional<StatusLed> led();

  Optional<Button> button();

  /** Lets go of the parts; each output ends in its shutdown state. */
  void shutdown();
}
