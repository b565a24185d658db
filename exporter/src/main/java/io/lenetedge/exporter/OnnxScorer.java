package io.lenetedge.exporter;

import static io.lenetedge.common.UserError.Kind.FAILED;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.lenetedge.common.LargeStack;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs an exported file with ONNX Runtime (CPU) for verification: one reused direct input buffer,
 * every tensor and result closed.
 */
final class OnnxScorer implements AutoCloseable {
  private final OrtEnvironment env =
      LargeStack.call("onnxruntime-init", OrtEnvironment::getEnvironment);
  private final OrtSession session;
  private final String input;
  private final String output;
  private final int maxBatch;
  private final FloatBuffer buffer;

  OnnxScorer(Path model, String input, String output, int maxBatch) {
    try {
      this.session = env.createSession(model.toString(), new OrtSession.SessionOptions());
    } catch (OrtException e) {
      throw new UserError(FAILED, "ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
    }
    this.input = input;
    this.output = output;
    this.maxBatch = maxBatch;
    this.buffer = ByteBuffer.allocateDirect(maxBatch * ModelContract.PIXELS * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** The named output for {@code n} images (28x28 values, one after another), [n,10] row-major. */
  float[] run(float[] images, int offset, int n) {
    if (n > maxBatch) {
      throw new IllegalArgumentException("batch " + n + " exceeds " + maxBatch);
    }
    buffer.clear();
    buffer.put(images, offset, n * ModelContract.PIXELS);
    // createTensor reads from the buffer's position to its limit.
    buffer.flip();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, ModelContract.inputShape(n));
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      OnnxTensor out = (OnnxTensor) result.get(output)
          .orElseThrow(() -> new UserError(FAILED, "model has no output " + output));
      FloatBuffer values = out.getFloatBuffer();
      float[] logits = new float[values.remaining()];
      values.get(logits);
      return logits;
    } catch (OrtException e) {
      throw new UserError(FAILED, "ONNX Runtime failed to run the model: " + e.getMessage(), e);
    }
  }

  Map<String, String> metadata() {
    try {
      return session.getMetadata().getCustomMetadata();
    } catch (OrtException e) {
      throw new UserError(FAILED, "cannot read the model's metadata: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new UserError(FAILED, "cannot close the ONNX Runtime session: " + e.getMessage(), e);
    }
  }
}
