package io.lenetedge.common;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Runs images through one input and one output of an ONNX Runtime session in chunks of at most
 * {@link #maxBatch()}, each chunk written into one reused direct, native-order buffer. A model
 * with a fixed batch size gets every chunk padded to that size with zeros, and the padding's rows
 * are dropped from the answer. Every tensor and result is closed; the session is the caller's.
 * Not thread safe.
 */
public final class OrtBatches {
  /** Writes one image ({@link ModelContract#PIXELS} values of {@code images} from {@code from}). */
  @FunctionalInterface
  public interface Encoder {
    void encode(float[] images, int from, FloatBuffer dst);
  }

  /** Writes the pixels as they are. */
  public static final Encoder AS_IS = (images, from, dst) -> dst.put(images, from, ModelContract.PIXELS);

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String input;
  private final String output;
  private final int maxBatch;
  private final int fixedBatch;
  private final Encoder encoder;
  private final FloatBuffer buffer;

  /**
   * Batches for {@code session}'s {@code input} and {@code output}.
   *
   * @param maxBatch the most images per run; ignored when {@code fixedBatch} is positive
   * @param fixedBatch the batch size the model insists on, 0 when dynamic
   * @throws IllegalArgumentException when the session has no such input or output, or the sizes
   *     are not positive
   * @throws OrtException when ONNX Runtime cannot list the session's names
   */
  public OrtBatches(OrtEnvironment env, OrtSession session, String input, String output,
      int maxBatch, int fixedBatch, Encoder encoder) throws OrtException {
    requireName("input", input, session.getInputNames());
    requireName("output", output, session.getOutputNames());
    if (maxBatch < 1 || fixedBatch < 0) {
      throw new IllegalArgumentException("batch sizes must be positive, got maxBatch " + maxBatch
          + " and fixedBatch " + fixedBatch);
    }
    this.env = env;
    this.session = session;
    this.input = input;
    this.output = output;
    this.fixedBatch = fixedBatch;
    this.maxBatch = fixedBatch > 0 ? fixedBatch : maxBatch;
    this.encoder = encoder;
    this.buffer = ByteBuffer.allocateDirect(this.maxBatch * ModelContract.PIXELS * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** The most images one run of the session takes. */
  public int maxBatch() {
    return maxBatch;
  }

  /**
   * The output's raw values for {@code n} images that start at {@code images[offset]}: n rows of
   * the output's width, one after another.
   *
   * @throws OrtException when ONNX Runtime fails to run the model
   */
  public float[] run(float[] images, int offset, int n) throws OrtException {
    if (n > 0 && n <= maxBatch && rows(n) == n) {
      return runChunk(images, offset, n);
    }
    float[] out = null;
    for (int from = 0; from < n; from += maxBatch) {
      int count = Math.min(maxBatch, n - from);
      float[] chunk = runChunk(images, offset + from * ModelContract.PIXELS, count);
      int width = chunk.length / rows(count);
      if (out == null) {
        out = new float[n * width];
      }
      System.arraycopy(chunk, 0, out, from * width, count * width);
    }
    return out == null ? new float[0] : out;
  }

  private float[] runChunk(float[] images, int offset, int count) throws OrtException {
    int rows = rows(count);
    buffer.clear();
    for (int i = 0; i < count; i++) {
      encoder.encode(images, offset + i * ModelContract.PIXELS, buffer);
    }
    for (int i = count * ModelContract.PIXELS; i < rows * ModelContract.PIXELS; i++) {
      buffer.put(0f);
    }
    // createTensor reads from the buffer's position to its limit.
    buffer.flip();
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, ModelContract.inputShape(rows));
        OrtSession.Result result = session.run(Map.of(input, tensor))) {
      OnnxValue value = result.get(output).orElseThrow();
      FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
      float[] scores = new float[values.remaining()];
      values.get(scores);
      return scores;
    }
  }

  private int rows(int count) {
    return fixedBatch > 0 ? fixedBatch : count;
  }

  private static void requireName(String what, String name, java.util.Set<String> names) {
    if (!names.contains(name)) {
      throw new IllegalArgumentException("the model has no " + what + " '" + name
          + "', expected one of " + names);
    }
  }
}
