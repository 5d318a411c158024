package org.geotrans.adapters.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.domain.metrics.RocCurve;

/**
 * The ROC curves of every detector on one normal class (normal = positive), each run drawn, the
 * first run boldly, with the chance diagonal.
 */
final class RocChart {
    private RocChart() {
    }

    static BufferedImage draw(String dataset, String className, List<RunResult> results) {
        Chart chart = new Chart("ROC, normal class '" + className + "' (" + dataset + ")", "false positive rate",
                "true positive rate", 0, 1, 0, 1);
        chart.g.setColor(Color.LIGHT_GRAY);
        chart.g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        chart.g.drawLine((int) chart.x(0), (int) chart.y(0), (int) chart.x(1), (int) chart.y(1));
        Map<DetectorKind, List<RunResult>> byDetector = new LinkedHashMap<>();
        for (RunResult r : results) {
            byDetector.computeIfAbsent(r.detector(), k -> new ArrayList<>()).add(r);
        }
        List<String> labels = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        int i = 0;
        for (Map.Entry<DetectorKind, List<RunResult>> e : byDetector.entrySet()) {
            Color colour = Chart.PALETTE[i++ % Chart.PALETTE.length];
            double mean = 0;
            List<RunResult> runs = e.getValue();
            for (int r = runs.size() - 1; r >= 0; r--) {
                RocCurve curve = RocCurve.of(runs.get(r).scores(), runs.get(r).normal());
                boolean first = r == 0;
                chart.g.setColor(first ? colour : new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 80));
                chart.g.setStroke(new BasicStroke(first ? 2.5f : 1f));
                chart.g.draw(path(chart, curve));
                mean += runs.get(r).auroc();
            }
            labels.add(String.format(Locale.ROOT, "%s  AUROC %.4f%s", e.getKey().label(), mean / runs.size(),
                    runs.size() > 1 ? " (mean of " + runs.size() + " runs)" : ""));
            colours.add(colour);
        }
        chart.legend(labels, colours, true);
        chart.g.dispose();
        return chart.image;
    }

    private static Path2D path(Chart chart, RocCurve curve) {
        Path2D.Double p = new Path2D.Double();
        double[] fpr = curve.falsePositiveRates();
        double[] tpr = curve.truePositiveRates();
        p.moveTo(chart.x(fpr[0]), chart.y(tpr[0]));
        for (int i = 1; i < fpr.length; i++) {
            p.lineTo(chart.x(fpr[i]), chart.y(tpr[i]));
        }
        return p;
    }
}
