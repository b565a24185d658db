package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.util.Locale;

/**
 * Which ONNX Runtime execution provider to use: {@code auto} (CUDA, else CPU), {@code cpu},
 * {@code cuda[:ID]} or {@code tensorrt[:ID]}.
 *
 * @param kind the provider
 * @param device the GPU index for CUDA and TensorRT
 */
public record ExecutionProvider(Kind kind, int device) {

  /** The providers this runtime knows. */
  public enum Kind { AUTO, CPU, CUDA, TENSORRT }

  public static final ExecutionProvider AUTO = new ExecutionProvider(Kind.AUTO, 0);
  public static final ExecutionProvider CPU = new ExecutionProvider(Kind.CPU, 0);

  /** Parses {@code --ep}; throws a {@link UserError} (USAGE) listing the valid choices. */
  public static ExecutionProvider parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", 2);
    Kind kind = switch (parts[0]) {
      case "auto" -> Kind.AUTO;
      case "cpu" -> Kind.CPU;
      case "cuda" -> Kind.CUDA;
      case "tensorrt", "trt" -> Kind.TENSORRT;
      default -> throw new UserError(USAGE, "unknown execution provider '" + text
          + "', expected one of [auto, cpu, cuda, cuda:ID, tensorrt, tensorrt:ID]");
    };
    int device = 0;
    if (parts.length == 2) {
      if (kind == Kind.AUTO || kind == Kind.CPU) {
        throw new UserError(USAGE, "'" + text + "': only cuda and tensorrt take a device id");
      }
      try {
        device = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new UserError(USAGE, "'" + text + "': the device id must be a number, e.g. cuda:0");
      }
      if (device < 0) {
        throw new UserError(USAGE, "'" + text + "': the device id must be 0 or more");
      }
    }
    return new ExecutionProvider(kind, device);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case AUTO, CPU -> kind.name().toLowerCase(Locale.ROOT);
      default -> kind.name().toLowerCase(Locale.ROOT) + ":" + device;
    };
  }
}
