package io.lenetedge.image;

import io.lenetedge.common.UserError;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG, JPEG, BMP (through {@link ImageIO}) and PGM (P2 and P5) files into {@link GrayImage}s.
 * Colour becomes luminance (0.299R + 0.587G + 0.114B); transparent pixels are blended onto white
 * paper. The format is told by the file's content, not its name.
 */
public final class ImageFiles {
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "pgm");
  private static final String UNKNOWN_FORMAT =
      "not a PNG, JPEG, BMP or PGM image; convert it to one of these";

  static {
    ImageIO.setUseCache(false);
  }

  private ImageFiles() {}

  /** Reads {@code file} as a grayscale image; throws a {@link UserError} (INPUT) naming the file. */
  public static GrayImage read(Path file) {
    byte[] bytes = readBytes(file);
    return Pgm.matches(bytes) ? Pgm.parse(bytes, file) : decode(bytes, file);
  }

  /**
   * Decodes an image held in memory (an upload) that is at most {@code maxSide} pixels wide and
   * high; the size is checked from the header, before any pixels are decoded. Errors are {@link
   * UserError}s (INPUT) naming {@code name}.
   */
  public static GrayImage decode(byte[] bytes, String name, int maxSide) {
    Path source = Path.of(name);
    if (bytes.length == 0) {
      throw problem(source, "empty (0 bytes); send a PNG, JPEG, BMP or PGM image");
    }
    if (Pgm.matches(bytes)) {
      return Pgm.parse(bytes, source, maxSide);
    }
    checkSize(bytes, source, maxSide);
    return decode(bytes, source);
  }

  /** An image file that is missing, empty, corrupt or in an unknown format: bad input. */
  static UserError problem(Path file, String problem) {
    return new UserError(UserError.Kind.INPUT, file + ": " + problem);
  }

  static UserError problem(Path file, String problem, Throwable cause) {
    return new UserError(UserError.Kind.INPUT, file + ": " + problem, cause);
  }

  static String tooLarge(long width, long height, int maxSide) {
    return "image too large: " + width + "x" + height + ", the limit is " + maxSide + "x" + maxSide
        + " pixels; scale it down";
  }

  private static void checkSize(byte[] bytes, Path source, int maxSide) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw problem(source, UNKNOWN_FORMAT);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w > maxSide || h > maxSide) {
          throw problem(source, tooLarge(w, h, maxSide));
        }
      } finally {
        reader.dispose();
      }
    } catch (UserError e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw problem(source, "corrupt or unreadable image (" + e.getMessage() + "); "
          + "re-save it as PNG or PGM", e);
    }
  }

  /** Whether the file name ends in .png, .jpg, .jpeg, .bmp or .pgm, in any case. */
  public static boolean isImage(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Replaces each folder by the image files directly in it (by {@link #isImage}, hidden files left
   * out), sorted by name; other paths are kept as they are, in order.
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        out.addAll(imagesIn(p));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static List<Path> imagesIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(ImageFiles::isImage)
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw problem(dir, "cannot list the folder: " + e, e);
    }
  }

  private static byte[] readBytes(Path file) {
    if (Files.isDirectory(file)) {
      throw problem(file, "is a folder, not an image file; pass the files in it");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw problem(file, "file not found; check the path", e);
    } catch (IOException e) {
      throw problem(file, "cannot read the file: " + e, e);
    }
    if (bytes.length == 0) {
      throw problem(file, "empty file (0 bytes); the image was not written completely");
    }
    return bytes;
  }

  private static GrayImage decode(byte[] bytes, Path file) {
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw problem(file, "corrupt or unreadable image (" + e.getMessage() + "); "
          + "re-save it as PNG or PGM", e);
    }
    if (img == null) {
      throw problem(file, UNKNOWN_FORMAT);
    }
    if (img.getWidth() <= 0 || img.getHeight() <= 0) {
      throw problem(
          file, "zero-size image (" + img.getWidth() + "x" + img.getHeight() + ")");
    }
    return toGray(img);
  }

  /** Luminance of {@code img}, with transparency blended onto white. */
  static GrayImage toGray(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h];
    ColorModel cm = img.getColorModel();
    if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel)) {
      grayRaster(img.getRaster(), cm, out);
    } else {
      rgb(img, out);
    }
    return new GrayImage(w, h, out);
  }

  /** Reads gray samples directly: getRGB would apply a gamma conversion to gray images. */
  private static void grayRaster(Raster raster, ColorModel cm, byte[] out) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    double grayMax = (1L << cm.getComponentSize(0)) - 1;
    int alphaBand = cm.hasAlpha() ? cm.getNumComponents() - 1 : -1;
    double alphaMax = alphaBand < 0 ? 1 : (1L << cm.getComponentSize(alphaBand)) - 1;
    int[] gray = new int[w];
    int[] alpha = new int[w];
    for (int y = 0; y < h; y++) {
      raster.getSamples(0, y, w, 1, 0, gray);
      if (alphaBand >= 0) {
        raster.getSamples(0, y, w, 1, alphaBand, alpha);
      }
      for (int x = 0; x < w; x++) {
        double v = gray[x] * 255.0 / grayMax;
        if (alphaBand >= 0) {
          double a = alpha[x] / alphaMax;
          v = cm.isAlphaPremultiplied() ? v + (1 - a) * 255 : onWhite(v, a);
        }
        out[y * w + x] = toByte(v);
      }
    }
  }

  private static void rgb(BufferedImage img, byte[] out) {
    int w = img.getWidth();
    int[] row = new int[w];
    for (int y = 0; y < img.getHeight(); y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        out[y * w + x] = toByte(luminance(row[x]));
      }
    }
  }

  /** Luminance of a non-premultiplied ARGB pixel, blended onto white by its alpha. */
  static double luminance(int argb) {
    double a = (argb >>> 24) / 255.0;
    int r = (argb >> 16) & 0xFF;
    int g = (argb >> 8) & 0xFF;
    int b = argb & 0xFF;
    return onWhite(0.299 * r + 0.587 * g + 0.114 * b, a);
  }

  private static double onWhite(double v, double alpha) {
    return alpha * v + (1 - alpha) * 255;
  }

  private static byte toByte(double v) {
    return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
  }
}
