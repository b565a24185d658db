package io.lenetedge.edge.read;

import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;

/**
 * The preparation stage: a frame to the candidate digits in it, with their model inputs. Keeps
 * buffers from frame to frame: one per thread.
 */
@FunctionalInterface
public interface Preparation {
  /** The candidates in {@code frame}; {@link Candidates#NONE} when nothing could be a digit. */
  Candidates prepare(GrayImage frame);
}
