package io.lenetedge.edge.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running loop switches to a newly installed model between frames, and only to a good one. */
class SwappingClassifierTest {
  @TempDir Path dir;

  @Test
  void aNewlyInstalledModelIsUsedFromTheNextCheckOn() throws Exception {
    byte[] shipped = ModelFile.embedded().bytes();
    byte[] other = new String(shipped, StandardCharsets.ISO_8859_1).replace("Test accuracy", "Test Accuracy")
        .getBytes(StandardCharsets.ISO_8859_1);
    ModelStore store = ModelStore.at(dir);
    store.install(shipped);
    AtomicLong clock = new AtomicLong();
    List<String> log = new ArrayList<>();
    List<float[]> one = List.of(new float[784]);
    try (DigitModel initial = open(ModelFile.load(store.current().orElseThrow()));
        SwappingClassifier c = new SwappingClassifier(initial, store, SwappingClassifierTest::open,
            log::add, clock::get)) {
      c.classify(one);
      assertSame(initial, c.active());
      store.install(other);
      clock.addAndGet(SwappingClassifier.CHECK_NANOS / 2);
      c.classify(one);
      assertSame(initial, c.active(), "checked before its time");
      clock.addAndGet(SwappingClassifier.CHECK_NANOS);
      c.classify(one);
      assertEquals(ModelFile.load(store.current().orElseThrow()).sha256(), c.active().file().sha256());
      assertTrue(log.get(0).startsWith("model: switched to the newly installed"), log.toString());
      DigitModel second = c.active();
      Files.write(dir.resolve("current.onnx"), "damaged".getBytes(StandardCharsets.UTF_8));
      clock.addAndGet(SwappingClassifier.CHECK_NANOS);
      c.classify(one);
      assertSame(second, c.active(), "a broken file replaced the running model");
      assertTrue(log.get(1).contains("cannot be used"), log.toString());
    }
  }

  private static DigitModel open(ModelFile f) {
    return DigitModel.open(f, ExecutionProvider.CPU, 1, ModelOverrides.NONE, 8, s -> { });
  }
}
