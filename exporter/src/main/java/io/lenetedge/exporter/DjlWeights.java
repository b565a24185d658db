package io.lenetedge.exporter;

import static io.lenetedge.common.UserError.Kind.MODEL;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.UserError;
import io.lenetedge.trainer.LeNet5;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the trained arrays out of a DJL {@link LeNet5} block, checking every shape. */
final class DjlWeights {
  private static final int[] LAYERS = {LeNet5.CONV1, LeNet5.CONV2, LeNet5.CONV3, LeNet5.FC1,
      LeNet5.FC2};

  private DjlWeights() {}

  static LeNetWeights from(Block block) {
    List<float[]> arrays = new ArrayList<>();
    for (int layer : LAYERS) {
      Block child = block.getChildren().get(layer).getValue();
      for (String kind : List.of("weight", "bias")) {
        arrays.add(read(child, kind, LeNetWeights.SHAPES.get(arrays.size()),
            LeNetWeights.NAMES.get(arrays.size())));
      }
    }
    return LeNetWeights.of(arrays);
  }

  private static float[] read(Block layer, String kind, long[] expected, String name) {
    for (Pair<String, Parameter> p : layer.getParameters()) {
      if (p.getKey().equals(kind)) {
        NDArray array = p.getValue().getArray();
        if (!Arrays.equals(array.getShape().getShape(), expected)) {
          throw new UserError(MODEL, name + " has shape " + array.getShape() + ", expected "
              + Arrays.toString(expected) + "; the checkpoint is not this LeNet-5");
        }
        return array.toFloatArray();
      }
    }
    throw new UserError(MODEL, name + ": no '" + kind + "' parameter in layer " + layer);
  }
}
