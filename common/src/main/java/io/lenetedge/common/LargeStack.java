package io.lenetedge.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a native initialisation on a thread whose stack grows with the process's command line.
 *
 * <p>ONNX Runtime 1.29's telemetry reads {@code /proc/self/cmdline} when its environment is
 * created and matches it with a recursive regular expression that needs about 250 bytes of stack
 * per character: on the JVM's 1 MB main thread, {@code classify *.png} over a few dozen files
 * (4 KB of arguments) died with SIGSEGV before printing anything. Creating the environment here
 * gives it 1 KB of stack per character of the command line, and never less than 8 MB.
 */
public final class LargeStack {
  static final long MIN_BYTES = 8L << 20;
  static final long BYTES_PER_CHAR = 1024;
  static final long MAX_BYTES = 1L << 30;

  private LargeStack() {}

  /** {@code init}'s value, computed on a thread with a stack large enough for this process. */
  public static <T> T call(String name, Supplier<T> init) {
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        value.set(init.get());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, name, stackBytes(commandLineLength()));
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + name, e);
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    return value.get();
  }

  /** The stack for a command line of {@code chars} characters. */
  static long stackBytes(long chars) {
    return Math.min(MAX_BYTES, Math.max(MIN_BYTES, chars * BYTES_PER_CHAR));
  }

  /** Length of {@code /proc/self/cmdline}, or 0 where there is none. */
  static long commandLineLength() {
    try {
      return Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return 0;
    }
  }
}
