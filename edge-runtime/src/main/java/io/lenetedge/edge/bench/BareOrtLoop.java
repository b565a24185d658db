package io.lenetedge.edge.bench;

import static io.lenetedge.common.UserError.Kind.MODEL;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.model.Sessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * The reference the runtime is measured against: the plainest fast ONNX Runtime loop on the same
 * model and session options (one reused direct buffer filled each call, a tensor created over it
 * and closed, the result closed), with no softmax and no model contract around it. Timed from
 * filling the buffer to the closed result, as the runtime is timed from its input to its answer.
 */
public final class BareOrtLoop implements TimedCall, AutoCloseable {
  private final OrtEnvironment env = Sessions.environment();
  private final OrtSession session;
  private final String input;
  private final FloatBuffer buffer;
  private final long[] shape;
  private final int batch;
  private final float[] images;
  private final int imageCount;

  private BareOrtLoop(OrtSession session, String input, int batch, float[] images, int imageCount) {
    this.session = session;
    this.input = input;
    this.batch = batch;
    this.images = images;
    this.imageCount = imageCount;
    this.buffer = ByteBuffer.allocateDirect(batch * ModelContract.PIXELS * Float.BYTES).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    this.shape = ModelContract.inputShape(batch);
  }

  /** A session on {@code model} with the runtime's options and {@code threads} intra-op threads. */
  public static BareOrtLoop open(byte[] model, String input, int threads, int batch, float[] images,
      int imageCount) {
    try (OrtSession.SessionOptions options = Sessions.latencyOptions(threads)) {
      return new BareOrtLoop(Sessions.environment().createSession(model, options), input,
          batch, images, imageCount);
    } catch (OrtException e) {
      throw new UserError(MODEL, "bare ONNX Runtime loop failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long call(long i) {
    long t0 = System.nanoTime();
    buffer.clear();
    for (int b = 0; b < batch; b++) {
      buffer.put(images, (int) ((i + b) % imageCount) * ModelContract.PIXELS, ModelContract.PIXELS);
    }
    buffer.rewind();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, shape);
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      result.get(0);
    } catch (OrtException e) {
      throw new UserError(MODEL, "bare ONNX Runtime loop failed: " + e.getMessage(), e);
    }
    return System.nanoTime() - t0;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException ignored) {
      // best effort at the end of a benchmark
    }
  }
}
