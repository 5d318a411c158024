package org.geotrans.adapters.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.geotrans.domain.image.Image;

/**
 * A grid of images with a caption under each (the most anomalous images of a scoring run), drawn
 * as the images are (0..255, grey or RGB), each scaled to the same cell with nearest-neighbour
 * pixels so that small images stay sharp.
 */
public final class ContactSheet {
    /** One picture and its two caption lines. */
    public record Tile(Image image, String title, String caption) {
    }

    private static final int CELL = 128;
    private static final int CAPTION = 34;
    private static final int GAP = 8;
    private static final int MAX_COLUMNS = 8;

    private ContactSheet() {
    }

    /** The sheet, up to {@value #MAX_COLUMNS} tiles a row, in the order given. */
    public static BufferedImage draw(List<Tile> tiles) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one image");
        }
        int columns = Math.min(MAX_COLUMNS, tiles.size());
        int rows = (tiles.size() + columns - 1) / columns;
        int width = GAP + columns * (CELL + GAP);
        int height = GAP + rows * (CELL + CAPTION + GAP);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < tiles.size(); i++) {
                int x = GAP + (i % columns) * (CELL + GAP);
                int y = GAP + (i / columns) * (CELL + CAPTION + GAP);
                Tile tile = tiles.get(i);
                g.drawImage(picture(tile.image()), x, y, CELL, CELL, null);
                g.setColor(Color.DARK_GRAY);
                g.drawRect(x - 1, y - 1, CELL + 1, CELL + 1);
                g.setColor(Color.BLACK);
                g.drawString(fit(tile.title(), g.getFontMetrics()), x, y + CELL + 13);
                g.drawString(fit(tile.caption(), g.getFontMetrics()), x, y + CELL + 27);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** The image as pixels, values clamped to 0..255. */
    static BufferedImage picture(Image image) {
        int h = image.shape().height();
        int w = image.shape().width();
        int c = image.shape().channels();
        float[] v = image.pixels();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = (y * w + x) * c;
                int r = clamp(v[p]);
                int gr = c >= 3 ? clamp(v[p + 1]) : r;
                int b = c >= 3 ? clamp(v[p + 2]) : r;
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The text, shortened from the left with an ellipsis until it fits a cell (file names end in what matters). */
    private static String fit(String text, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= CELL) {
            return text;
        }
        String s = text;
        while (s.length() > 1 && metrics.stringWidth("\u2026" + s) > CELL) {
            s = s.substring(1);
        }
        return "\u2026" + s;
    }
}
