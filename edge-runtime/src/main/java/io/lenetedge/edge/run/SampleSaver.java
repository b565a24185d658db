package io.lenetedge.edge.run;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.UserError;
import io.lenetedge.edge.read.Reading;
import io.lenetedge.edge.source.Frame;
import io.lenetedge.image.MnistStyle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Keeps the model inputs of decided digits as 28x28 PNGs in {@code DIR/0} ... {@code DIR/9}, filed
 * under the digit read, so that a user moves the misread ones and trains on the folder ({@code
 * trainer finetune --extra DIR}). A value is saved when the decision changes, and again at most
 * every {@link Limits#repeatNanos}; saving stops for good once the folder holds {@link
 * Limits#maxFiles} samples or {@link Limits#maxBytes} bytes of them (counting what an earlier run
 * left there). Files are written on a thread of their own; when it falls behind, samples are
 * dropped rather than the loop slowed.
 */
public final class SampleSaver implements FrameListener, AutoCloseable {
  /** How many samples wait for the writer before new ones are dropped. */
  static final int QUEUE = 64;

  /**
   * The bounds of a sample folder.
   *
   * @param maxFiles the most samples the folder may hold
   * @param maxBytes the most bytes they may take
   * @param repeatNanos the least time between two saves of an unchanged decision
   */
  public record Limits(int maxFiles, long maxBytes, long repeatNanos) {
    /** Up to 1,000 samples, 20 MB, and an unchanged value again every 5 s. */
    public static final Limits DEFAULT = new Limits(1000, 20L << 20, TimeUnit.SECONDS.toNanos(5));

    public Limits {
      if (maxFiles < 1 || maxBytes < 1 || repeatNanos < 0) {
        throw new UserError(USAGE, "sample limits must be positive: " + maxFiles
            + " files, " + maxBytes + " bytes");
      }
    }
  }

  private final Path dir;
  private final Limits limits;
  private final LongSupplier clock;
  private final Consumer<String> log;
  private final String runStamp;
  private final ThreadPoolExecutor writer;
  private int files;
  private long bytes;
  private int dropped;
  private int added;
  private boolean full;
  private String lastKey;
  private long lastSaved;

  private SampleSaver(Path dir, Limits limits, LongSupplier clock, Consumer<String> log,
      int files, long bytes) {
    this.dir = dir;
    this.limits = limits;
    this.clock = clock;
    this.log = log;
    this.files = files;
    this.bytes = bytes;
    this.runStamp = Long.toString(System.currentTimeMillis() / 1000, 36);
    this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "save-samples");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Opens {@code dir} (created when missing) and counts the samples already there.
   *
   * @throws UserError (USAGE) when {@code dir} is a file or cannot be created
   */
  public static SampleSaver open(Path dir, Limits limits, LongSupplier clock, Consumer<String> log) {
    try {
      for (int d = 0; d <= 9; d++) {
        Files.createDirectories(dir.resolve(Integer.toString(d)));
      }
    } catch (IOException e) {
      throw new UserError(USAGE, "--save-samples " + dir + ": cannot create its digit"
          + " folders (" + e.getMessage() + "); give a writable folder");
    }
    int files = 0;
    long bytes = 0;
    for (Path f : existing(dir)) {
      files++;
      bytes += sizeOf(f);
    }
    SampleSaver saver = new SampleSaver(dir, limits, clock, log, files, bytes);
    log.accept(String.format(Locale.ROOT, "save-samples: %s (%d samples there; keeping up to %d,"
        + " %.1f MB)", dir, files, limits.maxFiles(), limits.maxBytes() / 1048576.0));
    if (saver.atLimit()) {
      saver.stop();
    }
    return saver;
  }

  @Override
  public void onFrame(Frame frame, FrameResult result) {
    if (full || result == null || !result.decision().found()) {
      return;
    }
    Decision decision = result.decision();
    long now = clock.getAsLong();
    if (decision.key().equals(lastKey) && now - lastSaved < limits.repeatNanos()) {
      return;
    }
    List<Sample> samples = samplesOf(result.frame(), decision, result.reading());
    if (samples.isEmpty()) {
      return;
    }
    lastKey = decision.key();
    lastSaved = now;
    for (Sample s : samples) {
      if (atLimit()) {
        stop();
        return;
      }
      byte[] png = png(s.prepared().input());
      try {
        writer.execute(() -> write(s.name(), png));
        files++;
        added++;
        bytes += png.length;
      } catch (RejectedExecutionException busy) {
        dropped++;
      }
    }
  }

  /** The samples already kept, and those waiting to be written. */
  public int files() {
    return files;
  }

  /** Samples dropped because the writer fell behind. */
  public int dropped() {
    return dropped;
  }

  /** Waits up to 2 s for the queued samples to be written, and says how many were. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.accept(String.format(Locale.ROOT, "save-samples: %d new in %s%s", added, dir,
        dropped == 0 ? "" : " (" + dropped + " dropped: the disk was slower than the camera)"));
  }

  private boolean atLimit() {
    return files >= limits.maxFiles() || bytes >= limits.maxBytes();
  }

  private void stop() {
    full = true;
    log.accept(String.format(Locale.ROOT, "save-samples: %s holds %d samples (%.1f MB), its"
        + " limit; no more are saved. Sort them (see the README) and remove some to save more.",
        dir, files, bytes / 1048576.0));
  }

  /** A decided single digit under the decision's digit; each known digit of a text or value. */
  private List<Sample> samplesOf(long frame, Decision decision, Reading reading) {
    List<Sample> out = new ArrayList<>();
    int i = 0;
    for (Reading.Digit d : reading.digits()) {
      i++;
      int label = decision.kind() == Decision.Kind.DIGIT ? decision.digit() : d.digit();
      if (label < 0 || d.prepared() == null || (decision.kind() == Decision.Kind.DIGIT
          && reading.count() != 1)) {
        continue;
      }
      out.add(new Sample(label + "/" + runStamp + "-f" + frame + "-" + i + ".png", d.prepared()));
    }
    return out;
  }

  private record Sample(String name, MnistStyle.Prepared prepared) {}

  private void write(String name, byte[] png) {
    try {
      Files.write(dir.resolve(name), png, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      // a sample of this frame and place is there from a run in the same second: keep it
    } catch (IOException e) {
      log.accept("save-samples: cannot write " + dir.resolve(name) + ": " + e.getMessage());
    }
  }

  /** A model input (white on black in [0,1]) as a grey PNG. */
  static byte[] png(float[] input) {
    int side = MnistStyle.SIZE;
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) Math.round(Math.clamp(input[i], 0f, 1f) * 255);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<Path> existing(Path dir) {
    List<Path> all = new ArrayList<>();
    for (int d = 0; d <= 9; d++) {
      try (Stream<Path> s = Files.list(dir.resolve(Integer.toString(d)))) {
        s.filter(Files::isRegularFile).forEach(all::add);
      } catch (IOException e) {
        throw new UserError(USAGE, "--save-samples " + dir + ": cannot list "
            + dir.resolve(Integer.toString(d)) + " (" + e.getMessage() + ")");
      }
    }
    return all;
  }

  private static long sizeOf(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return 0;
    }
  }
}
