package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.USAGE;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import java.util.List;

/**
 * The modified LeNet-5: takes [N,1,28,28] in [0,1] and returns [N,10] logits.
 *
 * <p>normalise, pad 2 (as the first convolution's padding, which pads with zeros after
 * normalisation), conv 5x5x6, ReLU, avg-pool 2/2, conv 6x6x16, ReLU, avg-pool 2/2, conv 4x4x120,
 * ReLU, flatten, FC 84, ReLU, dropout, FC 10. 45,482 parameters.
 */
public final class LeNet5 {
  /** Parameter count of the network. */
  public static final long PARAMETERS = 45_482;
  /** Layer names in order; the exporter and checkpoint description use them. */
  public static final List<String> LAYERS = List.of(
      "normalize(mean=0.1307,std=0.3081)", "conv5x5x6(pad=2)", "relu", "avgpool2x2/2",
      "conv6x6x16", "relu", "avgpool2x2/2", "conv4x4x120", "relu", "flatten", "fc84", "relu",
      "dropout", "fc10");
  /** Position of each parameterised layer in the block, for reading parameters back by layer. */
  public static final int CONV1 = 1;
  public static final int CONV2 = 4;
  public static final int CONV3 = 7;
  public static final int FC1 = 10;
  public static final int FC2 = 13;

  private final float dropout;

  private LeNet5(Builder builder) {
    this.dropout = builder.dropout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A new, uninitialised block with this configuration. */
  public SequentialBlock newBlock() {
    float mean = ModelContract.MEAN;
    float std = ModelContract.STD;
    return new SequentialBlock()
        .add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().sub(mean).div(std)), "normalize"))
        .add(conv(5, 6).optPadding(new Shape(2, 2)).build())
        .add(Activation.reluBlock())
        .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(conv(6, 16).build())
        .add(Activation.reluBlock())
        .add(Pool.avgPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(conv(4, 120).build())
        .add(Activation.reluBlock())
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(84).build())
        .add(Activation.reluBlock())
        .add(Dropout.builder().optRate(dropout).build())
        .add(Linear.builder().setUnits(ModelContract.CLASSES).build());
  }

  public float dropout() {
    return dropout;
  }

  private static Conv2d.Builder conv(int kernel, int filters) {
    return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters);
  }

  /** Options of the network; everything else is fixed by the architecture. */
  public static final class Builder {
    private float dropout = 0.25f;

    private Builder() {}

    /** Dropout rate before the last layer, in [0,1). */
    public Builder optDropout(float rate) {
      if (!(rate >= 0 && rate < 1)) {
        throw new UserError(USAGE, "--dropout must be in [0,1), got " + rate);
      }
      this.dropout = rate;
      return this;
    }

    public LeNet5 build() {
      return new LeNet5(this);
    }
  }
}
