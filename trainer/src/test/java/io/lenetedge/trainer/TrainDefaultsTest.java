package io.lenetedge.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code trainer train}'s defaults are the default recipe's, and {@code --keep} is a choice. */
class TrainDefaultsTest {
  private static final TrainingRecipe RECIPE = TrainingRecipe.builder().build();

  @Test
  void everyDefaultIsTheRecipes() {
    CommandLine train = TrainerCli.commandLine().getSubcommands().get("train");
    Map<String, Object> expected = Map.ofEntries(
        Map.entry("--epochs", RECIPE.epochs()), Map.entry("--batch", RECIPE.batchSize()),
        Map.entry("--lr", RECIPE.learningRate()), Map.entry("--seed", RECIPE.seed()),
        Map.entry("--device", RECIPE.device()), Map.entry("--val-size", RECIPE.validationSize()),
        Map.entry("--dropout", RECIPE.dropout()), Map.entry("--font-share", RECIPE.fontShare()),
        Map.entry("--scan-share", RECIPE.scanShare()),
        Map.entry("--enlarged-share", RECIPE.enlargedShare()),
        Map.entry("--extra-share", RECIPE.extraShare()), Map.entry("--keep", RECIPE.kept()));
    String help = train.getUsageMessage().replaceAll("\\s+", " ");
    expected.forEach((name, value) -> {
      CommandLine.Model.OptionSpec o = train.getCommandSpec().findOption(name);
      assertEquals(value, o.getValue(), name);
      assertTrue(help.contains("(default: " + value + ")"), name + " shows " + value + " in: " + help);
    });
  }

  @Test
  void keepIsAChoiceInAnyCase() {
    CommandLine cli = TrainerCli.commandLine();
    cli.parseArgs("train", "--out", "x", "--keep", "BEST");
    TrainCommand train = cli.getSubcommands().get("train").getCommand();
    assertEquals(TrainingRecipe.Kept.BEST, train.keep);
    TrainerRun r = TrainerRun.of("train", "--out", "x", "--keep", "worst");
    assertEquals(CommandLine.ExitCode.USAGE, r.exit());
    assertTrue(r.err().contains("--keep") && r.err().contains("BEST") && r.err().contains("LAST"),
        r.err());
  }
}
