package io.lenetedge.edge.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.lenetedge.edge.model.ModelException;
import io.lenetedge.edge.model.Sessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The reference the runtime is measured against: the plainest fast ONNX Runtime loop on the same
 * model and session options (one reused direct buffer filled each call, a tensor created over it
 * and closed, the result closed), with no softmax and no model contract around it. Timed from
 * filling the buffer to the closed result, as the runtime is timed from its input to its answer.
 */
public final class BareOrtLoop {
  private BareOrtLoop() {}

  public static LatencyStats run(byte[] model, String input, int threads, int batch, int warmup,
      long iterations, double maxSeconds, float[] images, int imageCount) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    FloatBuffer buffer = ByteBuffer.allocateDirect(batch * 784 * Float.BYTES)
        .order(ByteOrder.nativeOrder()).asFloatBuffer();
    long[] shape = {batch, 1, 28, 28};
    Histogram histogram = LatencyStats.newHistogram();
    try (OrtSession.SessionOptions options = Sessions.latencyOptions(threads);
        OrtSession session = env.createSession(model, options)) {
      long deadline = maxSeconds > 0 ? System.nanoTime() + (long) (maxSeconds * 1e9) : Long.MAX_VALUE;
      long timedStart = 0;
      for (long i = 0; i < warmup + iterations; i++) {
        if (i == warmup) {
          timedStart = System.nanoTime();
        }
        long t0 = System.nanoTime();
        buffer.clear();
        for (int b = 0; b < batch; b++) {
          buffer.put(images, (int) ((i + b) % imageCount) * 784, 784);
        }
        buffer.rewind();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, shape);
            OrtSession.Result result = session.run(Map.of(input, tensor))) {
          result.get(0);
        }
        long t1 = System.nanoTime();
        if (i >= warmup) {
          histogram.recordValue(Math.min(t1 - t0, histogram.getHighestTrackableValue()));
          if (t1 > deadline) {
            break;
          }
        }
      }
      return LatencyStats.of(histogram, batch, (System.nanoTime() - timedStart) / 1e9);
    } catch (OrtException e) {
      throw new ModelException("bare ONNX Runtime loop failed: " + e.getMessage(), e);
    }
  }
}
