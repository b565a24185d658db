package io.lenetedge.exporter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.lenetedge.common.LabeledImages;
import io.lenetedge.common.Logits;
import io.lenetedge.common.MnistFolder;
import io.lenetedge.common.ModelContract;
import io.lenetedge.common.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model the project ships is the one its card describes, and scores what the card says. */
class ShippedModelTest {
  static final Path MODELS = Path.of("../models");

  static ModelCard card() throws Exception {
    return new Gson().fromJson(Files.readString(MODELS.resolve("model-card.json")), ModelCard.class);
  }

  @Test
  void sha256AndSizeMatchTheModelCard() throws Exception {
    ModelCard card = card();
    Path model = MODELS.resolve(card.file());
    assertEquals(card.sha256(), Sha256.of(model));
    assertEquals(card.bytes(), Files.size(model));
    assertTrue(Files.readString(MODELS.resolve("README.md")).contains(card.sha256()),
        "models/README.md must quote the SHA-256 of the shipped model");
  }

  @Test
  void onnxRuntimeReproducesTheCardsTestAccuracy() throws Exception {
    ModelCard card = card();
    LabeledImages test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")),
        s -> {}).test();
    float[] images = new float[test.size() * ModelContract.PIXELS];
    for (int i = 0; i < test.size(); i++) {
      test.images().copyScaled(i, images, i * ModelContract.PIXELS);
    }
    int correct = 0;
    try (OnnxScorer scorer = new OnnxScorer(MODELS.resolve(card.file()), "image", "logits", 1000)) {
      for (int from = 0; from < test.size(); from += 1000) {
        float[] logits = scorer.run(images, from * ModelContract.PIXELS, 1000);
        for (int i = 0; i < 1000; i++) {
          correct += Logits.argmax(logits, i) == test.label(from + i) ? 1 : 0;
        }
      }
    }
    assertEquals(card.onnxTestAccuracy(), correct / 10000.0, 1e-9);
    assertTrue(card.onnxTestAccuracy() >= 0.992, "shipped model below the 99.2 % target");
  }
}
