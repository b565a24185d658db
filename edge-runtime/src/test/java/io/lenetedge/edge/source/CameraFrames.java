package io.lenetedge.edge.source;

import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.MnistFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Camera-like frames of MNIST test digits (dark ink on paper), and stand-in camera programs. */
final class CameraFrames {
  static final Path MNIST = Path.of(System.getProperty("mnist.dir", "../data/mnist"));
  private static LabeledImages test;

  private CameraFrames() {}

  static synchronized LabeledImages test() {
    if (test == null) {
      test = MnistFolder.load(MNIST, s -> { }).test();
    }
    return test;
  }

  /** Luma of MNIST test image {@code digit} enlarged 2x, dark on light paper, shifted by {@code jitter}. */
  static byte[] luma(int w, int h, int digit, int jitter) {
    byte[] y = new byte[w * h];
    int x0 = (w - 56) / 2 + jitter;
    int y0 = (h - 56) / 2 + jitter / 2;
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int ink = 0;
        int sx = (c - x0) / 2;
        int sy = (r - y0) / 2;
        if (c >= x0 && r >= y0 && sx < 28 && sy < 28) {
          ink = test().images().pixel(digit, sy * 28 + sx);
        }
        int paper = 200 - c / 8;
        y[r * w + c] = (byte) (paper - ink * (paper - 30) / 255);
      }
    }
    return y;
  }

  /** One YUV 4:2:0 buffer: luma rows padded to {@code stride} with junk, then grey chroma. */
  static byte[] yuv420(byte[] luma, int w, int h, int stride) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int r = 0; r < h; r++) {
      out.write(luma, r * w, w);
      for (int p = w; p < stride; p++) {
        out.write((p * 37 + r * 11) & 0xFF);
      }
    }
    byte[] chroma = new byte[stride * h / 2];
    java.util.Arrays.fill(chroma, (byte) 128);
    out.writeBytes(chroma);
    return out.toByteArray();
  }

  /** A stand-in program that prints {@code payload} to stdout, a line to stderr, and exits with 3. */
  static Path dyingProgram(Path dir, String name, Path payload) throws IOException {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\ncat '" + payload + "'\necho 'camera connection lost' >&2\nexit 3\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
