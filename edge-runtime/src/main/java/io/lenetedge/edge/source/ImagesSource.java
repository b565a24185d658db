package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.INPUT;

import io.lenetedge.common.UserError;
import io.lenetedge.image.ImageFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** The image files of a folder in name order ({@code images:DIR}); unreadable ones are skipped. */
final class ImagesSource implements FrameSource {
  private final Path dir;
  private final Iterator<Path> files;
  private final Consumer<String> log;
  private long index;
  private volatile boolean closed;

  ImagesSource(Path dir, Consumer<String> log) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(INPUT, "images:" + dir + ": no such folder");
    }
    List<Path> list = ImageFiles.expand(List.of(dir));
    if (list.isEmpty()) {
      throw new UserError(INPUT, "images:" + dir + ": no PNG, JPEG, BMP or PGM images in it");
    }
    this.dir = dir;
    this.files = list.iterator();
    this.log = log;
  }

  @Override
  public Frame next() {
    while (!closed && files.hasNext()) {
      Path file = files.next();
      long i = index++;
      try {
        return new Frame(i, ImageFiles.read(file));
      } catch (UserError e) {
        if (e.kind() != INPUT) {
          throw e;
        }
        log.accept("skipped frame " + i + ": " + e.getMessage());
      }
    }
    return null;
  }

  @Override
  public String describe() {
    return "images:" + dir;
  }

  @Override
  public void close() {
    closed = true;
  }
}
