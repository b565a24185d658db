package io.lenetedge.trainer;

/**
 * One epoch's figures; accuracies are fractions in [0,1].
 *
 * @param epoch 1-based
 * @param trainLoss mean cross-entropy over the epoch's batches
 * @param trainAccuracy accuracy on the (augmented) training batches, dropout on
 * @param validationAccuracy accuracy on the held-out split
 * @param testAccuracy accuracy on the 10,000 test images
 * @param seconds wall time of the epoch's training part
 * @param imagesPerSecond training throughput
 * @param learningRate learning rate at the end of the epoch
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy,
    double validationAccuracy, double testAccuracy, double seconds, double imagesPerSecond,
    double learningRate) {}
