package io.lenetedge.benchmarks;

import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.model.Scores;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** The edge runtime's single-image path: embedded model, CPU provider, one intra-op thread. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class EdgeSingleBench {
  private DigitModel model;
  private float[] image;

  @Setup
  public void open() {
    image = TestImages.modelInputs(1);
    model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1, ModelOverrides.NONE, 1,
        line -> { });
  }

  @TearDown
  public void close() {
    model.close();
  }

  @Benchmark
  public Scores classify() {
    return model.classify(image);
  }
}
