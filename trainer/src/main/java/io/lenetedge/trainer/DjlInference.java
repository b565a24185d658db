package io.lenetedge.trainer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.lenetedge.common.ModelContract;
import java.nio.file.Path;

/**
 * A run folder's trained block for inference with DJL's PyTorch engine on the CPU, called the way an
 * application would: each call creates its input from the caller's array and runs the forward pass
 * in an {@link NDManager} sub-manager that is closed before the call returns. Not thread safe.
 */
public final class DjlInference implements AutoCloseable {
  private final NDManager manager;
  private final Block block;
  private final ParameterStore parameters;
  private final CheckpointDescription description;

  private DjlInference(NDManager manager, Block block, CheckpointDescription description) {
    this.manager = manager;
    this.block = block;
    this.parameters = new ParameterStore(manager, false);
    this.description = description;
  }

  /** Loads {@code runDir}'s checkpoint on the CPU. */
  public static DjlInference open(Path runDir) {
    CheckpointDescription d = Checkpoint.readDescription(runDir);
    NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    try {
      return new DjlInference(manager, Checkpoint.loadBlock(runDir, d, manager), d);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Logits for the images in {@code images} (n x 784 values in [0,1], white digit on black): n x 10
   * values, row by row.
   */
  public float[] logits(float[] images) {
    if (images.length == 0 || images.length % ModelContract.PIXELS != 0) {
      throw new IllegalArgumentException("images must hold n x " + ModelContract.PIXELS
          + " values, got " + images.length);
    }
    int n = images.length / ModelContract.PIXELS;
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.create(images,
          new Shape(n, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE));
      return block.forward(parameters, new NDList(x), false).singletonOrThrow().toFloatArray();
    }
  }

  public CheckpointDescription description() {
    return description;
  }

  @Override
  public void close() {
    manager.close();
  }
}
