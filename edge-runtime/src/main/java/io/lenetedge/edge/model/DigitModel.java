package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import io.lenetedge.edge.read.DigitClassifier;

/**
 * A loaded digit classifier on one execution provider. Single images go through one input tensor
 * and one output tensor created once over reused direct, native-order buffers (no allocation per
 * call besides the result handle, which is closed); batches reuse one direct buffer. Not thread
 * safe: one per thread.
 */
public final class DigitModel implements DigitClassifier, AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final ModelFile file;
  private final ModelSpec spec;
  private final ExecutionProvider provider;
  private final Map<String, String> metadata;
  private final int maxBatch;
  private final FloatBuffer single;
  private final FloatBuffer singleOut;
  private final OnnxTensor singleTensor;
  private final OnnxTensor singleOutTensor;
  private final FloatBuffer batch;
  private OutputKind outputKind;
  private boolean detectOutput;
  private boolean closed;

  private DigitModel(OrtEnvironment env, Sessions.Opened opened, ModelFile file,
      ModelOverrides overrides, int maxBatch) throws OrtException {
    this.env = env;
    this.session = opened.session();
    this.provider = opened.provider();
    this.file = file;
    this.metadata = session.getMetadata().getCustomMetadata();
    this.spec = ModelSpecs.resolve(signatures(session.getInputInfo()),
        signatures(session.getOutputInfo()), metadata, overrides);
    this.outputKind = spec.outputKind();
    this.detectOutput = spec.detectOutput();
    this.maxBatch = spec.fixedBatch() > 0 ? (int) spec.fixedBatch() : Math.max(1, maxBatch);
    int classes = spec.classes();
    this.single = direct(ModelContract.PIXELS * Math.max(1, (int) spec.fixedBatch()));
    this.singleOut = direct(classes * Math.max(1, (int) spec.fixedBatch()));
    long n = Math.max(1, spec.fixedBatch());
    this.singleTensor = OnnxTensor.createTensor(env, single, ModelContract.inputShape(n));
    this.singleOutTensor = OnnxTensor.createTensor(env, singleOut, outputShape(n));
    this.batch = direct(ModelContract.PIXELS * this.maxBatch);
  }

  /**
   * Opens {@code file} on {@code ep} with {@code threads} intra-op threads, for batches of up to
   * {@code maxBatch} images (a model with a fixed batch size decides that itself).
   */
  public static DigitModel open(ModelFile file, ExecutionProvider ep, int threads,
      ModelOverrides overrides, int maxBatch, Consumer<String> log) {
    WeightsCheck.verify(file.bytes(), file.source());
    OrtEnvironment env = Sessions.environment();
    Sessions.Opened opened = Sessions.open(env, file.bytes(), file.source(), ep, threads, log);
    try {
      return new DigitModel(env, opened, file, overrides, maxBatch);
    } catch (OrtException e) {
      closeQuietly(opened.session());
      throw new UserError(MODEL, file.source() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(opened.session());
      throw e;
    }
  }

  /** Class probabilities for one image: 784 values in [0,1], white digit on black. */
  public Scores classify(float[] image) {
    checkOpen();
    single.clear();
    spec.encode(image, 0, single);
    try (OrtSession.Result ignored = session.run(Map.of(spec.input().name(), singleTensor),
        Map.of(spec.output().name(), singleOutTensor))) {
      float[] row = new float[spec.classes()];
      singleOut.get(0, row);
      return new Scores(toProbabilities(row, 0));
    } catch (OrtException e) {
      throw new UserError(MODEL, "inference failed: " + e.getMessage(), e);
    }
  }

  /**
   * Every input's probabilities in one call: one image through the pinned single-image tensors,
   * more as one batch (in chunks of at most {@link #maxBatch()}).
   */
  @Override
  public float[][] classify(List<float[]> inputs) {
    int n = inputs.size();
    float[][] out = new float[n][];
    if (n == 1) {
      out[0] = classify(inputs.get(0)).probabilities();
    } else if (n > 1) {
      int classes = spec.classes();
      float[] images = new float[n * ModelContract.PIXELS];
      for (int i = 0; i < n; i++) {
        System.arraycopy(inputs.get(i), 0, images, i * ModelContract.PIXELS, ModelContract.PIXELS);
      }
      float[] probabilities = new float[n * classes];
      classify(images, n, probabilities);
      for (int i = 0; i < n; i++) {
        out[i] = java.util.Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
      }
    }
    return out;
  }

  /**
   * Classifies {@code n} images ({@code images} holds n x 784 values) into {@code out}
   * (n x classes probabilities), in chunks of at most {@link #maxBatch()}.
   */
  public void classify(float[] images, int n, float[] out) {
    checkOpen();
    int classes = spec.classes();
    for (int from = 0; from < n; from += maxBatch) {
      int count = Math.min(maxBatch, n - from);
      int rows = spec.fixedBatch() > 0 ? (int) spec.fixedBatch() : count;
      batch.clear();
      for (int i = 0; i < count; i++) {
        spec.encode(images, (from + i) * ModelContract.PIXELS, batch);
      }
      for (int i = count; i < rows; i++) {
        batch.put(new float[ModelContract.PIXELS]);
      }
      batch.flip();
      try (OnnxTensor tensor = OnnxTensor.createTensor(env, batch, ModelContract.inputShape(rows));
          OrtSession.Result result = session.run(Map.of(spec.input().name(), tensor))) {
        OnnxValue value = result.get(spec.output().name()).orElseThrow();
        FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
        float[] scores = new float[values.remaining()];
        values.get(scores);
        for (int i = 0; i < count; i++) {
          System.arraycopy(toProbabilities(scores, i * classes), 0, out, (from + i) * classes, classes);
        }
      } catch (OrtException e) {
        throw new UserError(MODEL, "inference failed: " + e.getMessage(), e);
      }
    }
  }

  private float[] toProbabilities(float[] scores, int from) {
    int classes = spec.classes();
    if (detectOutput) {
      outputKind = Scores.isDistribution(scores, from, classes) ? OutputKind.PROBABILITIES : OutputKind.LOGITS;
      detectOutput = false;
    }
    float[] p = new float[classes];
    if (outputKind == OutputKind.PROBABILITIES) {
      System.arraycopy(scores, from, p, 0, classes);
    } else {
      Scores.softmax(scores, from, classes, p);
    }
    return p;
  }

  public ModelSpec spec() {
    return spec;
  }

  public ExecutionProvider provider() {
    return provider;
  }

  public ModelFile file() {
    return file;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** Producer, graph and description as ONNX Runtime reads them. */
  public List<String> describe() throws OrtException {
    var m = session.getMetadata();
    return List.of("producer: " + m.getProducerName(), "graph: " + m.getGraphName(),
        "version: " + m.getVersion(), "description: " + m.getDescription());
  }

  public int maxBatch() {
    return maxBatch;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    singleTensor.close();
    singleOutTensor.close();
    closeQuietly(session);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Trying to classify with a closed DigitModel.");
    }
  }

  private long[] outputShape(long n) {
    return spec.output().rank() == 1 ? new long[] {spec.classes()} : new long[] {n, spec.classes()};
  }

  private static FloatBuffer direct(int floats) {
    return ByteBuffer.allocateDirect(floats * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  private static List<TensorSignature> signatures(Map<String, NodeInfo> nodes) {
    List<TensorSignature> list = new ArrayList<>();
    for (NodeInfo node : nodes.values()) {
      if (node.getInfo() instanceof TensorInfo t) {
        list.add(new TensorSignature(node.getName(), t.type.name(), t.getShape()));
      } else {
        list.add(new TensorSignature(node.getName(), node.getInfo().toString(), new long[0]));
      }
    }
    return list;
  }

  private static void closeQuietly(OrtSession s) {
    try {
      s.close();
    } catch (OrtException ignored) {
      // closing is best effort once something else has failed
    }
  }
}
