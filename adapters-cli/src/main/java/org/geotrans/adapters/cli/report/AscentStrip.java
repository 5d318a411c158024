package org.geotrans.adapters.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.geotrans.domain.diagnose.AscentTrace;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ascent on one strip: the image before, after, and their difference (red where the ascent
 * brightened, blue where it darkened), each enlarged without smoothing, beside the simplified
 * score along the steps (XChart). Also the images alone, as PNGs of the detector's raw size.
 */
public final class AscentStrip {
    static final int PANEL = 240;
    static final int CHART_WIDTH = 520;
    private static final int CAPTION = 28;

    private AscentStrip() {
    }

    public static BufferedImage draw(AscentTrace trace, String title) {
        XYChart chart = Chart.xy(title, "step", "simplified score", CHART_WIDTH, PANEL + CAPTION);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        double[] steps = new double[trace.scores().length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        XYSeries s = chart.addSeries("score", steps, trace.scores());
        s.setMarker(SeriesMarkers.NONE);
        BufferedImage curve = Chart.render(chart);
        int width = 3 * (PANEL + 10) + curve.getWidth();
        BufferedImage strip = new BufferedImage(width, PANEL + CAPTION, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = strip.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, strip.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        double[] sc = trace.scores();
        panel(g, 0, picture(trace.before()), String.format(Locale.ROOT, "before (score %.3f)", sc[0]));
        panel(g, 1, picture(trace.after()), String.format(Locale.ROOT, "after (score %.3f)", sc[sc.length - 1]));
        panel(g, 2, difference(trace.before(), trace.after()), String.format(Locale.ROOT, "change (RMS %.3f)", trace.rmsChange()));
        g.drawImage(curve, 3 * (PANEL + 10), 0, null);
        g.dispose();
        return strip;
    }

    private static void panel(Graphics2D g, int at, BufferedImage picture, String caption) {
        int x = at * (PANEL + 10);
        g.drawImage(picture, x, CAPTION, PANEL, PANEL, null);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(caption, x + 4, 19);
    }

    /** A raw image (0..255; grey or RGB) as a picture of its own size. */
    public static BufferedImage picture(Image raw) {
        ImageShape s = raw.shape();
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < s.height(); r++) {
            for (int c = 0; c < s.width(); c++) {
                int red = Math.round(raw.value(r, c, 0));
                int green = s.channels() >= 3 ? Math.round(raw.value(r, c, 1)) : red;
                int blue = s.channels() >= 3 ? Math.round(raw.value(r, c, 2)) : red;
                out.setRGB(c, r, red << 16 | green << 8 | blue);
            }
        }
        return out;
    }

    private static BufferedImage difference(Image before, Image after) {
        ImageShape s = before.shape();
        BufferedImage out = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < s.height(); r++) {
            for (int c = 0; c < s.width(); c++) {
                double d = 0;
                for (int ch = 0; ch < s.channels(); ch++) {
                    d += (after.value(r, c, ch) - before.value(r, c, ch)) / 255.0;
                }
                d /= s.channels();
                int fade = (int) Math.round(255 * (1 - Math.min(1, Math.abs(d))));
                out.setRGB(c, r, d >= 0 ? 255 << 16 | fade << 8 | fade : fade << 16 | fade << 8 | 255);
            }
        }
        return out;
    }

    /** step,simplified_score. */
    public static String csv(AscentTrace trace) {
        StringBuilder b = new StringBuilder("step,simplified_score\n");
        for (int i = 0; i < trace.scores().length; i++) {
            b.append(i).append(',').append(trace.scores()[i]).append('\n');
        }
        return b.toString();
    }
}
