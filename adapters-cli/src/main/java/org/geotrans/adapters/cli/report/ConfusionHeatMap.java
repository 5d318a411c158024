package org.geotrans.adapters.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.diagnose.TransformationDiagnostics;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * The confusion between transformations on the normal images as a heat map: rows the applied
 * transformation, columns the one the network chose, each row's shares from white (0) to blue
 * (1). Shares are printed in the cells while they stay legible (up to 12 transformations).
 */
public final class ConfusionHeatMap {
    static final int MAX_LABELLED_CELLS = 12;

    private ConfusionHeatMap() {
    }

    public static BufferedImage draw(TransformationDiagnostics d, String title) {
        int k = d.confusion().length;
        int side = Math.max(Chart.HEIGHT, Math.min(1600, 200 + 16 * k));
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 120).height(side).title(title)
                .xAxisTitle("transformation the network chose").yAxisTitle("transformation applied").build();
        HeatMapStyler styler = chart.getStyler();
        Chart.style(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        // white to mid blue: the shares printed in black stay legible on the darkest cell
        styler.setRangeColors(new Color[] {Color.WHITE, new Color(160, 210, 240), new Color(86, 160, 215)});
        styler.setMin(0);
        styler.setMax(1);
        styler.setDrawBorder(k <= MAX_LABELLED_CELLS);
        styler.setShowValue(k <= MAX_LABELLED_CELLS);
        styler.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setHeatMapValueDecimalPattern("0.00");
        styler.setPlotGridLinesVisible(false);
        styler.setXAxisLabelRotation(k > 4 ? 90 : 0);
        if (k > 24) {
            styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        }
        List<String> labels = new ArrayList<>();
        d.transformations().forEach(t -> labels.add(t.index() + " " + t.label()));
        // XChart draws the first y category at the bottom; the applied transformations read top-down
        List<String> rows = new ArrayList<>(labels);
        java.util.Collections.reverse(rows);
        List<Number[]> cells = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < k; c++) {
                cells.add(new Number[] {c, k - 1 - j, d.confusion()[j][c]});
            }
        }
        chart.addSeries("share", labels, rows, cells);
        return Chart.render(chart);
    }
}
