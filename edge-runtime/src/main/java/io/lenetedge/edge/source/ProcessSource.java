package io.lenetedge.edge.source;

import static io.lenetedge.common.UserError.Kind.INPUT;

import io.lenetedge.common.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Frames from a program that writes raw video to its stdout (rpicam-vid, ffmpeg, gst-launch-1.0).
 * Its stderr goes to the log. A live source whose program dies is restarted with back-off up to
 * {@code maxRestarts} times; a finite one (a video file) ends when its program exits cleanly.
 */
final class ProcessSource implements FrameSource {
  private static final long FIRST_BACKOFF_MS = 200;
  private static final long MAX_BACKOFF_MS = 5000;

  private final String name;
  private final List<String> command;
  private final List<FrameLayout> layouts;
  private final boolean live;
  private final int maxRestarts;
  private final String installHint;
  private final Consumer<String> log;
  private final Deque<String> lastErrors = new ArrayDeque<>();
  private Process process;
  private RawFrameReader reader;
  private long index;
  private volatile int restarts;
  private volatile boolean closed;

  ProcessSource(String name, List<String> command, List<FrameLayout> layouts, boolean live,
      int maxRestarts, String installHint, Consumer<String> log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.layouts = List.copyOf(layouts);
    this.live = live;
    this.maxRestarts = maxRestarts;
    this.installHint = installHint;
    this.log = log;
  }

  @Override
  public Frame next() {
    while (!closed) {
      try {
        if (process == null) {
          start();
        }
        var image = reader.next();
        if (image != null) {
          return new Frame(index++, image);
        }
      } catch (IOException e) {
        if (closed) {
          return null;
        }
        log.accept(name + ": read failed: " + e.getMessage());
      }
      if (closed || !afterExit()) {
        return null;
      }
    }
    return null;
  }

  /** Decides what follows the program's exit: true to go on (restarted), false for the end. */
  private boolean afterExit() {
    int code = waitForExit();
    process = null;
    if (!live && code == 0) {
      return false;
    }
    String why = programName() + " exited with code " + code + lastErrorSummary();
    if (restarts >= maxRestarts) {
      throw new UserError(INPUT, name + ": " + why + "; gave up after " + restarts
          + " restart(s) (--max-restarts " + maxRestarts + ")");
    }
    restarts++;
    long backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << (restarts - 1));
    log.accept(name + ": " + why + "; restart " + restarts + " of " + maxRestarts + " in "
        + backoff + " ms");
    sleep(backoff);
    return true;
  }

  private void start() throws IOException {
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new UserError(INPUT, name + ": cannot run " + command.get(0) + " (" + e.getMessage()
          + "). " + installHint, e);
    }
    process.getOutputStream().close();
    Thread drain = new Thread(this::drainStderr, "source-stderr");
    drain.setDaemon(true);
    drain.start();
    try {
      reader = RawFrameReader.detecting(process.getInputStream(), layouts, log);
    } catch (UserError e) {
      if (e.kind() != INPUT) {
        throw e;
      }
      log.accept(name + ": " + e.getMessage());
      reader = RawFrameReader.of(java.io.InputStream.nullInputStream(), layouts.get(0), log);
    }
  }

  private void drainStderr() {
    Process p = process;
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = err.readLine()) != null; ) {
        log.accept("[" + programName() + "] " + line);
        synchronized (lastErrors) {
          lastErrors.addLast(line);
          if (lastErrors.size() > 3) {
            lastErrors.removeFirst();
          }
        }
      }
    } catch (IOException ignored) {
      // the program is gone; its exit code tells the rest
    }
  }

  private String lastErrorSummary() {
    synchronized (lastErrors) {
      return lastErrors.isEmpty() ? "" : " (last said: " + lastErrors.peekLast() + ")";
    }
  }

  private int waitForExit() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
      return -1;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String programName() {
    return java.nio.file.Path.of(command.get(0)).getFileName().toString();
  }

  @Override
  public int restarts() {
    return restarts;
  }

  @Override
  public String describe() {
    return name;
  }

  @Override
  public void close() {
    closed = true;
    Process p = process;
    if (p != null) {
      p.destroy();
    }
  }
}
