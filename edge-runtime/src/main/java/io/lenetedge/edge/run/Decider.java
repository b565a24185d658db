package io.lenetedge.edge.run;

import io.lenetedge.edge.read.Reading;

/**
 * The decision step: each frame's reading, with what came before, to what the loop reports. One
 * per reading mode: a digit from probabilities averaged over frames, a text most recent frames
 * agree on, a meter value through its guards. Not thread safe.
 */
public interface Decider {
  /** The decision for a frame read as {@code reading} at {@code nanos} (monotonic clock). */
  Decision decide(Reading reading, long nanos);

  /** Forgets earlier frames (a trigger press starts afresh). */
  void reset();

  /** {@code --read digit}: see {@link DecisionSmoother}. */
  static Decider digit(int smooth, float minConfidence) {
    DecisionSmoother smoother = new DecisionSmoother(smooth, minConfidence);
    return new Decider() {
      @Override
      public Decision decide(Reading reading, long nanos) {
        return smoother.add(reading.single().map(Reading.Digit::probabilities).orElse(null));
      }

      @Override
      public void reset() {
        smoother.reset();
      }
    };
  }

  /** {@code --read number}: see {@link TextSmoother}. */
  static Decider number(int smooth) {
    TextSmoother smoother = new TextSmoother(smooth);
    return new Decider() {
      @Override
      public Decision decide(Reading reading, long nanos) {
        return smoother.add(reading.count() == 0 ? null : reading.text(), reading.confidence());
      }

      @Override
      public void reset() {
        smoother.reset();
      }
    };
  }

  /**
   * {@code --read auto}: a text decision for a frame that read more than one digit, a digit
   * decision otherwise; both histories see every frame.
   */
  static Decider auto(int smooth, float minConfidence) {
    Decider digit = digit(smooth, minConfidence);
    Decider number = number(smooth);
    return new Decider() {
      @Override
      public Decision decide(Reading reading, long nanos) {
        Decision d = digit.decide(reading, nanos);
        Decision t = number.decide(reading, nanos);
        return reading.count() > 1 ? t : d;
      }

      @Override
      public void reset() {
        digit.reset();
        number.reset();
      }
    };
  }

  /** {@code --digits}: see {@link MeterGuard}. */
  static Decider meter(MeterGuard guard) {
    return new Decider() {
      @Override
      public Decision decide(Reading reading, long nanos) {
        return Decision.meter(guard.add(reading, nanos), reading.confidence());
      }

      @Override
      public void reset() {
        guard.reset();
      }
    };
  }
}
