package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.FAILED;
import static io.lenetedge.common.UserError.Kind.MODEL;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.Sha256;
import io.lenetedge.common.UserError;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A run folder's parameters ({@code lenet5.params}, DJL's format) and {@code checkpoint.json}.
 * Writes go through a temporary file and a rename, so a crash never leaves half a checkpoint.
 */
public final class Checkpoint {
  /** Pretty JSON for every file the trainer writes. */
  public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
      .serializeSpecialFloatingPointValues().create();

  private Checkpoint() {}

  /** Writes the block's parameters to {@code dir/lenet5.params}; returns their SHA-256. */
  public static String saveParameters(Block block, Path dir) {
    Path target = dir.resolve(CheckpointDescription.PARAMETERS_FILE);
    Path tmp = dir.resolve(CheckpointDescription.PARAMETERS_FILE + ".tmp");
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UserError(FAILED, "cannot write " + tmp + ": " + e.getMessage(), e);
    }
    move(tmp, target);
    return Sha256.of(target);
  }

  /** Writes {@code checkpoint.json}. */
  public static void saveDescription(CheckpointDescription description, Path dir) {
    writeJson(dir.resolve(CheckpointDescription.FILE_NAME), description);
  }

  /** Writes any object as pretty JSON, atomically. */
  public static void writeJson(Path file, Object value) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, GSON.toJson(value) + "\n");
    } catch (IOException e) {
      throw new UserError(FAILED, "cannot write " + tmp + ": " + e.getMessage(), e);
    }
    move(tmp, file);
  }

  /** Reads {@code dir/checkpoint.json}, checking it names an existing, unchanged parameter file. */
  public static CheckpointDescription readDescription(Path dir) {
    Path file = dir.resolve(CheckpointDescription.FILE_NAME);
    CheckpointDescription d;
    try {
      d = GSON.fromJson(Files.readString(file), CheckpointDescription.class);
    } catch (NoSuchFileException e) {
      throw new UserError(MODEL, file + ": not found; is " + dir
          + " a run folder written by `trainer train --out`?");
    } catch (IOException e) {
      throw new UserError(MODEL, file + ": cannot be read: " + e.getMessage(), e);
    } catch (JsonParseException e) {
      throw new UserError(MODEL, file + ": not valid JSON (" + e.getMessage() + ")", e);
    }
    if (d == null || d.parametersFile() == null || d.formatVersion() != CheckpointDescription.FORMAT_VERSION) {
      throw new UserError(MODEL, file + ": not a checkpoint description of format version "
          + CheckpointDescription.FORMAT_VERSION);
    }
    Path params = dir.resolve(d.parametersFile());
    if (!Files.isRegularFile(params)) {
      throw new UserError(MODEL, params + ": parameter file named by " + file + " is missing");
    }
    String sha = Sha256.of(params);
    if (!sha.equals(d.parametersSha256())) {
      throw new UserError(MODEL, params + ": SHA-256 " + sha + " differs from "
          + d.parametersSha256() + " recorded in " + file + "; the checkpoint was changed");
    }
    return d;
  }

  /**
   * Rebuilds the trained block from a run folder: its architecture with the recorded dropout,
   * initialised on {@code manager}, then the saved parameters loaded into it.
   */
  public static Block loadBlock(Path dir, CheckpointDescription d, NDManager manager) {
    Block block = LeNet5.builder().optDropout(d.dropout()).build().newBlock();
    block.initialize(manager, DataType.FLOAT32,
        new Shape(1, 1, ModelContract.IMAGE_SIZE, ModelContract.IMAGE_SIZE));
    load(block, dir.resolve(d.parametersFile()), manager);
    return block;
  }

  /**
   * Copies the parameters of the run in {@code dir} into {@code block}, an initialised LeNet-5
   * that a trainer holds (fine-tuning starts from them). The values are written into the block's
   * own arrays: loading would replace them, and the trainer would go on updating the old ones.
   */
  public static void loadParameters(Block block, Path dir, NDManager manager) {
    CheckpointDescription d = readDescription(dir);
    try (NDManager scratch = manager.newSubManager()) {
      Block saved = loadBlock(dir, d, scratch);
      var from = saved.getParameters();
      var to = block.getParameters();
      if (from.size() != to.size()) {
        throw new UserError(MODEL, dir + ": holds " + from.size() + " parameter arrays, the"
            + " model has " + to.size() + "; re-run `trainer train`");
      }
      for (int i = 0; i < to.size(); i++) {
        var target = to.get(i).getValue().getArray();
        var source = from.get(i).getValue().getArray();
        if (!target.getShape().equals(source.getShape())) {
          throw new UserError(MODEL, dir + ": parameter " + to.get(i).getKey() + " has shape "
              + source.getShape() + ", the model's is " + target.getShape());
        }
        target.set(source.toByteBuffer());
      }
    }
  }

  private static void load(Block block, Path params, NDManager manager) {
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(Files.newInputStream(params)))) {
      block.loadParameters(manager, in);
    } catch (MalformedModelException | IOException | IllegalArgumentException e) {
      throw new UserError(MODEL, params + ": does not hold LeNet-5 parameters of the expected"
          + " shapes (" + e.getMessage() + "); re-run `trainer train`", e);
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UserError(FAILED, "cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
