package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;

/**
 * What the user says about a model that its metadata does not (or says wrongly); null means "not
 * given".
 *
 * @param inputRange 1 or 255: the pixel range the model takes
 * @param mean normalisation mean on the [0,1] scale, applied by the runtime
 * @param std normalisation standard deviation on the [0,1] scale, applied by the runtime
 * @param output what the model outputs
 */
public record ModelOverrides(Float inputRange, Float mean, Float std, OutputKind output) {
  public static final ModelOverrides NONE = new ModelOverrides(null, null, null, null);

  public ModelOverrides {
    if (inputRange != null && inputRange != 1f && inputRange != 255f) {
      throw new UserError(USAGE, "--input-range must be 1 or 255, got " + inputRange);
    }
    if ((mean == null) != (std == null)) {
      throw new UserError(USAGE, "--mean and --std go together; give both or neither");
    }
    if (std != null && !(std > 0)) {
      throw new UserError(USAGE, "--std must be positive, got " + std);
    }
  }
}
