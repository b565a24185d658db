package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;
import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.Locale;

/**
 * Validates a new model completely and only then installs it into a {@link ModelStore}: the
 * expected SHA-256 of the file when one is given, the SHA-256 of its weights that it records, the
 * ONNX structure and the model contract (it must open as a {@link DigitModel}), and its accuracy
 * on the built-in check set against the current model's ({@link ModelAcceptance}). Used by
 * {@code install-model} and by the live view's {@code POST /model}.
 */
public final class ModelInstaller {
  /** Percentage points a new model may fall below the current one on the check set. */
  public static final double DEFAULT_MARGIN = 2.0;

  private final ModelStore store;
  private final double marginPoints;

  public ModelInstaller(ModelStore store, double marginPoints) {
    if (marginPoints < 0) {
      throw new UserError(USAGE, "--margin must be 0 or more, got " + marginPoints);
    }
    this.store = store;
    this.marginPoints = marginPoints;
  }

  /** What was installed and how it compared. */
  public record Installed(String sha256, boolean weightsRecorded, ModelAcceptance.Score score,
      String replaced, ModelAcceptance.Score replacedScore) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "SHA-256 %s; weights: %s; built-in check set: %s, the model"
          + " it replaces (%s): %s", sha256, weightsRecorded ? "match their recorded SHA-256"
          : "no SHA-256 recorded", score, replaced, replacedScore);
    }
  }

  /**
   * Installs {@code candidate} when it passes every check, else throws a {@link UserError} (MODEL)
   * naming the reason and changes nothing.
   *
   * @param expectedSha256 the SHA-256 the file must have, or null
   */
  public Installed install(ModelFile candidate, String expectedSha256) {
    if (expectedSha256 != null && !expectedSha256.strip().equalsIgnoreCase(candidate.sha256())) {
      throw new UserError(MODEL, candidate.source() + ": its SHA-256 is " + candidate.sha256()
          + ", not the " + expectedSha256.strip() + " given: the file is damaged or another one;"
          + " nothing was installed");
    }
    WeightsCheck.Result weights = WeightsCheck.verify(candidate.bytes(), candidate.source());
    ModelAcceptance.Score score = score(candidate);
    ModelFile current = ModelFile.load(store.current().orElse(null));
    ModelAcceptance.Score currentScore = score(current);
    ModelAcceptance.check(score, currentScore, marginPoints, candidate.source());
    store.install(candidate.bytes());
    return new Installed(candidate.sha256(), weights == WeightsCheck.Result.MATCH, score,
        current.source(), currentScore);
  }

  private static ModelAcceptance.Score score(ModelFile f) {
    try (DigitModel m = DigitModel.open(f, ExecutionProvider.CPU, 1, ModelOverrides.NONE, 32, s -> { })) {
      return ModelAcceptance.score(m);
    }
  }
}
