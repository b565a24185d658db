package io.lenetedge.benchmarks;

import io.lenetedge.common.ModelContract;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.model.Scores;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;
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
 * The peer: OpenCV's DNN module (4.9.0, OpenCV backend, CPU target, one thread) running the same
 * embedded ONNX model on the same inputs, the way a Java user of OpenCV would: the input blob's
 * values put per call, {@code setInput}, {@code forward}, the logits read back.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class OpenCvDnnBench {
  @Param({"1", "64"})
  public int batch;

  private Net net;
  private Mat blob;
  private float[] images;
  private String input;
  private String output;

  @Setup
  public void open() {
    nu.pattern.OpenCV.loadLocally();
    Core.setNumThreads(1);
    net = Dnn.readNetFromONNX(new MatOfByte(ModelFile.load(null).bytes()));
    net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
    net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
    input = ModelContract.INPUT;
    output = ModelContract.OUTPUT_LOGITS;
    images = TestImages.modelInputs(batch);
    blob = new Mat(new int[] {batch, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE}, CvType.CV_32F);
    checkAgreesWithOnnxRuntime();
  }

  /** The peer must compute the same function, or its speed means nothing. */
  private void checkAgreesWithOnnxRuntime() {
    float[] logits = forward();
    float[] p = new float[ModelContract.CLASSES];
    Scores.softmax(logits, 0, ModelContract.CLASSES, p);
    try (DigitModel ort = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 1, line -> { })) {
      float[] expected = ort.classify(java.util.Arrays.copyOf(images, ModelContract.PIXELS)).probabilities();
      for (int c = 0; c < ModelContract.CLASSES; c++) {
        if (Math.abs(expected[c] - p[c]) > 1e-4) {
          throw new IllegalStateException("OpenCV DNN disagrees with ONNX Runtime on class " + c
              + ": " + p[c] + " vs " + expected[c]);
        }
      }
    }
  }

  @TearDown
  public void close() {
    blob.release();
  }

  @Benchmark
  public float[] forward() {
    blob.put(new int[] {0, 0, 0, 0}, images);
    net.setInput(blob, input);
    Mat logits = net.forward(output);
    float[] out = new float[batch * ModelContract.CLASSES];
    logits.reshape(1, 1).get(0, 0, out);
    logits.release();
    return out;
  }
}
