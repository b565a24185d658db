package io.lenetedge.edge.model;

import io.lenetedge.edge.read.PageModels;
import io.lenetedge.edge.read.ReadMode;
import java.util.function.Consumer;

/**
 * The {@link PageModels} the jar ships ({@code models/piece-verifier.onnx} and
 * {@code models/page-digits.onnx}, made by {@code scripts/train-page-models.sh}), open on one
 * execution provider; or none. Closes both. Not thread safe: one per thread, like
 * {@link DigitModel}.
 */
public final class EmbeddedPageModels implements AutoCloseable {
  public static final String VERIFIER = "/models/piece-verifier.onnx";
  public static final String DIGITS = "/models/page-digits.onnx";
  private static final String FIX = "; build the jar with `mvn package`, or read with --read digit";

  private final DigitModel verifier;
  private final DigitModel digits;

  private EmbeddedPageModels(DigitModel verifier, DigitModel digits) {
    this.verifier = verifier;
    this.digits = digits;
  }

  /** No page models: numbers are read by the digit model alone. */
  public static EmbeddedPageModels none() {
    return new EmbeddedPageModels(null, null);
  }

  /**
   * The page models reading in {@code mode} needs: none for {@code digit}, else both, opened as
   * {@link #open(ExecutionProvider, int, int, Consumer)} opens them, silently.
   */
  public static EmbeddedPageModels forMode(ReadMode mode, ExecutionProvider ep, int threads,
      int maxBatch) {
    return mode == ReadMode.DIGIT ? none() : open(ep, threads, maxBatch, line -> { });
  }

  /** Opens both on {@code ep} with {@code threads} intra-op threads, for batches of up to {@code maxBatch}. */
  public static EmbeddedPageModels open(ExecutionProvider ep, int threads, int maxBatch,
      Consumer<String> log) {
    DigitModel verifier = DigitModel.open(ModelFile.embedded(VERIFIER, FIX), ep, threads,
        ModelOverrides.NONE, maxBatch, log);
    try {
      return new EmbeddedPageModels(verifier, DigitModel.open(ModelFile.embedded(DIGITS, FIX), ep,
          threads, ModelOverrides.NONE, maxBatch, log));
    } catch (RuntimeException e) {
      verifier.close();
      throw e;
    }
  }

  /** The models, for a {@link io.lenetedge.edge.read.FrameReader}. */
  public PageModels models() {
    return verifier == null ? PageModels.NONE : new PageModels(verifier, digits);
  }

  @Override
  public void close() {
    if (verifier != null) {
      verifier.close();
      digits.close();
    }
  }
}
