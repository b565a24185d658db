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
    return embedded(EMBEDDED, "; pass --model FILE or build the jar with `mvn package`");
  }

  /** The model the jar ships at class-path location {@code path}; {@code fix} says what to do if absent. */
  static ModelFile embedded(String path, String fix) {
    try (InputStream in = ModelFile.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new UserError(MODEL, "this jar has no embedded model (" + path + ")" + fix);
      }
      return new ModelFile("embedded:" + path.substring(path.lastIndexOf('/') + 1),
          in.readAllBytes());
    } catch (IOException e) {
      throw new UserError(MODEL, "cannot read the embedded model " + path + ": " + e.getMessage(), e);
    }
  }
}
