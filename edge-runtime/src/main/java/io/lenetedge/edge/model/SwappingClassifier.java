package io.lenetedge.edge.model;

import io.lenetedge.edge.read.DigitClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The loop's classifier when it runs the installed model: before a frame's call, at most every
 * {@value #CHECK_NANOS} ns, it looks whether {@code install-model} replaced the store's
 * {@code current.onnx}, and if so opens the new model and uses it from this frame on. A model that
 * does not open (damaged, not a model) is logged and the running one kept.
 */
public final class SwappingClassifier implements DigitClassifier, AutoCloseable {
  static final long CHECK_NANOS = 2_000_000_000L;

  private final ModelStore store;
  private final Function<ModelFile, DigitModel> opener;
  private final Consumer<String> log;
  private final LongSupplier clock;
  private DigitModel active;
  private DigitModel opened;
  private Object seen;
  private long nextCheck;

  /**
   * @param initial the model the run started with (closed by its owner, not here)
   * @param opener opens a model file as the run opens models
   */
  public SwappingClassifier(DigitModel initial, ModelStore store, Function<ModelFile, DigitModel> opener,
      Consumer<String> log, LongSupplier clock) {
    this.active = initial;
    this.store = store;
    this.opener = opener;
    this.log = log;
    this.clock = clock;
    this.seen = stamp();
    this.nextCheck = clock.getAsLong() + CHECK_NANOS;
  }

  @Override
  public float[][] classify(List<float[]> inputs) {
    long now = clock.getAsLong();
    if (now - nextCheck >= 0) {
      nextCheck = now + CHECK_NANOS;
      Object stamp = stamp();
      if (!Objects.equals(stamp, seen)) {
        seen = stamp;
        swap();
      }
    }
    return active.classify(inputs);
  }

  /** The model in use. */
  public DigitModel active() {
    return active;
  }

  private void swap() {
    Path file = store.current().orElse(null);
    if (file == null) {
      return;
    }
    try {
      DigitModel next = opener.apply(ModelFile.load(file));
      DigitModel old = opened;
      active = next;
      opened = next;
      if (old != null) {
        old.close();
      }
      log.accept("model: switched to the newly installed " + file + " (SHA-256 "
          + next.file().sha256() + ")");
    } catch (RuntimeException e) {
      log.accept("model: " + file + " changed but cannot be used (" + e.getMessage()
          + "); still running the previous model");
    }
  }

  /** What identifies the installed file's version: its key, size and modification time. */
  private Object stamp() {
    Path file = store.dir().resolve(ModelStore.CURRENT);
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (opened != null) {
      opened.close();
      opened = null;
    }
  }
}
