package org.geotrans.adapters.cli.report;

import java.util.List;
import java.util.Locale;
import org.geotrans.application.evaluate.Summary;

/** The terminal's closing table: class, detector, AUROC mean +- SEM, in the spirit of the paper's Table 1. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static String of(List<Summary> summaries) {
        int classWidth = "class".length();
        int detectorWidth = "detector".length();
        for (Summary s : summaries) {
            classWidth = Math.max(classWidth, s.className().length());
            detectorWidth = Math.max(detectorWidth, s.detector().label().length());
        }
        String row = "%-" + classWidth + "s  %-" + detectorWidth + "s  %-17s  %7s  %8s  %4s%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, row, "class", "detector", "AUROC (mean +- SEM)", "AUPR-in", "AUPR-out", "runs"));
        b.append("-".repeat(classWidth + detectorWidth + 17 + 7 + 8 + 4 + 10)).append('\n');
        for (Summary s : summaries) {
            b.append(String.format(Locale.ROOT, row, s.className(), s.detector().label(),
                    meanAndError(s),
                    String.format(Locale.ROOT, "%.4f", s.auprInMean()), String.format(Locale.ROOT, "%.4f", s.auprOutMean()),
                    s.runs()));
        }
        return b.toString();
    }

    /** One run has no standard error: "n/a" rather than NaN. */
    static String meanAndError(Summary s) {
        return Double.isFinite(s.aurocSem()) ? String.format(Locale.ROOT, "%.4f +- %.4f", s.aurocMean(), s.aurocSem())
                : String.format(Locale.ROOT, "%.4f +- n/a", s.aurocMean());
    }
}
