package org.geotrans.adapters.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/**
 * The house style of the CLI's charts, drawn by XChart: white canvas, 800 x 600, a colour-blind
 * friendly palette, and rendering to an image the report writers save as PNG.
 */
final class Chart {
    static final int WIDTH = 800;
    static final int HEIGHT = 600;
    /** Colour-blind friendly (Okabe-Ito). */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};

    private Chart() {
    }

    /** An empty x-y chart in the house style. */
    static XYChart xy(String title, String xLabel, String yLabel, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        style(styler);
        styler.setSeriesColors(PALETTE);
        styler.setMarkerSize(0);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    /** Fonts, background and grid shared by every chart. */
    static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.DARK_GRAY);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        styler.setChartTitleBoxVisible(false);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBorderColor(Color.GRAY);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        styler.setAntiAlias(true);
    }

    /**
     * A tick label short enough for any scale: Dirichlet scores run into the tens of thousands,
     * densities down to 1e-5.
     */
    static String tick(Double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-2) {
            return String.format(java.util.Locale.ROOT, "%.2g", v);
        }
        return String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** The chart drawn into an image. */
    static BufferedImage render(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }
}
