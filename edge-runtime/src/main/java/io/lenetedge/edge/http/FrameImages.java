package io.lenetedge.edge.http;

import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.run.FrameResult;
import io.lenetedge.edge.source.Frame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The live view's encoded pictures, made on request by HTTP threads and kept for the frame they
 * show, so that many clients polling the same frame cost one encoding. A page asks for the frame
 * its state shows ({@code ?frame=N}), so picture, boxes and numbers agree.
 */
final class FrameImages {
  /** How many times the 28x28 input is enlarged. */
  static final int INPUT_SCALE = 8;
  private static final float JPEG_QUALITY = 0.85f;

  private record Encoded(long index, byte[] bytes) {}

  static {
    ImageIO.setUseCache(false);
  }

  private final LiveState state;
  private Encoded jpeg;
  private Encoded png;

  FrameImages(LiveState state) {
    this.state = state;
  }

  /**
   * Frame {@code wanted} with its boxes as JPEG when it is still kept, else the latest frame; null
   * before the first frame.
   */
  synchronized byte[] frameJpeg(OptionalLong wanted) {
    LiveState.Snapshot s = state.snapshot();
    Frame frame = wanted.isPresent() ? state.frame(wanted.getAsLong()).orElse(s.frame()) : s.frame();
    if (frame == null) {
      return null;
    }
    if (jpeg == null || jpeg.index != frame.index()) {
      Reading reading = state.result(frame.index()).map(FrameResult::reading).orElse(null);
      jpeg = new Encoded(frame.index(), jpeg(Overlay.frame(frame.image(), s.roi(), reading)));
    }
    return jpeg.bytes;
  }

  /**
   * The model inputs of frame {@code wanted} when it is still kept, else of the latest processed
   * frame, enlarged side by side (8 times for one digit, 4 for several), as PNG; black when that
   * frame held no digit.
   */
  synchronized byte[] inputPng(OptionalLong wanted) {
    FrameResult latest = state.snapshot().result();
    FrameResult r = wanted.isPresent() ? state.result(wanted.getAsLong()).orElse(latest) : latest;
    long index = r == null ? -1 : r.frame();
    if (png == null || png.index != index) {
      List<float[]> inputs = new ArrayList<>();
      if (r != null) {
        for (Reading.Digit d : r.reading().digits()) {
          if (d.prepared() != null) {
            inputs.add(d.prepared().input());
          }
        }
      }
      png = new Encoded(index, png(Overlay.inputs(inputs, inputs.size() > 1 ? INPUT_SCALE / 2 : INPUT_SCALE)));
    }
    return png.bytes;
  }

  static byte[] jpeg(BufferedImage img) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 4);
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a JPEG in memory", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static byte[] png(BufferedImage img) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding a PNG in memory", e);
    }
    return bytes.toByteArray();
  }
}
