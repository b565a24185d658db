package io.lenetedge.benchmarks;

import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
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

/** The edge runtime's batch path: 64 images per call on the CPU provider. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EdgeBatchBench {
  static final int BATCH = 64;

  @Param({"1", "2"})
  public int threads;

  private DigitModel model;
  private float[] images;
  private float[] out;

  @Setup
  public void open() {
    images = TestImages.modelInputs(BATCH);
    model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, threads,
        ModelOverrides.NONE, BATCH, line -> { });
    out = new float[BATCH * model.spec().classes()];
  }

  @TearDown
  public void close() {
    model.close();
  }

  @Benchmark
  public float[] classifyBatch64() {
    model.classify(images, BATCH, out);
    return out;
  }
}
