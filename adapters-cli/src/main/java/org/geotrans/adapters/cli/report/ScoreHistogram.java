package org.geotrans.adapters.cli.report;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.geotrans.application.evaluate.RunResult;

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
        double top = 0;
        for (int b = 0; b < BINS; b++) {
            normal[b] = normals == 0 ? 0 : normal[b] / (normals * width);
            anomalous[b] = anomalies == 0 ? 0 : anomalous[b] / (anomalies * width);
            top = Math.max(top, Math.max(normal[b], anomalous[b]));
        }
        Chart chart = new Chart(String.format(Locale.ROOT, "%s scores, normal class '%s' (%s), run %d", run.detector().label(),
                run.className(), dataset, run.run() + 1), "score (higher = more normal)", "density", lo, hi, 0, top * 1.08);
        Color normalColour = new Color(0, 114, 178, 140);
        Color anomalousColour = new Color(213, 94, 0, 140);
        bars(chart, anomalous, lo, width, anomalousColour);
        bars(chart, normal, lo, width, normalColour);
        chart.legend(List.of(String.format(Locale.ROOT, "normal (%d)", normals), String.format(Locale.ROOT, "anomalous (%d)", anomalies)),
                List.of(normalColour, anomalousColour), false);
        chart.g.dispose();
        return chart.image;
    }

    private static void bars(Chart chart, double[] density, double lo, double width, Color colour) {
        chart.g.setColor(colour);
        for (int b = 0; b < density.length; b++) {
            double left = chart.x(lo + b * width);
            double right = chart.x(lo + (b + 1) * width);
            double y = chart.y(density[b]);
            chart.g.fill(new Rectangle2D.Double(left, y, right - left, chart.y(0) - y));
        }
    }
}
