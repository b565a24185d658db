package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.FAILED;
import static io.lenetedge.common.UserError.Kind.MODEL;
import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The folder of installed models: {@code current.onnx}, what {@code run} uses, and
 * {@code previous.onnx}, what {@code install-model --rollback} brings back. Every change is
 * written to a temporary file, flushed to the disk and renamed over its target, so a power cut at
 * any moment leaves {@code current.onnx} either the old model or the new one, never a broken
 * file. The folder is {@code --models-dir}, else the system property {@code lenet.edge.models},
 * else {@code /var/lib/lenet-edge/models} when it exists (the service's), else
 * {@code ~/.local/share/lenet-edge/models}.
 */
public final class ModelStore {
  static final String CURRENT = "current.onnx";
  static final String PREVIOUS = "previous.onnx";
  static final Path SERVICE_DIR = Path.of("/var/lib/lenet-edge/models");

  private final Path dir;
  private final IntConsumer step;

  private ModelStore(Path dir, IntConsumer step) {
    this.dir = dir;
    this.step = step;
  }

  /** The store in {@code dir}, or the default folder when null. */
  public static ModelStore at(Path dir) {
    return new ModelStore(dir != null ? dir : defaultDir(), n -> { });
  }

  /** The same store, telling {@code step} each numbered step of a change. */
  ModelStore steps(IntConsumer step) {
    return new ModelStore(dir, step);
  }

  /**
   * The same store, halting the process (exit 137, as a kill) after step {@code step} of a change:
   * how a test cuts the power at each step. 0: never.
   */
  public ModelStore stepsHalting(int step) {
    return step <= 0 ? this : steps(n -> {
      if (n == step) {
        Runtime.getRuntime().halt(137);
      }
    });
  }

  static Path defaultDir() {
    String property = System.getProperty("lenet.edge.models");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    if (Files.isDirectory(SERVICE_DIR)) {
      return SERVICE_DIR;
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "lenet-edge", "models");
  }

  public Path dir() {
    return dir;
  }

  /** The installed model, if any. */
  public Optional<Path> current() {
    Path p = dir.resolve(CURRENT);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /** The model before it, if any. */
  public Optional<Path> previous() {
    Path p = dir.resolve(PREVIOUS);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Makes {@code model} the current model, keeping the current one as the previous: (1) the new
   * bytes written to a temporary file and flushed, (2) the current model copied to
   * {@code previous.onnx} the same way, (3) the temporary file renamed over {@code current.onnx}
   * and the folder flushed.
   */
  public void install(byte[] model) {
    try {
      Files.createDirectories(dir);
      removeLeftovers();
      Path incoming = writeDurably(model, ".incoming-");
      step.accept(1);
      Optional<Path> old = current();
      if (old.isPresent()) {
        Path keep = writeDurably(Files.readAllBytes(old.get()), ".previous-");
        step.accept(2);
        Files.move(keep, dir.resolve(PREVIOUS), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        syncDir();
      }
      step.accept(3);
      Files.move(incoming, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      syncDir();
      step.accept(4);
    } catch (IOException e) {
      throw new UserError(FAILED, "cannot install the model into " + dir + ": " + e.getMessage()
          + "; check that the folder is writable", e);
    }
  }

  /** Swaps the current and the previous model (the same durable steps). */
  public void rollback() {
    Path prev = previous().orElseThrow(() -> new UserError(USAGE, "no previous model in "
        + dir + " to roll back to"));
    try {
      install(Files.readAllBytes(prev));
    } catch (IOException e) {
      throw new UserError(MODEL, "cannot read the previous model " + prev + ": " + e.getMessage(), e);
    }
  }

  /** Temporary files of a change that a power cut interrupted. */
  private void removeLeftovers() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String n = f.getFileName().toString();
        if (n.startsWith(".incoming-") || n.startsWith(".previous-")) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private Path writeDurably(byte[] bytes, String prefix) throws IOException {
    Path tmp = Files.createTempFile(dir, prefix, ".onnx");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    return tmp;
  }

  private void syncDir() throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // not every file system flushes a folder; the rename itself is still atomic
    }
  }
}
