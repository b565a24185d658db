package io.lenetedge.edge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lenetedge.image.GrayImage;
import io.lenetedge.image.MnistStyle;
import io.lenetedge.image.Roi;
import io.lenetedge.edge.read.Reading;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayTest {
  @Test
  void outlinesTheRegionAndTheDigitOverTheGrayFrame() {
    byte[] px = new byte[40 * 20];
    Arrays.fill(px, (byte) 100);
    var digit = new MnistStyle.Prepared(new float[784], 10, 5, 6, 4, false);
    Reading one = new Reading(List.of(new Reading.Line(List.of(
        new Reading.Digit(3, 1f, new float[10], digit, false)))));
    BufferedImage img = Overlay.frame(new GrayImage(40, 20, px), new Roi(2, 1, 30, 18), one);
    assertEquals(Overlay.ROI_RGB, img.getRGB(2, 1) & 0xFFFFFF);
    assertEquals(Overlay.ROI_RGB, img.getRGB(31, 18) & 0xFFFFFF);
    assertEquals(Overlay.BOX_RGB, img.getRGB(10, 5) & 0xFFFFFF);
    assertEquals(Overlay.BOX_RGB, img.getRGB(15, 8) & 0xFFFFFF);
    assertEquals(0x646464, img.getRGB(12, 6) & 0xFFFFFF, "inside the box the frame shows");
    assertEquals(0x646464, img.getRGB(1, 1) & 0xFFFFFF, "outside the region too");
  }

  @Test
  void inputIsEnlargedPixelForPixel() {
    float[] input = new float[784];
    input[28 + 2] = 1f;
    input[783] = 0.5f;
    BufferedImage img = Overlay.inputs(List.of(input), 3);
    assertEquals(84, img.getWidth());
    assertEquals(255, img.getRaster().getSample(6, 3, 0));
    assertEquals(255, img.getRaster().getSample(8, 5, 0));
    assertEquals(0, img.getRaster().getSample(9, 5, 0));
    assertEquals(128, img.getRaster().getSample(83, 83, 0));
  }
}
