package io.lenetedge.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Digits drawn from a font: dark ink on white paper with a margin, the digit's ink a given number
 * of pixels high, optionally turned, slanted and made bolder or lighter. Pure: fonts and numbers
 * in, pixels out.
 */
public final class FontDigits {
  private FontDigits() {}

  /**
   * How to draw one digit.
   *
   * @param height the digit's ink height in pixels
   * @param degrees rotation, clockwise
   * @param shear horizontal slant (x moves by shear times the height above the baseline)
   * @param weight extra stroke width as a fraction of the height (0 as the font draws it; negative
   *     thins by drawing over the outline in paper)
   */
  public record Style(int height, double degrees, double shear, double weight) {
    public static Style plain(int height) {
      return new Style(height, 0, 0, 0);
    }
  }

  /** The digit {@code digit} of {@code font} drawn as {@code style} says. */
  public static GrayImage render(Font font, int digit, Style style) {
    if (digit < 0 || digit > 9) {
      throw new IllegalArgumentException("digit must be 0-9, got " + digit);
    }
    String text = String.valueOf(digit);
    FontRenderContext frc = new FontRenderContext(new AffineTransform(), true, true);
    Font probe = font.deriveFont(100f);
    Rectangle inkAt100 = probe.createGlyphVector(frc, text).getPixelBounds(frc, 0, 0);
    float size = 100f * style.height() / Math.max(1, inkAt100.height);
    Font sized = font.deriveFont(size);
    GlyphVector glyph = sized.createGlyphVector(frc, text);
    Rectangle ink = glyph.getPixelBounds(frc, 0, 0);
    int margin = style.height() / 2 + 4;
    int side = Math.max(ink.width, ink.height) + 2 * margin + (int) Math.abs(style.shear() * ink.height);
    BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, side, side);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.translate(side / 2.0, side / 2.0);
      g.rotate(Math.toRadians(style.degrees()));
      g.shear(-style.shear(), 0);
      g.translate(-(ink.x + ink.width / 2.0), -(ink.y + ink.height / 2.0));
      java.awt.Shape outline = glyph.getOutline();
      g.setColor(Color.BLACK);
      g.fill(outline);
      float stroke = (float) (Math.abs(style.weight()) * style.height());
      if (stroke > 0) {
        g.setColor(style.weight() > 0 ? Color.BLACK : Color.WHITE);
        g.setStroke(new java.awt.BasicStroke(stroke, java.awt.BasicStroke.CAP_ROUND,
            java.awt.BasicStroke.JOIN_ROUND));
        g.draw(outline);
      }
    } finally {
      g.dispose();
    }
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    return new GrayImage(side, side, px.clone());
  }
}
