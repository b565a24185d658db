package io.lenetedge.common;

import static io.lenetedge.common.UserError.Kind.INPUT;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed, and checks magic number, rank,
 * dimensions and length against the header.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /** Reads a rank-3 unsigned-byte IDX file (images). */
  public static IdxImages readImages(Path file) {
    return images(file, readContent(file));
  }

  /** Reads a rank-1 unsigned-byte IDX file (labels). */
  public static byte[] readLabels(Path file) {
    return labels(file, readContent(file));
  }

  static IdxImages images(Path file, byte[] content) {
    int[] dims = header(file, content, 3);
    byte[] pixels = body(file, content, dims);
    return new IdxImages(dims[0], dims[1], dims[2], pixels);
  }

  static byte[] labels(Path file, byte[] content) {
    return body(file, content, header(file, content, 1));
  }

  /** The file's bytes, decompressed when it is gzip. */
  static byte[] readContent(Path file) {
    try {
      byte[] raw = Files.readAllBytes(file);
      if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
        return gunzip(file, raw);
      }
      return raw;
    } catch (NoSuchFileException e) {
      throw new UserError(INPUT, file + ": file not found");
    } catch (IOException e) {
      throw new UserError(INPUT, file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static byte[] gunzip(Path file, byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
      in.transferTo(out);
      return out.toByteArray();
    } catch (EOFException e) {
      throw new UserError(INPUT, file + ": truncated (the gzip stream ends early)", e);
    } catch (ZipException e) {
      throw new UserError(INPUT, file + ": corrupt gzip data (" + e.getMessage() + ")", e);
    }
  }

  private static int[] header(Path file, byte[] content, int expectedRank) {
    if (content.length < 4) {
      throw new UserError(INPUT,
          file + ": too short for an IDX header (" + content.length + " bytes)");
    }
    int magic = ByteBuffer.wrap(content, 0, 4).getInt();
    int expectedMagic = (UNSIGNED_BYTE << 8) | expectedRank;
    if (magic != expectedMagic) {
      throw new UserError(INPUT, String.format(
          "%s: wrong magic number 0x%08X, expected 0x%08X (unsigned-byte IDX of rank %d)",
          file, magic, expectedMagic, expectedRank));
    }
    int headerLength = 4 + 4 * expectedRank;
    if (content.length < headerLength) {
      throw new UserError(INPUT, file + ": truncated inside the header (" + content.length
          + " bytes, the header alone needs " + headerLength + ")");
    }
    ByteBuffer buffer = ByteBuffer.wrap(content, 4, 4 * expectedRank);
    int[] dims = new int[expectedRank];
    for (int d = 0; d < expectedRank; d++) {
      dims[d] = buffer.getInt();
      if (dims[d] <= 0) {
        throw new UserError(INPUT, file + ": dimension " + d + " is " + dims[d]
            + ", every dimension must be positive");
      }
    }
    return dims;
  }

  private static byte[] body(Path file, byte[] content, int[] dims) {
    long items = 1;
    for (int d : dims) {
      items *= d;
    }
    int headerLength = 4 + 4 * dims.length;
    long expected = headerLength + items;
    if (content.length != expected) {
      String problem = content.length < expected ? "truncated" : "has trailing bytes";
      throw new UserError(INPUT, String.format(
          "%s: %s: %d bytes, the header (%s) says %d", file, problem, content.length,
          describe(dims), expected));
    }
    byte[] data = new byte[(int) items];
    System.arraycopy(content, headerLength, data, 0, data.length);
    return data;
  }

  private static String describe(int[] dims) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < dims.length; d++) {
      sb.append(d == 0 ? "" : "x").append(dims[d]);
    }
    return sb.toString();
  }
}
