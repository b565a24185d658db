package io.lenetedge.edge.run;

import java.math.BigDecimal;

/**
 * A meter reading after the guards: the last good value, what this frame read, and whether it
 * was accepted.
 *
 * @param value the last good value (this frame's when accepted); null before the first
 * @param raw what this frame's windows read, {@code ?} for a window without a sure digit, the
 *     decimal point placed
 * @param status whether this frame's read was taken, and why not
 */
public record MeterValue(BigDecimal value, String raw, ReadingStatus status) {}
