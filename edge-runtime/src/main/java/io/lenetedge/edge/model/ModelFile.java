package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;

import io.lenetedge.common.Sha256;
import io.lenetedge.common.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The bytes of an ONNX model and where they came from: {@code --model FILE} or the model embedded
 * in the jar.
 */
public record ModelFile(String source, byte[] bytes) {
  /** Class-path location of the model the jar ships. */
  public static final String EMBEDDED = "/models/lenet5.onnx";

  public String sha256() {
    return Sha256.of(bytes);
  }

  /** {@code path}, or the embedded model when {@code path} is null. */
  public static ModelFile load(Path path) {
    return path == null ? embedded() : read(path);
  }

  static ModelFile read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UserError(MODEL, path + ": model file not found");
    } catch (IOException e) {
      throw new UserError(MODEL, path + ": cannot read the model (" + e.getMessage() + ")", e);
    }
    if (bytes.length == 0) {
      throw new UserError(MODEL, path + ": empty file (0 bytes), not an ONNX model");
    }
    return new ModelFile(path.toString(), bytes);
  }

  static ModelFile embedded() {
    try (InputStream in = ModelFile.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new UserError(MODEL, "this jar has no embedded model (" + EMBEDDED
            + "); pass --model FILE or build the jar with `mvn package`");
      }
      return new ModelFile("embedded:lenet5.onnx", in.readAllBytes());
    } catch (IOException e) {
      throw new UserError(MODEL, "cannot read the embedded model: " + e.getMessage(), e);
    }
  }
}
