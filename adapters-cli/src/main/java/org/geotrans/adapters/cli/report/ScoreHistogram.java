package org.geotrans.adapters.cli.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import org.geotrans.application.evaluate.RunResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Histograms of the normal and the anomalous test images' scores of one detector (first run),
 * each normalised to a density so that the 1-in-10 normal class stays visible. The range skips
 * the most extreme 0.5% at each end (Dirichlet scores have long tails); those fall in the end bins.
 */
final class ScoreHistogram {
    static final int BINS = 40;

    private ScoreHistogram() {
    }

    static BufferedImage draw(String dataset, RunResult run) {
        double[] finite = Arrays.stream(run.scores()).filter(Double::isFinite).sorted().toArray();
        double lo = finite.length == 0 ? 0 : finite[(int) Math.floor(0.005 * (finite.length - 1))];
        double hi = finite.length == 0 ? 1 : finite[(int) Math.ceil(0.995 * (finite.length - 1))];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] normal = new double[BINS];
        double[] anomalous = new double[BINS];
        int normals = 0;
        int anomalies = 0;
        for (int i = 0; i < run.scores().length; i++) {
            double s = run.scores()[i];
            if (!Double.isFinite(s)) {
                continue;
            }
            int bin = (int) Math.floor((s - lo) / (hi - lo) * BINS);
            bin = Math.max(0, Math.min(BINS - 1, bin));
            if (run.normal()[i]) {
                normal[bin]++;
                normals++;
            } else {
                anomalous[bin]++;
                anomalies++;
            }
        }
        double width = (hi - lo) / BINS;
        for (int b = 0; b < BINS; b++) {
            normal[b] = normals == 0 ? 0 : normal[b] / (normals * width);
            anomalous[b] = anomalies == 0 ? 0 : anomalous[b] / (anomalies * width);
        }
        XYChart chart = Chart.xy(String.format(Locale.ROOT, "%s scores, normal class '%s' (%s), run %d", run.detector().label(),
                run.className(), dataset, run.run() + 1), "score (higher = more normal)", "density", Chart.WIDTH, Chart.HEIGHT);
        // the axes' ends are left to XChart, which rounds them to tick spacing the eye can read
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Chart::tick);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Chart::tick);
        // the legend sits below the plot, where it hides no bar
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        bars(chart, String.format(Locale.ROOT, "normal (%d)", normals), normal, lo, width, new Color(0, 114, 178, 140));
        bars(chart, String.format(Locale.ROOT, "anomalous (%d)", anomalies), anomalous, lo, width, new Color(213, 94, 0, 140));
        return Chart.render(chart);
    }

    /** Bars as a filled step curve: each bin's density held from its left edge to its right edge. */
    private static void bars(XYChart chart, String name, double[] density, double lo, double width, Color colour) {
        double[] x = new double[2 * density.length + 2];
        double[] y = new double[x.length];
        x[0] = lo;
        for (int b = 0; b < density.length; b++) {
            x[2 * b + 1] = lo + b * width;
            y[2 * b + 1] = density[b];
            x[2 * b + 2] = lo + (b + 1) * width;
            y[2 * b + 2] = density[b];
        }
        x[x.length - 1] = lo + density.length * width;
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(colour);
        s.setLineColor(colour.darker());
        s.setMarker(SeriesMarkers.NONE);
    }
}
