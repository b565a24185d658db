package io.lenetedge.edge.model;

import static io.lenetedge.common.UserError.Kind.MODEL;
import static io.lenetedge.common.UserError.Kind.PROVIDER;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import io.lenetedge.common.LargeStack;
import io.lenetedge.common.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens ONNX Runtime sessions on the requested execution provider. {@code auto} tries CUDA and
 * falls back to the CPU, saying why; an explicit GPU provider that cannot work is an error that
 * names what is missing. The options favour single-image latency: full graph optimisation,
 * sequential execution, {@code threads} intra-op threads, one inter-op thread.
 */
public final class Sessions {

  private Sessions() {}

  /**
   * ONNX Runtime's environment: its libraries from the {@link NativeCache}, created once on a
   * stack large enough for it (see {@link LargeStack}).
   */
  public static OrtEnvironment environment() {
    NativeCache.install();
    return LargeStack.call("onnxruntime-init", OrtEnvironment::getEnvironment);
  }

  /** A session and the provider it really runs on. */
  public record Opened(OrtSession session, ExecutionProvider provider) {}

  public static Opened open(OrtEnvironment env, byte[] model, String source, ExecutionProvider ep,
      int threads, Consumer<String> log) {
    if (ep.kind() == ExecutionProvider.Kind.AUTO) {
      ExecutionProvider cuda = new ExecutionProvider(ExecutionProvider.Kind.CUDA, 0);
      try {
        Opened gpu = tryOpen(env, model, source, cuda, threads);
        log.accept("execution provider: cuda:0 (auto: CUDA works here)");
        return gpu;
      } catch (UserError e) {
        if (e.kind() != PROVIDER) {
          throw e;
        }
        log.accept("execution provider: cpu (auto: CUDA not usable: " + reason(cuda, e) + ")");
        return tryOpen(env, model, source, ExecutionProvider.CPU, threads);
      }
    }
    return tryOpen(env, model, source, ep, threads);
  }

  private static Opened tryOpen(OrtEnvironment env, byte[] model, String source,
      ExecutionProvider ep, int threads) {
    try (SessionOptions options = latencyOptions(threads)) {
      addProvider(options, ep);
      return new Opened(env.createSession(model, options), ep);
    } catch (OrtException e) {
      if (ep.kind() != ExecutionProvider.Kind.CPU && isProviderFailure(e)) {
        throw new UserError(PROVIDER, explain(ep, e), e);
      }
      throw new UserError(MODEL, source + ": ONNX Runtime cannot load it as a model ("
          + firstLine(e.getMessage()) + "); is it a complete .onnx file?", e);
    }
  }

  /** Session options for single-image latency, the ones {@link #open} uses. */
  public static SessionOptions latencyOptions(int threads) throws OrtException {
    SessionOptions options = new SessionOptions();
    options.setOptimizationLevel(SessionOptions.OptLevel.ALL_OPT);
    options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setIntraOpNumThreads(threads);
    options.setInterOpNumThreads(1);
    return options;
  }

  private static void addProvider(SessionOptions options, ExecutionProvider ep) throws OrtException {
    switch (ep.kind()) {
      case CUDA -> options.addCUDA(ep.device());
      case TENSORRT -> options.addTensorrt(ep.device());
      default -> { }
    }
  }

  private static boolean isProviderFailure(OrtException e) {
    String m = String.valueOf(e.getMessage());
    return e.getCode() == OrtException.OrtErrorCode.ORT_EP_FAIL || m.contains("provider")
        || m.contains("shared library") || m.contains("CUDA") || m.contains("TensorRT")
        || m.contains("compiled with");
  }

  /** Names what is missing for a GPU provider, from what this build carries. */
  static String explain(ExecutionProvider ep, OrtException e) {
    String name = ep.kind() == ExecutionProvider.Kind.CUDA ? "CUDA" : "TensorRT";
    if (!compiledIn(ep)) {
      return "--ep " + ep + ": this jar carries the CPU-only ONNX Runtime, which has no " + name
          + " provider. Build the GPU jar (mvn -Pgpu package) on an x86-64 Linux or Windows host"
          + " with CUDA 12 and cuDNN 9" + (ep.kind() == ExecutionProvider.Kind.TENSORRT
              ? " and TensorRT 10" : "")
          + ", or on a Jetson load an ONNX Runtime built for it with -Donnxruntime.native.path;"
          + " or use --ep cpu. (ONNX Runtime: " + firstLine(e.getMessage()) + ")";
    }
    return "--ep " + ep + ": ONNX Runtime's " + name + " provider is in this jar but cannot start: "
        + firstLine(e.getMessage()) + ". It needs an NVIDIA driver, the CUDA 12 libraries"
        + " (libcudart.so.12, libcublasLt.so.12) and cuDNN 9" + (ep.kind() == ExecutionProvider.Kind.TENSORRT
            ? " and TensorRT 10 (libnvinfer.so.10)" : "")
        + " on the library path; or use --ep cpu.";
  }

  /** The cause of a PROVIDER error from {@link #open} for {@code ep}, in a few words for one-line logs. */
  public static String reason(ExecutionProvider ep, UserError e) {
    return e.getCause() instanceof OrtException ort ? shortReason(ep, ort) : e.getMessage();
  }

  private static String shortReason(ExecutionProvider ep, OrtException e) {
    String name = ep.kind() == ExecutionProvider.Kind.CUDA ? "CUDA" : "TensorRT";
    return compiledIn(ep) ? name + " provider failed to start: " + firstLine(e.getMessage())
        : "this jar's ONNX Runtime has no " + name + " provider (the GPU jar has)";
  }

  private static boolean compiledIn(ExecutionProvider ep) {
    return OrtEnvironment.getAvailableProviders().contains(
        ep.kind() == ExecutionProvider.Kind.CUDA ? OrtProvider.CUDA : OrtProvider.TENSOR_RT);
  }

  /** Which providers this jar carries and which of them open a session here. */
  public static List<String> probe(OrtEnvironment env, byte[] model) {
    List<String> lines = new ArrayList<>();
    for (OrtProvider p : OrtEnvironment.getAvailableProviders()) {
      ExecutionProvider ep = switch (p) {
        case CPU -> ExecutionProvider.CPU;
        case CUDA -> new ExecutionProvider(ExecutionProvider.Kind.CUDA, 0);
        case TENSOR_RT -> new ExecutionProvider(ExecutionProvider.Kind.TENSORRT, 0);
        default -> null;
      };
      if (ep == null) {
        lines.add(p + ": compiled in, not used by this runtime");
        continue;
      }
      try (OrtSession ignored = tryOpen(env, model, "model", ep, 1).session()) {
        lines.add(p + ": compiled in, usable");
      } catch (UserError | OrtException e) {
        lines.add(p + ": compiled in, NOT usable: " + firstLine(e.getMessage()));
      }
    }
    return lines;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "no details";
    }
    String line = s.strip().lines().findFirst().orElse(s);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
