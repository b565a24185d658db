package io.lenetedge.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.lenetedge.common.ModelContract;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.Sessions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ONNX Runtime with nothing around it, on the same embedded model and the session options the edge
 * runtime uses (all graph optimisations, sequential, one intra-op and one inter-op thread): one
 * reused direct native-order buffer filled per call, an input tensor created and closed per call,
 * the result closed. The edge benchmarks minus these are the runtime's own overhead.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class BareOrtBench {
  @Param({"1", "64"})
  public int batch;

  private OrtEnvironment env;
  private OrtSession session;
  private String inputName;
  private FloatBuffer buffer;
  private long[] shape;
  private float[] images;

  @Setup
  public void open() throws OrtException {
    env = Sessions.environment();
    try (SessionOptions options = new SessionOptions()) {
      options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
      options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      session = env.createSession(ModelFile.load(null).bytes(), options);
    }
    inputName = session.getInputNames().iterator().next();
    images = TestImages.modelInputs(batch);
    buffer = ByteBuffer.allocateDirect(images.length * Float.BYTES).order(ByteOrder.nativeOrder())
        .asFloatBuffer();
    shape = new long[] {batch, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE};
  }

  @TearDown
  public void close() throws OrtException {
    session.close();
  }

  @Benchmark
  public float[] run() throws OrtException {
    buffer.clear();
    buffer.put(images);
    buffer.flip();
    try (OnnxTensor input = OnnxTensor.createTensor(env, buffer, shape);
        OrtSession.Result result = session.run(Map.of(inputName, input))) {
      FloatBuffer logits = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] out = new float[logits.remaining()];
      logits.get(out);
      return out;
    }
  }
}
