package io.lenetedge.exporter;

import static io.lenetedge.common.UserError.Kind.FAILED;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.lenetedge.common.LargeStack;
import io.lenetedge.common.OrtBatches;
import io.lenetedge.common.UserError;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs an exported file with ONNX Runtime (CPU) for verification, through {@link OrtBatches}: one
 * reused direct input buffer, every tensor and result closed.
 */
final class OnnxScorer implements AutoCloseable {
  private final OrtEnvironment env =
      LargeStack.call("onnxruntime-init", OrtEnvironment::getEnvironment);
  private final OrtSession session;
  private final OrtBatches batches;

  OnnxScorer(Path model, String input, String output, int maxBatch) {
    try {
      this.session = env.createSession(model.toString(), new OrtSession.SessionOptions());
    } catch (OrtException e) {
      throw new UserError(FAILED, "ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
    }
    try {
      this.batches = new OrtBatches(env, session, input, output, maxBatch, 0, OrtBatches.AS_IS);
    } catch (OrtException | IllegalArgumentException e) {
      closeQuietly();
      throw new UserError(FAILED, model + ": " + e.getMessage(), e);
    }
  }

  /**
   * The named output for {@code n} images (28x28 values, one after another), [n,10] row-major, in
   * runs of at most the scorer's batch size.
   */
  float[] run(float[] images, int offset, int n) {
    try {
      return batches.run(images, offset, n);
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

  private void closeQuietly() {
    try {
      session.close();
    } catch (OrtException ignored) {
      // the error that made us close is the one to report
    }
  }
}
