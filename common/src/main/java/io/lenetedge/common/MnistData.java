package io.lenetedge.common;

import java.util.Map;

/**
 * The MNIST train and test splits.
 *
 * @param train the 60,000 training images
 * @param test the 10,000 test images
 * @param canonical whether every file matches the original MNIST SHA-256
 * @param sha256 digest of each uncompressed file, by base name
 */
public record MnistData(
    LabeledImages train, LabeledImages test, boolean canonical, Map<String, String> sha256) {}
