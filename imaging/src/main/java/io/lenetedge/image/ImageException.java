package io.lenetedge.image;

import java.nio.file.Path;

/** An image file that is missing, empty, corrupt or in an unknown format; the message names it. */
public final class ImageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;

  public ImageException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = String.valueOf(file);
  }

  public ImageException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = String.valueOf(file);
  }

  /** The file the problem is about, as given. */
  public String file() {
    return file;
  }
}
