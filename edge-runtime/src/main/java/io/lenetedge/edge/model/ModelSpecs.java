package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;

import io.lenetedge.common.ModelContract;
import io.lenetedge.common.ModelContract.Meta;
import io.lenetedge.common.UserError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Decides a {@link ModelSpec} from a model's signatures and metadata and the user's overrides.
 * Pure: no ONNX Runtime types (the model is run only through an {@link OutputProbe}), so every
 * rule is tested on plain values.
 */
public final class ModelSpecs {
  private static final int MIN_CLASSES = 10;
  /** A blank image and a mid-grey one, the probe's input. */
  private static final int PROBE_IMAGES = 2;

  /** Runs images through the model being opened, fed as a spec says. */
  @FunctionalInterface
  public interface OutputProbe {
    /** The output's raw values for {@code n} images of 784 pixels in [0,1], row after row. */
    float[] run(ModelSpec feed, float[] images, int n);
  }

  private ModelSpecs() {}

  /**
   * The spec of a model with these signatures and metadata under {@code overrides}. When neither
   * says what the output holds, {@code probe} runs two images once and rows that sum to 1 mean
   * probabilities.
   *
   * @throws UserError when the model's input or output does not fit a digit classifier
   */
  public static ModelSpec resolve(List<TensorSignature> inputs, List<TensorSignature> outputs,
      Map<String, String> metadata, ModelOverrides overrides, OutputProbe probe) {
    List<String> notes = new ArrayList<>();
    TensorSignature input = input(inputs);
    long batch = input.shape()[0] > 0 ? input.shape()[0] : 0;
    TensorSignature output = output(outputs, metadata, notes);
    int classes = classes(output);

    float range = inputRange(metadata, overrides, notes);
    float scale;
    float offset;
    if (overrides.mean() != null) {
      scale = 1f / overrides.std();
      offset = -overrides.mean() / overrides.std();
      notes.add("normalisation: by the runtime, (x - " + overrides.mean() + ") / " + overrides.std()
          + " (from --mean/--std)");
    } else {
      scale = range;
      offset = 0f;
      String n = metadata.getOrDefault(Meta.NORMALIZATION, "");
      notes.add(n.startsWith("inside")
          ? "normalisation: inside the model (from metadata)"
          : "normalisation: none by the runtime (no metadata; give --mean and --std if the model expects it)");
    }

    List<String> labels = labels(metadata, classes);
    OutputKind kind = outputKind(output, metadata, overrides);
    if (kind == null) {
      ModelSpec feed = new ModelSpec(input, output, batch, classes, scale, offset,
          OutputKind.LOGITS, labels, List.of());
      kind = detect(probe.run(feed, probeImages(), PROBE_IMAGES), classes);
      notes.add("output: " + output.name() + " holds " + kind + " (detected: its rows "
          + (kind == OutputKind.PROBABILITIES ? "sum" : "do not sum") + " to 1)");
    } else {
      notes.add("output: " + output.name() + " holds " + kind);
    }
    return new ModelSpec(input, output, batch, classes, scale, offset, kind, labels,
        List.copyOf(notes));
  }

  private static float[] probeImages() {
    float[] images = new float[PROBE_IMAGES * ModelContract.PIXELS];
    Arrays.fill(images, ModelContract.PIXELS, images.length, 0.5f);
    return images;
  }

  private static OutputKind detect(float[] scores, int classes) {
    if (scores.length < PROBE_IMAGES * classes) {
      throw new UserError(MODEL, "the output gave " + scores.length + " values for " + PROBE_IMAGES
          + " images, expected " + classes + " per image");
    }
    for (int i = 0; i < PROBE_IMAGES; i++) {
      if (!Scores.isDistribution(scores, i * classes, classes)) {
        return OutputKind.LOGITS;
      }
    }
    return OutputKind.PROBABILITIES;
  }

  private static TensorSignature input(List<TensorSignature> inputs) {
    if (inputs.size() != 1) {
      throw new UserError(MODEL, "the model has " + inputs.size() + " inputs "
          + inputs.stream().map(TensorSignature::name).toList()
          + ", expected exactly one image input [N,1,28,28]");
    }
    TensorSignature in = inputs.get(0);
    if (!in.isFloat()) {
      throw new UserError(MODEL, "input " + in.name() + " is " + in.elementType()
          + ", expected FLOAT [N,1,28,28]");
    }
    long[] s = in.shape();
    boolean fits = s.length == 4 && s[0] != 0 && dim(s[1], 1) && dim(s[2], 28) && dim(s[3], 28);
    if (!fits) {
      throw new UserError(MODEL, "input " + in.name() + " has shape "
          + TensorSignature.describe(s) + ", expected [N,1,28,28] (rank 4, one 28x28 channel)");
    }
    return in;
  }

  private static boolean dim(long actual, long expected) {
    return actual == expected || actual < 0;
  }

  private static TensorSignature output(List<TensorSignature> outputs, Map<String, String> metadata,
      List<String> notes) {
    if (outputs.isEmpty()) {
      throw new UserError(MODEL, "the model has no outputs");
    }
    for (String key : List.of(Meta.OUTPUT_PROBABILITIES, Meta.OUTPUT_LOGITS)) {
      String name = metadata.get(key);
      for (TensorSignature o : outputs) {
        if (o.name().equals(name)) {
          return checkedOutput(o);
        }
      }
    }
    for (TensorSignature o : outputs) {
      if (looksLikeProbabilities(o.name())) {
        return checkedOutput(o);
      }
    }
    if (outputs.size() > 1) {
      notes.add("several outputs " + outputs.stream().map(TensorSignature::name).toList()
          + ": using the first");
    }
    return checkedOutput(outputs.get(0));
  }

  private static TensorSignature checkedOutput(TensorSignature o) {
    if (!o.isFloat()) {
      throw new UserError(MODEL, "output " + o.name() + " is " + o.elementType()
          + ", expected FLOAT [N,10] class scores");
    }
    if (o.rank() < 1 || o.rank() > 2) {
      throw new UserError(MODEL, "output " + o.name() + " has shape " + TensorSignature.describe(o.shape())
          + ", expected [N,10] class scores");
    }
    return o;
  }

  private static int classes(TensorSignature o) {
    long c = o.shape()[o.rank() - 1];
    if (c >= 0 && c < MIN_CLASSES) {
      throw new UserError(MODEL, "output " + o.name() + " has " + c + " classes (shape "
          + TensorSignature.describe(o.shape()) + "), expected at least " + MIN_CLASSES + " digits");
    }
    return c < 0 ? MIN_CLASSES : (int) c;
  }

  private static float inputRange(Map<String, String> metadata, ModelOverrides o, List<String> notes) {
    if (o.inputRange() != null) {
      notes.add("input range: [0," + o.inputRange().intValue() + "] (from --input-range)");
      return o.inputRange();
    }
    String r = metadata.getOrDefault(Meta.INPUT_RANGE, "").replace(" ", "");
    if (r.startsWith("[0,255]")) {
      notes.add("input range: [0,255] (from metadata)");
      return 255f;
    }
    notes.add("input range: [0,1] (" + (r.startsWith("[0,1]") ? "from metadata" : "default") + ")");
    return 1f;
  }

  private static OutputKind outputKind(TensorSignature output, Map<String, String> metadata,
      ModelOverrides o) {
    if (o.output() != null) {
      return o.output();
    }
    if (output.name().equals(metadata.get(Meta.OUTPUT_PROBABILITIES))) {
      return OutputKind.PROBABILITIES;
    }
    if (output.name().equals(metadata.get(Meta.OUTPUT_LOGITS))) {
      return OutputKind.LOGITS;
    }
    return looksLikeProbabilities(output.name()) ? OutputKind.PROBABILITIES : null;
  }

  private static boolean looksLikeProbabilities(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("prob") || n.contains("softmax");
  }

  private static List<String> labels(Map<String, String> metadata, int classes) {
    String l = metadata.get(Meta.LABELS);
    if (l != null) {
      List<String> labels = Arrays.stream(l.split(",")).map(String::trim).toList();
      if (labels.size() == classes) {
        return labels;
      }
    }
    return IntStream.range(0, classes).mapToObj(String::valueOf).toList();
  }
}
