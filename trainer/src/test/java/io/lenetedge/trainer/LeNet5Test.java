package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeNet5Test {
  static {
    BuildInfo.applyDjlDefaults();
  }

  @Test
  void everyLayerHasTheShapeOfTheSpecification() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      SequentialBlock block = LeNet5.builder().build().newBlock();
      Shape in = new Shape(7, 1, 28, 28);
      block.initialize(manager, DataType.FLOAT32, in);
      List<Shape> shapes = new ArrayList<>();
      Shape current = in;
      for (Pair<String, Block> child : block.getChildren()) {
        current = child.getValue().getOutputShapes(new Shape[] {current})[0];
        shapes.add(current);
      }
      assertEquals(List.of(
          new Shape(7, 1, 28, 28), new Shape(7, 6, 28, 28), new Shape(7, 6, 28, 28),
          new Shape(7, 6, 14, 14), new Shape(7, 16, 9, 9), new Shape(7, 16, 9, 9),
          new Shape(7, 16, 4, 4), new Shape(7, 120, 1, 1), new Shape(7, 120, 1, 1),
          new Shape(7, 120), new Shape(7, 84), new Shape(7, 84), new Shape(7, 84),
          new Shape(7, 10)), shapes);
      assertEquals(LeNet5.LAYERS.size(), shapes.size());
    }
  }

  @Test
  void parameterCountIs45482() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      SequentialBlock block = LeNet5.builder().build().newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      long count = 0;
      for (Pair<String, Parameter> p : block.getParameters()) {
        count += p.getValue().getArray().size();
      }
      assertEquals(45_482, count);
      assertEquals(LeNet5.PARAMETERS, count);
    }
  }

  @Test
  void forwardGivesTenLogitsPerImage() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      SequentialBlock block = LeNet5.builder().build().newBlock();
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
      var out = block.forward(new ai.djl.training.ParameterStore(manager, false),
          new ai.djl.ndarray.NDList(manager.randomUniform(0, 1, new Shape(3, 1, 28, 28))), false);
      assertEquals(new Shape(3, 10), out.singletonOrThrow().getShape());
    }
  }
}
