package org.geotrans.adapters.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.domain.metrics.RocCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ROC curves of every detector on one normal class (normal = positive), each run drawn, the
 * first run boldly, with the chance diagonal.
 */
final class RocChart {
    private RocChart() {
    }

    static BufferedImage draw(String dataset, String className, List<RunResult> results) {
        XYChart chart = Chart.xy("ROC, normal class '" + className + "' (" + dataset + ")", "false positive rate",
                "true positive rate", Chart.WIDTH, Chart.HEIGHT);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setPlotContentSize(0.98);
        chart.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setLineColor(Color.LIGHT_GRAY);
        chance.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        chance.setMarker(SeriesMarkers.NONE);
        chance.setShowInLegend(false);
        Map<DetectorKind, List<RunResult>> byDetector = new LinkedHashMap<>();
        for (RunResult r : results) {
            byDetector.computeIfAbsent(r.detector(), k -> new ArrayList<>()).add(r);
        }
        int i = 0;
        for (Map.Entry<DetectorKind, List<RunResult>> e : byDetector.entrySet()) {
            Color colour = Chart.PALETTE[i % Chart.PALETTE.length];
            // past the palette's seven colours (compare --detectors all draws ten curves) the colours
            // come round again dashed, so that no two curves look alike
            float[] dashes = i++ < Chart.PALETTE.length ? null : new float[] {9f, 5f};
            List<RunResult> runs = e.getValue();
            double mean = runs.stream().mapToDouble(RunResult::auroc).average().orElse(Double.NaN);
            String label = String.format(Locale.ROOT, "%s  AUROC %.4f%s", e.getKey().label(), mean,
                    runs.size() > 1 ? " (mean of " + runs.size() + " runs)" : "");
            // later runs faintly, under the first one, which carries the legend entry
            for (int r = runs.size() - 1; r >= 0; r--) {
                RocCurve curve = RocCurve.of(runs.get(r).scores(), runs.get(r).normal());
                boolean first = r == 0;
                XYSeries s = chart.addSeries(first ? label : label + " run " + (r + 1), curve.falsePositiveRates(),
                        curve.truePositiveRates());
                s.setLineColor(first ? colour : new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 80));
                s.setLineStyle(new BasicStroke(first ? 2.5f : 1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dashes, 0f));
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(first);
            }
        }
        return Chart.render(chart);
    }
}
