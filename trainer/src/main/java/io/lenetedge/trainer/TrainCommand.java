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

/** {@code trainer train}: one training run into a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train on MNIST and write the best epoch's checkpoint, a log and a learning curve.")
public final class TrainCommand implements Callable<Integer> {
  /** The default recipe: every option's default comes from it, so it is written once. */
  private static final TrainingRecipe DEFAULTS = TrainingRecipe.builder().build();

  @Spec CommandSpec spec;

  @Option(names = "--data", defaultValue = "data/mnist",
      description = "Folder with the four MNIST IDX files, raw or .gz (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--out", required = true, description = "Run folder to create, e.g. runs/NAME.")
  Path out;

  @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs = DEFAULTS.epochs();

  @Option(names = "--batch", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch = DEFAULTS.batchSize();

  @Option(names = "--lr",
      description = "Peak learning rate of Adam, cosine-decayed over the run (default: ${DEFAULT-VALUE}).")
  float lr = DEFAULTS.learningRate();

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = DEFAULTS.seed();

  @Option(names = "--device",
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  DeviceChoice device = DEFAULTS.device();

  @Option(names = "--val-size",
      description = "Training images held out for choosing the best epoch (default: ${DEFAULT-VALUE}).")
  int valSize = DEFAULTS.validationSize();

  @Option(names = "--dropout",
      description = "Dropout rate before the last layer (default: ${DEFAULT-VALUE}).")
  float dropout = DEFAULTS.dropout();

  @Option(names = "--no-augment", description = "Train on the images as they are (no random shifts, rotations, scaling).")
  boolean noAugment;

  @Option(names = "--no-distort",
      description = "No slant, elastic warps or stroke-width changes on top of the shifts, rotations and scaling.")
  boolean noDistort;

  @Option(names = "--no-styles",
      description = "No crossed 7s, European 1s, tailed 9s and closed 4s drawn onto MNIST's digits.")
  boolean noStyles;

  @Option(names = "--fonts", defaultValue = "data/fonts", paramLabel = "DIR",
      description = "Also train on digits drawn from the training fonts in DIR"
          + " (scripts/fetch-fonts.sh) (default: ${DEFAULT-VALUE}).")
  Path fonts;

  @Option(names = "--no-fonts", description = "Train without font digits.")
  boolean noFonts;

  @Option(names = "--font-share",
      description = "Font digits per epoch, as a fraction of its MNIST images (default: ${DEFAULT-VALUE}).")
  float fontShare = DEFAULTS.fontShare();

  @Option(names = "--scan-share",
      description = "MNIST digits as a low-resolution scan records them (6 to 12 blocks high), per"
          + " epoch, as a fraction of its MNIST images; 0 for none (default: ${DEFAULT-VALUE}).")
  float scanShare = DEFAULTS.scanShare();

  @Option(names = "--enlarged-share",
      description = "MNIST digits enlarged 2 to 10 times as a tight crop or a high-resolution scan"
          + " gives them, per epoch, as a fraction of its MNIST images; 0 for none"
          + " (default: ${DEFAULT-VALUE}).")
  float enlargedShare = DEFAULTS.enlargedShare();

  @Option(names = "--extra", paramLabel = "DIR",
      description = "Also train on your own images: DIR/0 ... DIR/9 hold images of each digit, any size"
          + " and format classify reads, prepared as the runtime prepares them.")
  Path extra;

  @Option(names = "--extra-share",
      description = "How much of each epoch your images make up, each repeated as often as that"
          + " takes (default: ${DEFAULT-VALUE}).")
  float extraShare = DEFAULTS.extraShare();

  @Option(names = "--max-batches", hidden = true,
      description = "Batches per epoch at most (0: all); for quick checks.")
  int maxBatches = DEFAULTS.maxBatchesPerEpoch();

  @Option(names = "--keep",
      description = "${COMPLETION-CANDIDATES}: keep the epoch with the best validation accuracy, or"
          + " the last one (the learning rate has then decayed to 1 %%) (default: ${DEFAULT-VALUE}).")
  TrainingRecipe.Kept keep = DEFAULTS.kept();

  @Option(names = "--force", description = "Overwrite an existing checkpoint in --out.")
  boolean force;

  @Option(names = "--no-progress", description = "No progress bars (logs one line per epoch).")
  boolean noProgress;

  @Override
  public Integer call() {
    TrainingRecipe recipe = TrainingRecipe.builder()
        .optEpochs(epochs).optBatchSize(batch).optLearningRate(lr).optSeed(seed)
        .optValidationSize(valSize).optAugment(!noAugment).optDropout(dropout)
        .optDevice(device).optMaxBatchesPerEpoch(maxBatches)
        .optDistort(!noDistort).optStyles(!noStyles).optFonts(noFonts ? null : fonts(fonts))
        .optFontShare(fontShare).optScanShare(scanShare)
        .optEnlargedShare(enlargedShare).optExtra(extra).optExtraShare(extraShare)
        .optKept(keep)
        .build();
    prepareOutput();
    PrintWriter err = spec.commandLine().getErr();
    MnistData mnist = MnistFolder.load(data, err::println);
    TrainingListener listener = noProgress ? new EpochLines(err) : new ConsoleProgress();
    TrainingRun run = new TrainingRun(recipe, out);
    TrainingRun.Result result = run.execute(mnist, listener);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(EpochTable.render(result.outcome().epochs(), result.outcome().best().epoch(),
        recipe.keepBest()));
    stdout.printf("kept epoch %d (%s): validation %.2f %%, test %.2f %%; wrote %s%n",
        result.outcome().best().epoch(), recipe.keepBest() ? "best validation" : "last",
        100 * result.outcome().best().validationAccuracy(),
        100 * result.outcome().best().testAccuracy(), out);
    stdout.flush();
    return 0;
  }

  private void prepareOutput() {
    if (Files.exists(out.resolve(CheckpointDescription.FILE_NAME)) && !force) {
      throw new UserError(USAGE, out + " already holds a checkpoint; choose another --out"
          + " or add --force to overwrite it");
    }
    TrainingRun.createFolder(out);
  }

  /** The fonts folder, when every font of the catalogue is there. */
  static Path fonts(Path dir) {
    if (!io.lenetedge.image.FontCatalog.present(dir)) {
      throw new UserError(USAGE, "--fonts " + dir + ": the training fonts are not there;"
          + " fetch them with scripts/fetch-fonts.sh, or train without them with --no-fonts");
    }
    return dir;
  }
}
