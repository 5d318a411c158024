package org.geotrans.adapters.cli.report;

import java.util.List;
import java.util.Locale;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.application.evaluate.Summary;

/** results.csv (one row per run) and results.md (Table 1 style, one row per class and detector). */
final class Tables {
    private Tables() {
    }

    static String csv(List<RunResult> runs) {
        StringBuilder b = new StringBuilder(
                "class_index,class,detector,run,seed,auroc,aupr_in,aupr_out,train_seconds,score_seconds,test_images\n");
        for (RunResult r : runs) {
            b.append(r.classIndex()).append(',').append(csvText(r.className())).append(',').append(r.detector().name())
                    .append(',').append(r.run()).append(',').append(r.seed()).append(',').append(r.auroc()).append(',')
                    .append(r.auprIn()).append(',').append(r.auprOut()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f", r.trainSeconds(), r.scoreSeconds())).append(',')
                    .append(r.scores().length).append('\n');
        }
        return b.toString();
    }

    static String markdown(String dataset, List<Summary> summaries) {
        StringBuilder b = new StringBuilder("# One-vs-all results on ").append(dataset).append("\n\n");
        b.append("AUROC as mean \u00b1 standard error of the mean over the runs; AUPR with the normal class (in) or the anomalies (out) as positives.\n\n");
        b.append("| class | detector | AUROC mean \u00b1 SEM | AUPR-in | AUPR-out | runs |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Summary s : summaries) {
            String auroc = Double.isFinite(s.aurocSem()) ? String.format(Locale.ROOT, "%.4f \u00b1 %.4f", s.aurocMean(), s.aurocSem())
                    : String.format(Locale.ROOT, "%.4f", s.aurocMean());
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %.4f | %d |%n", s.className().replace("|", "\\|"),
                    s.detector().label(), auroc, s.auprInMean(), s.auprOutMean(), s.runs()));
        }
        return b.toString();
    }

    static String csvText(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
