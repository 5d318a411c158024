package org.geotrans.adapters.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A plain x-y chart drawn with java.awt: white canvas, title, axes with ticks and labels, and a
 * legend; the plots draw inside the plot area through {@link #x} and {@link #y}.
 */
final class Chart {
    static final int WIDTH = 800;
    static final int HEIGHT = 600;
    /** Colour-blind friendly (Okabe-Ito). */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    final Graphics2D g = image.createGraphics();
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;

    Chart(String title, String xLabel, String yLabel, double x0, double x1, double y0, double y1) {
        this.x0 = x0;
        this.x1 = x1 > x0 ? x1 : x0 + 1;
        this.y0 = y0;
        this.y1 = y1 > y0 ? y1 : y0 + 1;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        centred(title, WIDTH / 2.0, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        centred(xLabel, LEFT + plotWidth() / 2.0, HEIGHT - 20);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        FontMetrics m = rotated.getFontMetrics();
        rotated.drawString(yLabel, (float) -(TOP + plotHeight() / 2.0 + m.stringWidth(yLabel) / 2.0), 20f);
        rotated.dispose();
        axes();
    }

    int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    double x(double v) {
        return LEFT + (v - x0) / (x1 - x0) * plotWidth();
    }

    double y(double v) {
        return TOP + plotHeight() - (v - y0) / (y1 - y0) * plotHeight();
    }

    private void axes() {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, plotWidth(), plotHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 5; i++) {
            double vx = x0 + (x1 - x0) * i / 5;
            double vy = y0 + (y1 - y0) * i / 5;
            g.draw(new Line2D.Double(x(vx), TOP + plotHeight(), x(vx), TOP + plotHeight() + 5));
            centred(tick(vx), x(vx), TOP + plotHeight() + 20);
            g.draw(new Line2D.Double(LEFT - 5, y(vy), LEFT, y(vy)));
            String label = tick(vy);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), (float) y(vy) + 4);
        }
    }

    private static String tick(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-2)) {
            return String.format(Locale.ROOT, "%.2g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.2f", v);
    }

    void centred(String text, double cx, double baseline) {
        g.drawString(text, (float) (cx - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    /** A legend box in a corner of the plot area: lower right for ROC curves, upper right otherwise. */
    void legend(List<String> labels, List<Color> colours, boolean lowerRight) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics m = g.getFontMetrics();
        int w = 0;
        for (String l : labels) {
            w = Math.max(w, m.stringWidth(l));
        }
        int lineHeight = m.getHeight() + 2;
        int boxW = w + 45;
        int boxH = lineHeight * labels.size() + 10;
        int bx = LEFT + plotWidth() - boxW - 10;
        int by = lowerRight ? TOP + plotHeight() - boxH - 10 : TOP + 10;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(bx, by, boxW, boxH);
        g.setColor(Color.GRAY);
        g.drawRect(bx, by, boxW, boxH);
        for (int i = 0; i < labels.size(); i++) {
            int yy = by + 5 + lineHeight * i + lineHeight / 2;
            g.setColor(colours.get(i));
            g.setStroke(new BasicStroke(3f));
            g.drawLine(bx + 8, yy, bx + 30, yy);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), bx + 37, yy + m.getAscent() / 2 - 1);
        }
    }
}
