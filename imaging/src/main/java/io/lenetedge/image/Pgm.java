package io.lenetedge.image;

import io.lenetedge.common.UserError;
import java.nio.file.Path;

/** Parses binary (P5) and ASCII (P2) PGM files, with '#' comments and samples up to 16 bits. */
final class Pgm {
  private static final int MAX_VALUE = 65535;
  private static final long MAX_PIXELS = Integer.MAX_VALUE - 8;

  private final byte[] data;
  private final Path file;
  private final int maxSide;
  private int pos;

  private Pgm(byte[] data, Path file, int maxSide) {
    this.data = data;
    this.file = file;
    this.maxSide = maxSide;
  }

  static boolean matches(byte[] b) {
    return b.length >= 2 && b[0] == 'P' && (b[1] == '2' || b[1] == '5');
  }

  static GrayImage parse(byte[] bytes, Path file) {
    return new Pgm(bytes, file, Integer.MAX_VALUE).parse();
  }

  /** Parses an image no wider or taller than {@code maxSide}, checked before pixels are read. */
  static GrayImage parse(byte[] bytes, Path file, int maxSide) {
    return new Pgm(bytes, file, maxSide).parse();
  }

  private GrayImage parse() {
    boolean binary = data[1] == '5';
    pos = 2;
    if (pos < data.length && !isSpace(data[pos]) && data[pos] != '#') {
      throw fail("bad PGM header: expected whitespace after 'P" + (char) data[1] + "'");
    }
    int width = headerNumber("width");
    int height = headerNumber("height");
    int maxval = headerNumber("maxval");
    if (width == 0 || height == 0) {
      throw fail("zero-size image (" + width + "x" + height + ")");
    }
    if (maxval < 1 || maxval > MAX_VALUE) {
      throw fail("bad PGM header: maxval must be 1.." + MAX_VALUE + ", got " + maxval);
    }
    if (width > maxSide || height > maxSide) {
      throw fail(ImageFiles.tooLarge(width, height, maxSide));
    }
    long pixels = (long) width * height;
    if (pixels > MAX_PIXELS) {
      throw fail("image too large: " + width + "x" + height);
    }
    byte[] out = new byte[(int) pixels];
    if (binary) {
      readBinary(out, maxval);
    } else {
      readAscii(out, maxval);
    }
    return new GrayImage(width, height, out);
  }

  private void readBinary(byte[] out, int maxval) {
    if (pos >= data.length || !isSpace(data[pos])) {
      throw fail("truncated PGM: no pixel data after the header");
    }
    pos++;
    int bytesPerSample = maxval < 256 ? 1 : 2;
    long need = (long) out.length * bytesPerSample;
    int have = data.length - pos;
    if (have < need) {
      throw fail("truncated PGM: expected " + need + " bytes of pixel data, found " + have);
    }
    for (int i = 0; i < out.length; i++) {
      int s = data[pos++] & 0xFF;
      if (bytesPerSample == 2) {
        s = (s << 8) | (data[pos++] & 0xFF);
      }
      out[i] = scale(s, maxval, i);
    }
  }

  private void readAscii(byte[] out, int maxval) {
    for (int i = 0; i < out.length; i++) {
      skipSpaceAndComments();
      if (pos >= data.length) {
        throw fail("truncated PGM: expected " + out.length + " pixels, found " + i);
      }
      out[i] = scale(number("pixel " + i), maxval, i);
    }
  }

  private byte scale(int sample, int maxval, int index) {
    if (sample > maxval) {
      throw fail("pixel " + index + " is " + sample + ", above the maxval " + maxval);
    }
    return (byte) ((sample * 255L + maxval / 2) / maxval);
  }

  private int headerNumber(String what) {
    skipSpaceAndComments();
    if (pos >= data.length) {
      throw fail("truncated PGM: the header ends before the " + what);
    }
    return number(what);
  }

  private int number(String what) {
    int start = pos;
    long v = 0;
    while (pos < data.length && data[pos] >= '0' && data[pos] <= '9') {
      v = Math.min(v * 10 + (data[pos++] - '0'), Integer.MAX_VALUE);
    }
    if (pos == start) {
      throw fail("bad PGM: expected a number for the " + what + ", found '"
          + printable(data[pos]) + "' at byte " + pos);
    }
    return (int) v;
  }

  private void skipSpaceAndComments() {
    while (pos < data.length) {
      if (data[pos] == '#') {
        while (pos < data.length && data[pos] != '\n' && data[pos] != '\r') {
          pos++;
        }
      } else if (isSpace(data[pos])) {
        pos++;
      } else {
        return;
      }
    }
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
  }

  private static String printable(byte b) {
    return b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("0x%02X", b & 0xFF);
  }

  private UserError fail(String problem) {
    return ImageFiles.problem(file, problem);
  }
}
