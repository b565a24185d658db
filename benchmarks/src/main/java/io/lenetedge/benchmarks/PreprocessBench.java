package io.lenetedge.benchmarks;

import io.lenetedge.image.FramePreparer;
import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.MnistStyle.Prepared;
import java.util.Optional;
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
import org.openjdk.jmh.annotations.Warmup;

/** MNIST-style preparation: a 640x480 camera frame through a reused FramePreparer, and a 28x28 picture. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class PreprocessBench {
  private final FramePreparer preparer = new FramePreparer();
  private GrayImage frame;
  private GrayImage small;

  @Setup
  public void draw() {
    frame = TestImages.frame(640, 480);
    small = TestImages.small();
    if (preparer.prepare(frame).isEmpty() || MnistStyle.prepare(small).isEmpty()) {
      throw new IllegalStateException("a synthetic image holds no digit for the preparation;"
          + " fix TestImages so the benchmark times the real path");
    }
  }

  @Benchmark
  public Optional<Prepared> framePreparer640x480() {
    return preparer.prepare(frame);
  }

  @Benchmark
  public Optional<Prepared> mnistStyle28x28() {
    return MnistStyle.prepare(small);
  }
}
