package io.lenetedge.edge.read;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.image.Candidates;
import io.lenetedge.image.GrayImage;
import java.util.List;

/**
 * The one path from a picture to what it reads: the preparation finds the candidate digits, the
 * classifier classifies all their inputs in one call (and the {@link PageModels}, when given,
 * their context views, one call each), and {@link CandidateReader} makes the reading.
 * {@code run}, {@code classify}, {@code eval}, {@code bench} and {@code POST /predict} all read
 * through one. Records how long the last read spent preparing and classifying (the page models
 * count as classifying). Not thread-safe: one per thread.
 */
public final class FrameReader {
  private final Preparation preparation;
  private final DigitClassifier classifier;
  private final PageModels pageModels;
  private final float minConfidence;
  private long prepareNanos;
  private long classifyNanos;

  /**
   * @param minConfidence digits the model gives less than this probability read as unsure
   */
  public FrameReader(Preparation preparation, DigitClassifier classifier, float minConfidence) {
    this(preparation, classifier, PageModels.NONE, minConfidence);
  }

  /**
   * A reader that also weighs the pieces of a page with {@code pageModels} when the preparation
   * gives them context views ({@code --read number}).
   *
   * @param minConfidence digits the model gives less than this probability read as unsure
   */
  public FrameReader(Preparation preparation, DigitClassifier classifier, PageModels pageModels,
      float minConfidence) {
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new UserError(USAGE, "--min-confidence must be in [0,1], got " + minConfidence);
    }
    this.preparation = preparation;
    this.classifier = classifier;
    this.pageModels = pageModels;
    this.minConfidence = minConfidence;
  }

  /** What {@code frame} reads. */
  public Reading read(GrayImage frame) {
    long t0 = System.nanoTime();
    Candidates candidates = preparation.prepare(frame);
    long t1 = System.nanoTime();
    float[][] probabilities = classifier.classify(candidates.inputs());
    float[][] pieces = null;
    float[][] pageDigits = null;
    if (pageModels.present() && candidates.hasViews()) {
      List<float[]> views = candidates.views();
      pieces = pageModels.verifier().classify(views);
      pageDigits = pageModels.digits().classify(views);
    }
    long t2 = System.nanoTime();
    prepareNanos = t1 - t0;
    classifyNanos = t2 - t1;
    return CandidateReader.read(candidates, probabilities, pageDigits, pieces, minConfidence);
  }

  /** Time the last {@link #read} spent finding and preparing the digits. */
  public long prepareNanos() {
    return prepareNanos;
  }

  /** Time the last {@link #read} spent in the classifier. */
  public long classifyNanos() {
    return classifyNanos;
  }
}
