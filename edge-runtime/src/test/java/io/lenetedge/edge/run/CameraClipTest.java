package io.lenetedge.edge.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lenetedge.common.MnistFolder;
import io.lenetedge.edge.model.DigitModel;
import io.lenetedge.edge.model.ExecutionProvider;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelOverrides;
import io.lenetedge.edge.source.Frame;
import io.lenetedge.edge.read.FrameReader;
import io.lenetedge.edge.read.Preparations;
import io.lenetedge.testkit.CameraClip;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole per-frame pipeline on a clip of MNIST test digits as a hand-held camera would see them:
 * at least 98 % of digit frames right, every blank frame "no digit".
 */
class CameraClipTest {
  static final int FRAMES = 300;

  @Test
  void digitsOnUnevenlyLitPaperAreReadAndBlankPaperIsNot() {
    var test = MnistFolder.load(Path.of(System.getProperty("mnist.dir", "../data/mnist")), s -> { }).test();
    CameraClip clip = new CameraClip(test.images(), 640, 480, 6, 7);
    int digitFrames = 0;
    int correct = 0;
    int blank = 0;
    int blankSaidNothing = 0;
    StringBuilder misses = new StringBuilder();
    try (DigitModel model = DigitModel.open(ModelFile.load(null), ExecutionProvider.CPU, 1,
        ModelOverrides.NONE, 1, s -> { })) {
      FramePipeline pipeline = new FramePipeline(new FrameReader(Preparations.digit(null), model, 0.5f), Decider.digit(1, 0.5f));
      for (int i = 0; i < FRAMES; i++) {
        FrameResult r = pipeline.process(new Frame(i, clip.frame(i)), 0);
        int index = clip.digitIndex(i);
        if (index < 0) {
          blank++;
          blankSaidNothing += r.decision().hasDigit() ? 0 : 1;
        } else {
          digitFrames++;
          if (r.decision().digit() == test.label(index)) {
            correct++;
          } else {
            misses.append(' ').append(i).append(':').append(test.label(index)).append("->")
                .append(r.decision().digit());
          }
        }
      }
    }
    System.out.printf("camera clip: %d/%d digit frames right, %d/%d blank frames no digit;%s%n",
        correct, digitFrames, blankSaidNothing, blank, misses);
    assertEquals(blank, blankSaidNothing, "blank paper must give no digit");
    assertTrue(correct >= 0.99 * digitFrames, correct + " of " + digitFrames + " right:" + misses);
  }
}
