package io.lenetedge.edge.cli;

import io.lenetedge.common.IdxImages;
import io.lenetedge.common.IdxReader;
import io.lenetedge.common.LabeledImages;
import io.lenetedge.edge.model.DigitModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code eval}: accuracy and confusion matrix on a labelled IDX set such as the MNIST test set. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Accuracy, confusion matrix and images/s on 28x28 IDX images with labels"
        + " (raw or .gz), taken as they are.")
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ModelOptions model;

  @Option(names = "--images", required = true, description = "IDX images, e.g. data/mnist/t10k-images-idx3-ubyte.")
  Path images;

  @Option(names = "--labels", required = true, description = "IDX labels, e.g. data/mnist/t10k-labels-idx1-ubyte.")
  Path labels;

  @Option(names = "--batch", defaultValue = "256", description = "Images per inference (default: ${DEFAULT-VALUE}).")
  int batch;

  @Override
  public Integer call() {
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
    IdxImages idx = IdxReader.readImages(images);
    LabeledImages set = new LabeledImages(images.getFileName().toString(), idx, IdxReader.readLabels(labels));
    if (idx.rows() != 28 || idx.cols() != 28) {
      throw new InputException(images + ": images are " + idx.rows() + "x" + idx.cols() + ", expected 28x28");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (DigitModel m = model.open(batch, spec.commandLine().getErr())) {
      int n = set.size();
      int classes = m.spec().classes();
      float[] x = new float[n * 784];
      for (int i = 0; i < n; i++) {
        idx.copyScaled(i, x, i * 784);
      }
      float[] probabilities = new float[n * classes];
      long start = System.nanoTime();
      m.classify(x, n, probabilities);
      double seconds = (System.nanoTime() - start) / 1e9;
      ConfusionMatrix cm = ConfusionMatrix.of(probabilities, set.labels(), classes);
      out.printf(Locale.ROOT, "accuracy: %.2f %% (%d of %d correct) on %s%n", 100 * cm.accuracy(),
          cm.correct(), n, images);
      out.printf(Locale.ROOT, "throughput: %,.0f images/s (batch %d, %s, %d thread(s))%n",
          n / seconds, m.maxBatch(), m.provider(), model.threads);
      out.print(cm.render(m.spec().labels()));
    }
    out.flush();
    return 0;
  }
}
