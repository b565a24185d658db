package io.lenetedge.trainer;

import static io.lenetedge.common.UserError.Kind.USAGE;

import io.lenetedge.common.MnistData;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.common.UserError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trainer finetune}: teaches a trained run a user's hand. Starts from the run's parameters
 * and trains a few short epochs at a low learning rate on the user's images (each repeated, with
 * the usual distortions) mixed with MNIST (10,000 images an epoch by default, the user's images a
 * fifth of that), so that the model learns the new hand without forgetting MNIST's; keeps the last
 * epoch. The result is a run folder like any other, for the exporter.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
    description = "Fine-tune a trained run on your own images (DIR/0 ... DIR/9) mixed with some of"
        + " MNIST, into a new run folder the exporter ships as usual.")
public final class FinetuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "RUN", description = "The trained run folder to start from.")
  Path from;

  @Option(names = "--extra", required = true, paramLabel = "DIR",
      description = "Your images: DIR/0 ... DIR/9, any size and format classify reads.")
  Path extra;

  @Option(names = "--out", required = true, paramLabel = "RUN", description = "The new run folder.")
  Path out;

  @Option(names = "--data", defaultValue = "data/mnist",
      description = "The MNIST folder (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--epochs", defaultValue = "4", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.0001",
      description = "Peak learning rate, cosine-decayed (default: ${DEFAULT-VALUE}).")
  float lr;

  @Option(names = "--mnist", defaultValue = "10000",
      description = "MNIST images per epoch, the reminder of MNIST (default: ${DEFAULT-VALUE}).")
  int mnist;

  @Option(names = "--extra-share", defaultValue = "0.2",
      description = "Your images per epoch, as a fraction of its MNIST images, each repeated as"
          + " often as that takes (default: ${DEFAULT-VALUE}).")
  float extraShare;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = TrainingRecipe.builder().build().seed();

  @Option(names = "--force", description = "Overwrite an existing checkpoint in --out.")
  boolean force;

  @Option(names = "--no-progress", description = "No progress bars (logs one line per epoch).")
  boolean noProgress;

  @Override
  public Integer call() {
    CheckpointDescription start = Checkpoint.readDescription(from);
    TrainingRecipe recipe = TrainingRecipe.builder()
        .optEpochs(epochs).optLearningRate(lr).optSeed(seed).optDropout(start.dropout())
        .optFonts(null).optScanShare(0).optEnlargedShare(0).optExtra(extra)
        .optExtraShare(extraShare).optMnistPerEpoch(mnist)
        .optFrom(from).optKept(TrainingRecipe.Kept.LAST).optDevice(DeviceChoice.AUTO)
        .build();
    if (Files.exists(out.resolve(CheckpointDescription.FILE_NAME)) && !force) {
      throw new UserError(USAGE, out + " already holds a checkpoint; choose another --out"
          + " or add --force to overwrite it");
    }
    TrainingRun.createFolder(out);
    PrintWriter err = spec.commandLine().getErr();
    MnistData mnistData = MnistFolder.load(data, err::println);
    TrainingListener listener = noProgress ? new EpochLines(err) : new ConsoleProgress();
    TrainingRun.Result result = new TrainingRun(recipe, out).execute(mnistData, listener);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(EpochTable.render(result.outcome().epochs(), result.outcome().best().epoch(), false));
    stdout.printf("fine-tuned %s on %s: validation %.2f %%, test %.2f %%; wrote %s%n", from, extra,
        100 * result.outcome().best().validationAccuracy(),
        100 * result.outcome().best().testAccuracy(), out);
    stdout.flush();
    return 0;
  }
}
