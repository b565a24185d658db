package io.lenetedge.common;

import static io.lenetedge.common.UserError.Kind.INPUT;

/**
 * Images with their class labels (0..9), one split of a data set.
 *
 * @param name the split's name, e.g. "train" or "test"
 * @param images the images
 * @param labels one label per image
 */
public record LabeledImages(String name, IdxImages images, byte[] labels) {

  public LabeledImages {
    if (images.count() != labels.length) {
      throw new UserError(INPUT, name + ": " + images.count() + " images but " + labels.length
          + " labels; the two files of a split must hold the same number of items");
    }
  }

  public int size() {
    return labels.length;
  }

  public int label(int i) {
    return labels[i];
  }
}
