package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;

import io.lenetedge.common.LeNetWeights;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.UserError;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a model's weights against the SHA-256 its metadata records ({@code weights.sha256}, as
 * our exporter writes it: the ten LeNet-5 arrays, little-endian float32, in {@link LeNetWeights}
 * order, which is the graph's), so that a flipped bit on an SD card is an error, not a silent misread. Reads the ONNX
 * protobuf's wire format directly (model → graph → initializers, and the metadata), since ONNX
 * Runtime does not hand out initializers. A model without the field passes unchecked.
 */
public final class WeightsCheck {
  static final String KEY = ModelContract.Meta.WEIGHTS_SHA256;

  private WeightsCheck() {}

  /** What the check found. */
  public enum Result {
    /** The recorded SHA-256 matches the weights. */
    MATCH,
    /** The model records no weights SHA-256 (a third-party model). */
    UNRECORDED,
    /** Not readable as ONNX here: ONNX Runtime's loading will name the problem. */
    UNREADABLE
  }

  /**
   * Verifies {@code model}; throws a {@link UserError} (MODEL) naming {@code source} when the weights
   * do not match what the model records.
   */
  public static Result verify(byte[] model, String source) {
    Parsed p;
    try {
      p = parse(model);
    } catch (RuntimeException e) {
      return Result.UNREADABLE;
    }
    String recorded = p.metadata().get(KEY);
    if (recorded == null) {
      return Result.UNRECORDED;
    }
    Optional<String> actual = weightsSha256(p.initializers());
    if (actual.isEmpty() || !actual.get().equalsIgnoreCase(recorded.trim())) {
      throw new UserError(MODEL, source + ": the model's weights do not match the SHA-256 it records"
          + " (" + KEY + "): the file is damaged; copy the model again (or reinstall it)");
    }
    return Result.MATCH;
  }

  /**
   * The SHA-256 of the ten LeNet-5 arrays (the {@code .weight} and {@code .bias} initializers in
   * graph order, each of its LeNet-5 size), or empty when they are not there.
   */
  static Optional<String> weightsSha256(Map<String, float[]> initializers) {
    List<float[]> arrays = initializers.entrySet().stream()
        .filter(e -> e.getKey().endsWith(".weight") || e.getKey().endsWith(".bias"))
        .map(Map.Entry::getValue).toList();
    try {
      return Optional.of(LeNetWeights.of(arrays).sha256());
    } catch (IllegalArgumentException notLeNet) {
      return Optional.empty();
    }
  }

  /** A model's float initializers by name, in graph order, and its metadata. */
  record Parsed(Map<String, float[]> initializers, Map<String, String> metadata) {}

  static Parsed parse(byte[] model) {
    Map<String, float[]> initializers = new LinkedHashMap<>();
    Map<String, String> metadata = new HashMap<>();
    Wire m = new Wire(model, 0, model.length);
    while (m.more()) {
      int tag = m.varint32();
      int field = tag >>> 3;
      if (field == 7 && (tag & 7) == 2) {
        Wire graph = m.message();
        while (graph.more()) {
          int gt = graph.varint32();
          if ((gt >>> 3) == 5 && (gt & 7) == 2) {
            tensor(graph.message(), initializers);
          } else {
            graph.skip(gt);
          }
        }
      } else if (field == 14 && (tag & 7) == 2) {
        Wire entry = m.message();
        String key = null;
        String value = null;
        while (entry.more()) {
          int et = entry.varint32();
          if ((et >>> 3) == 1 && (et & 7) == 2) {
            key = entry.string();
          } else if ((et >>> 3) == 2 && (et & 7) == 2) {
            value = entry.string();
          } else {
            entry.skip(et);
          }
        }
        if (key != null && value != null) {
          metadata.put(key, value);
        }
      } else {
        m.skip(tag);
      }
    }
    return new Parsed(initializers, metadata);
  }

  private static void tensor(Wire t, Map<String, float[]> out) {
    String name = null;
    int dataType = 0;
    byte[] raw = null;
    ByteArrayOutputStream floatData = new ByteArrayOutputStream();
    while (t.more()) {
      int tag = t.varint32();
      int field = tag >>> 3;
      if (field == 8 && (tag & 7) == 2) {
        name = t.string();
      } else if (field == 2 && (tag & 7) == 0) {
        dataType = (int) t.varint64();
      } else if (field == 9 && (tag & 7) == 2) {
        raw = t.bytes();
      } else if (field == 4 && (tag & 7) == 2) {
        floatData.writeBytes(t.bytes());
      } else if (field == 4 && (tag & 7) == 5) {
        floatData.writeBytes(t.fixed32Bytes());
      } else {
        t.skip(tag);
      }
    }
    if (name == null || dataType != 1) {
      return;
    }
    byte[] data = raw != null ? raw : floatData.toByteArray();
    if (data.length % Float.BYTES != 0) {
      throw new IllegalArgumentException("initializer " + name + " holds " + data.length + " bytes");
    }
    float[] values = new float[data.length / Float.BYTES];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    out.put(name, values);
  }

  /** A cursor over protobuf wire-format bytes. */
  private static final class Wire {
    private final byte[] b;
    private int pos;
    private final int end;

    Wire(byte[] b, int from, int end) {
      this.b = b;
      this.pos = from;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint64() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("truncated varint at byte " + pos);
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if (x >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("malformed varint at byte " + pos);
    }

    int varint32() {
      long v = varint64();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("field tag out of range at byte " + pos);
      }
      return (int) v;
    }

    private int length() {
      long n = varint64();
      if (n < 0 || n > end - pos) {
        throw new IllegalArgumentException("a field of " + n + " bytes at byte " + pos + " runs past the end");
      }
      return (int) n;
    }

    Wire message() {
      int n = length();
      Wire w = new Wire(b, pos, pos + n);
      pos += n;
      return w;
    }

    byte[] bytes() {
      int n = length();
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    byte[] fixed32Bytes() {
      if (end - pos < 4) {
        throw new IllegalArgumentException("truncated fixed32 at byte " + pos);
      }
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + 4);
      pos += 4;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint64();
        case 1 -> advance(8);
        case 2 -> advance(length());
        case 5 -> advance(4);
        default -> throw new IllegalArgumentException("unknown wire type " + (tag & 7) + " at byte " + pos);
      }
    }

    private void advance(int n) {
      if (n > end - pos) {
        throw new IllegalArgumentException("a field runs past the end at byte " + pos);
      }
      pos += n;
    }
  }
}
