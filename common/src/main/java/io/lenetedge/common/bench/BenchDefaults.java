package io.lenetedge.common.bench;

/**
 * The defaults every latency bench shares ({@code edge-runtime bench}, {@code trainer bench}), as
 * picocli default values.
 */
public final class BenchDefaults {
  /** Untimed calls before each configuration. */
  public static final String WARMUP = "2000";
  /** Timed calls per configuration. */
  public static final String ITERATIONS = "20000";
  /** Intra-op threads. */
  public static final String THREADS = "1";
  /** Images per call. */
  public static final String BATCH = "1";
  /** The largest batch a bench accepts. */
  public static final int MAX_BATCH = 4096;

  private BenchDefaults() {}
}
