package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.PROVIDER;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.lenetedge.common.UserError;

/** Turns {@code --device auto|cpu|gpu} into a DJL device, saying on stderr what {@code auto} chose. */
final class Devices {
  private Devices() {}

  static Device resolve(DeviceChoice choice, Engine engine) {
    int gpus = engine.getGpuCount();
    return switch (choice) {
      case CPU -> Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new UserError(PROVIDER, "--device gpu: DJL's PyTorch engine sees no GPU. The default"
              + " build bundles the CPU libtorch; build with `mvn -Dcuda package` on a machine with"
              + " an NVIDIA driver so DJL fetches the CUDA libtorch, or use --device cpu.");
        }
        yield Device.gpu();
      }
      case AUTO -> {
        if (gpus > 0) {
          System.err.println("device: GPU 0 (DJL sees " + gpus + " GPU(s))");
          yield Device.gpu();
        }
        System.err.println("device: no GPU visible to DJL's PyTorch engine, training on the CPU");
        yield Device.cpu();
      }
    };
  }
}
