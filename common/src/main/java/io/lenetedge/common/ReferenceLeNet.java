package io.lenetedge.common;

/**
 * A plain-Java forward pass of the LeNet-5 variant, written straight from the specification. Slow
 * and obvious on purpose: the exporter's and the runtime's tests compare ONNX Runtime against it.
 */
public final class ReferenceLeNet {
  private ReferenceLeNet() {}

  /**
   * Logits [n,10] for {@code n} images of 28x28 values in [0,1], row-major, one after another.
   */
  public static float[] logits(LeNetWeights w, float[] images, int n) {
    float[] out = new float[n * ModelContract.CLASSES];
    for (int i = 0; i < n; i++) {
      float[] x = new float[32 * 32];
      for (int y = 0; y < 28; y++) {
        for (int c = 0; c < 28; c++) {
          float v = images[i * ModelContract.PIXELS + y * 28 + c];
          x[(y + 2) * 32 + c + 2] = (v - ModelContract.MEAN) / ModelContract.STD;
        }
      }
      float[] a = avgPool(relu(conv(x, 1, 32, w.conv1Weight(), w.conv1Bias(), 6, 5)), 6, 28);
      float[] b = avgPool(relu(conv(a, 6, 14, w.conv2Weight(), w.conv2Bias(), 16, 6)), 16, 9);
      float[] c = relu(conv(b, 16, 4, w.conv3Weight(), w.conv3Bias(), 120, 4));
      float[] d = relu(dense(c, w.fc1Weight(), w.fc1Bias(), 84));
      float[] e = dense(d, w.fc2Weight(), w.fc2Bias(), ModelContract.CLASSES);
      System.arraycopy(e, 0, out, i * ModelContract.CLASSES, ModelContract.CLASSES);
    }
    return out;
  }

  private static float[] conv(float[] in, int channels, int size, float[] weight, float[] bias,
      int filters, int k) {
    int outSize = size - k + 1;
    float[] out = new float[filters * outSize * outSize];
    for (int f = 0; f < filters; f++) {
      for (int y = 0; y < outSize; y++) {
        for (int x = 0; x < outSize; x++) {
          double sum = bias[f];
          for (int ch = 0; ch < channels; ch++) {
            for (int ky = 0; ky < k; ky++) {
              for (int kx = 0; kx < k; kx++) {
                sum += (double) weight[((f * channels + ch) * k + ky) * k + kx]
                    * in[(ch * size + y + ky) * size + x + kx];
              }
            }
          }
          out[(f * outSize + y) * outSize + x] = (float) sum;
        }
      }
    }
    return out;
  }

  private static float[] avgPool(float[] in, int channels, int size) {
    int outSize = size / 2;
    float[] out = new float[channels * outSize * outSize];
    for (int ch = 0; ch < channels; ch++) {
      for (int y = 0; y < outSize; y++) {
        for (int x = 0; x < outSize; x++) {
          int base = (ch * size + 2 * y) * size + 2 * x;
          out[(ch * outSize + y) * outSize + x] =
              (in[base] + in[base + 1] + in[base + size] + in[base + size + 1]) / 4f;
        }
      }
    }
    return out;
  }

  private static float[] dense(float[] in, float[] weight, float[] bias, int units) {
    float[] out = new float[units];
    for (int u = 0; u < units; u++) {
      double sum = bias[u];
      for (int i = 0; i < in.length; i++) {
        sum += (double) weight[u * in.length + i] * in[i];
      }
      out[u] = (float) sum;
    }
    return out;
  }

  private static float[] relu(float[] a) {
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.max(0f, a[i]);
    }
    return a;
  }
}
