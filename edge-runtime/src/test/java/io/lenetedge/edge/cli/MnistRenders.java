package io.lenetedge.edge.cli;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** MNIST test digits written as image files the way people would hand them to {@code classify}. */
final class MnistRenders {
  static final Path MNIST = Path.of(System.getProperty("mnist.dir", "../data/mnist"));
  private static LabeledImages test;

  private MnistRenders() {}

  static synchronized LabeledImages test() {
    if (test == null) {
      test = MnistFolder.load(MNIST, s -> { }).test();
    }
    return test;
  }

  /** Image {@code i} as it is: a 28x28 binary PGM, white on black. */
  static Path pgm(Path dir, int i) throws IOException {
    byte[] header = "P5\n# mnist\n28 28\n255\n".getBytes(StandardCharsets.US_ASCII);
    byte[] file = new byte[header.length + 784];
    System.arraycopy(header, 0, file, 0, header.length);
    System.arraycopy(test().images().pixels(), i * 784, file, header.length, 784);
    return Files.write(dir.resolve("digit-" + i + ".pgm"), file);
  }

  /**
   * Image {@code i} enlarged {@code scale} times into a {@code w}x{@code h} canvas at (x0,y0): dark
   * ink on light, slightly uneven paper when {@code paper}, else light on dark.
   */
  static Path render(Path dir, int i, int scale, int w, int h, int x0, int y0, boolean paper,
      String format) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    var raster = img.getRaster();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int ink = 0;
        int sx = (x - x0) / scale;
        int sy = (y - y0) / scale;
        if (x >= x0 && y >= y0 && sx < 28 && sy < 28) {
          ink = test().images().pixel(i, sy * 28 + sx);
        }
        int background = paper ? 215 + (20 * x) / w : 12;
        int v = paper ? background - ink * (background - 30) / 255 : Math.max(background, ink);
        raster.setSample(x, y, 0, v);
      }
    }
    Path file = dir.resolve("digit-" + i + (paper ? "-paper." : "-dark.") + format);
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return file;
  }
}
