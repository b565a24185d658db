package io.lenetedge.exporter;

import static io.lenetedge.common.UserError.Kind.FAILED;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.onnx.proto.OnnxMl.ModelProto;
import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.MnistData;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import io.lenetedge.onnx.LeNetGraph;
import io.lenetedge.trainer.Checkpoint;
import io.lenetedge.trainer.CheckpointDescription;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * A checkpoint to a verified ONNX file: rebuild the DJL block, take its weights, build the graph,
 * write it next to the target, verify it against DJL and the recorded accuracy, then move it into
 * place. A file that fails verification never reaches the target path.
 */
public final class OnnxExport {
  private OnnxExport() {}

  /** What an export produced. */
  public record Result(Path file, long bytes, String sha256, Verification verification) {}

  public static Result export(Path checkpointDir, MnistData mnist, Path target) {
    CheckpointDescription d = Checkpoint.readDescription(checkpointDir);
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = Checkpoint.loadBlock(checkpointDir, d, manager);
      LeNetWeights weights = DjlWeights.from(block);
      ModelProto model = LeNetGraph.builder().build()
          .model(weights, ExportMetadata.of(d, weights, Instant.parse(d.created())));
      Path tmp = write(model, target);
      try {
        Verification v = ExportVerifier.verify(tmp, mnist.test(), d.testAccuracy(),
            (images, offset, n) -> djlLogits(block, manager, images, offset, n));
        if (!v.failures().isEmpty()) {
          throw new UserError(FAILED, "the exported model does not match the trainer: "
              + String.join("; ", v.failures()) + ". Nothing was written to " + target + ".\n"
              + v.report().stripTrailing());
        }
        move(tmp, target);
        return new Result(target, Files.size(target), io.lenetedge.common.Sha256.of(target), v);
      } catch (IOException e) {
        throw new UserError(FAILED, "cannot read " + target + ": " + e.getMessage(), e);
      } finally {
        deleteQuietly(tmp);
      }
    }
  }

  static float[] djlLogits(Block block, NDManager manager, float[] images, int offset, int n) {
    try (NDManager batch = manager.newSubManager()) {
      var input = batch.create(FloatBuffer.wrap(images, offset, n * ModelContract.PIXELS),
          new Shape(n, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE));
      return block.forward(new ParameterStore(batch, false), new NDList(input), false)
          .singletonOrThrow().toFloatArray();
    }
  }

  /** Writes {@code model} to a temporary file beside {@code target}, in one write. */
  static Path write(ModelProto model, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        model.writeTo(out);
      }
      return tmp;
    } catch (IOException e) {
      throw new UserError(FAILED, "cannot write the model into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: a leftover .tmp file is harmless
    }
  }
}
