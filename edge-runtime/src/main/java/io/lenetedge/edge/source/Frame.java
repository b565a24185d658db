package io.lenetedge.edge.source;

import io.lenetedge.image.GrayImage;

/**
 * One 8-bit grayscale frame.
 *
 * @param index position in the source, counting from 0
 * @param image the pixels
 */
public record Frame(long index, GrayImage image) {}
