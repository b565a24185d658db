package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.OrtBatches;
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
 * A loaded digit classifier on one execution provider, its {@link ModelSpec} decided once when it
 * is opened. Single images go through one input tensor and one output tensor created once over
 * reused direct, native-order buffers (no allocation per call besides the result handle, which is
 * closed); batches go through {@link OrtBatches}. Not thread safe: one per thread.
 */
public final class DigitModel implements DigitClassifier, AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final ModelFile file;
  private final ModelSpec spec;
  private final ExecutionProvider provider;
  private final Map<String, String> metadata;
  private final FloatBuffer single;
  private final FloatBuffer singleOut;
  private final OnnxTensor singleTensor;
  private final OnnxTensor singleOutTensor;
  private final OrtBatches batches;
  private boolean closed;

  private DigitModel(OrtEnvironment env, Sessions.Opened opened, ModelFile file,
      ModelOverrides overrides, int maxBatch) throws OrtException {
    this.env = env;
    this.session = opened.session();
    this.provider = opened.provider();
    this.file = file;
    this.metadata = session.getMetadata().getCustomMetadata();
    this.spec = ModelSpecs.resolve(signatures(session.getInputInfo()),
        signatures(session.getOutputInfo()), metadata, overrides, this::probe);
    this.batches = batches(spec, maxBatch);
    long n = Math.max(1, spec.fixedBatch());
    this.single = direct(ModelContract.PIXELS * (int) n);
    this.singleOut = direct(spec.classes() * (int) n);
    this.singleTensor = OnnxTensor.createTensor(env, single, ModelContract.inputShape(n));
    this.singleOutTensor = OnnxTensor.createTensor(env, singleOut, outputShape(n));
  }

  private OrtBatches batches(ModelSpec feed, int maxBatch) throws OrtException {
    return new OrtBatches(env, session, feed.input().name(), feed.output().name(),
        Math.max(1, maxBatch), (int) feed.fixedBatch(), feed::encode);
  }

  /** The raw output for {@code images}, while the spec is being decided. */
  private float[] probe(ModelSpec feed, float[] images, int n) {
    try {
      return batches(feed, n).run(images, 0, n);
    } catch (OrtException e) {
      throw new UserError(MODEL, "the model fails on a probe image: " + e.getMessage(), e);
    }
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
    float[] scores;
    try {
      scores = batches.run(images, 0, n);
    } catch (OrtException e) {
      throw new UserError(MODEL, "inference failed: " + e.getMessage(), e);
    }
    for (int i = 0; i < n; i++) {
      System.arraycopy(toProbabilities(scores, i * classes), 0, out, i * classes, classes);
    }
  }

  private float[] toProbabilities(float[] scores, int from) {
    int classes = spec.classes();
    float[] p = new float[classes];
    if (spec.outputKind() == OutputKind.PROBABILITIES) {
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
    return batches.maxBatch();
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
