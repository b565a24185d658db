package io.lenetedge.benchmarks;

import ai.djl.pytorch.jni.JniUtils;
import io.lenetedge.trainer.BuildInfo;
import io.lenetedge.trainer.DjlInference;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * DJL PyTorch forward of the trained checkpoint on the CPU, as {@code trainer bench} runs it
 * ({@link DjlInference}: input from the caller's array, block.forward in a sub-manager closed every
 * call). The checkpoint is {@code -Dbench.checkpoint=DIR}, else {@code ../runs/default}, else
 * {@code runs/default}. Every parameter combination runs in its own fork; the intra-op thread count
 * is set there with {@code torch.set_num_threads} and checked, inter-op threads are 1.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
    "-Dai.djl.pytorch.num_interop_threads=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class DjlForwardBench {
  @Param({"1", "64"})
  public int batch;

  @Param({"1", "2"})
  public int threads;

  private DjlInference inference;
  private float[] images;

  @Setup
  public void open() {
    BuildInfo.applyDjlDefaults();
    images = TestImages.modelInputs(batch);
    inference = DjlInference.open(checkpoint());
    JniUtils.setNumThreads(threads);
    if (JniUtils.getNumThreads() != threads) {
      throw new IllegalStateException("PyTorch runs " + JniUtils.getNumThreads()
          + " intra-op threads, not " + threads);
    }
  }

  @TearDown
  public void close() {
    inference.close();
  }

  @Benchmark
  public float[] forward() {
    return inference.logits(images);
  }

  static Path checkpoint() {
    String property = System.getProperty("bench.checkpoint");
    if (property != null) {
      return Path.of(property);
    }
    for (String candidate : new String[] {"../runs/default", "runs/default"}) {
      if (Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException("no checkpoint in ../runs/default or runs/default (from "
        + Path.of("").toAbsolutePath() + "); train one with scripts/train.sh default or pass"
        + " -Dbench.checkpoint=DIR");
  }
}
