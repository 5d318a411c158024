package org.geotrans.adapters.cli.report;

import java.util.List;
import java.util.Locale;
import org.geotrans.domain.decision.DecisionMetrics;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.application.evaluate.Summary;

/** results.csv (one row per run) and results.md (Table 1 style, one row per class and detector). */
final class Tables {
    private Tables() {
    }

    static String csv(List<RunResult> runs) {
        StringBuilder b = new StringBuilder(
                "class_index,class,detector,run,seed,auroc,aupr_in,aupr_out,train_seconds,score_seconds,test_images,"
                        + "threshold,false_alarm_rate,detection_rate,precision\n");
        for (RunResult r : runs) {
            b.append(r.classIndex()).append(',').append(csvText(r.className())).append(',').append(r.detector().name())
                    .append(',').append(r.run()).append(',').append(r.seed()).append(',').append(r.auroc()).append(',')
                    .append(r.auprIn()).append(',').append(r.auprOut()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f,%.3f", r.trainSeconds(), r.scoreSeconds())).append(',')
                    .append(r.scores().length);
            DecisionMetrics d = r.atThreshold();
            if (d == null) {
                b.append(",,,,");
            } else {
                b.append(',').append(d.threshold()).append(',').append(d.falseAlarmRate()).append(',')
                        .append(d.detectionRate()).append(',').append(Double.isNaN(d.precision()) ? "" : d.precision());
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** results.md's second table: the decisions at each run's calibrated threshold; empty without any. */
    static String decisions(List<RunResult> runs) {
        List<RunResult> decided = runs.stream().filter(r -> r.atThreshold() != null).toList();
        if (decided.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n## Decisions at the calibrated threshold\n\n");
        b.append("An image is flagged as an anomaly when its score is below the threshold calibrated at training on"
                + " held-out normal images; rates on the test images, anomalies as positives.\n\n");
        b.append("| class | detector | run | target false-alarm rate | false-alarm rate | detection rate | precision |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (RunResult r : decided) {
            DecisionMetrics d = r.atThreshold();
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.4f | %.4f | %s |%n",
                    r.className().replace("|", "\\|"), r.detector().label(), r.run(),
                    r.details().getOrDefault("target-false-alarm-rate", "?"), d.falseAlarmRate(), d.detectionRate(),
                    Double.isNaN(d.precision()) ? "n/a" : String.format(Locale.ROOT, "%.4f", d.precision())));
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
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
