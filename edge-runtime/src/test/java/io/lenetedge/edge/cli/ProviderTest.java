package io.lenetedge.edge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Execution providers on a machine without CUDA (CI, and any build with the CPU jar): an explicit
 * GPU provider fails clearly, {@code auto} falls back to the CPU and says so.
 */
class ProviderTest {
  @BeforeEach
  void onlyWithoutCuda() {
    Assumptions.assumeFalse(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
        "built with the GPU jar: the CUDA checks run on a GPU machine instead");
  }

  @Test
  void explicitCudaNamesWhatIsMissing() {
    CliRun r = CliRun.of("info", "--ep", "cuda").assertNoStackTrace();
    assertEquals(UserError.Kind.PROVIDER.exitCode(), r.exit());
    assertTrue(r.err().contains("--ep cuda:0"), r.err());
    assertTrue(r.err().contains("CUDA 12") && r.err().contains("--ep cpu"), r.err());
  }

  @Test
  void explicitTensorrtNamesWhatIsMissing() {
    CliRun r = CliRun.of("info", "--ep", "tensorrt").assertNoStackTrace();
    assertEquals(UserError.Kind.PROVIDER.exitCode(), r.exit());
    assertTrue(r.err().contains("TensorRT"), r.err());
  }

  @Test
  void autoFallsBackToTheCpuAndSaysWhy() {
    CliRun info = CliRun.of("info", "--ep", "auto");
    assertTrue(info.err().contains("execution provider: cpu (auto: CUDA"), info.err());
    assertEquals(0, info.exit(), info.err());
    assertTrue(info.out().contains("running on cpu"), info.out());
  }

  @Test
  void unknownProviderIsAUsageError() {
    CliRun r = CliRun.of("info", "--ep", "npu").assertNoStackTrace();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("[auto, cpu, cuda, cuda:ID, tensorrt, tensorrt:ID]"), r.err());
  }
}
