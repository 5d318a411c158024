package org.geotrans.adapters.cli.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotrans.application.ood.OutOfDistributionReport;
import org.geotrans.application.ood.OutOfDistributionResult;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.domain.metrics.DetectionMetrics;

/**
 * The reports of the ood command: the terminal table, results.json, results.csv, results.md and
 * scores.csv. In-distribution images are the positives of AUROC and AUPR-in.
 */
public final class OodReports {
    static final String TRANSFORMATIONS = "transformation head (mean log p)";
    static final String MAXIMUM_SOFTMAX = "class head max softmax (baseline)";

    /**
     * What the report needs beyond the use case's figures.
     *
     * @param maxTest the limit on test images of each set that the run used
     */
    public record Context(List<String> arguments, String inDataPath, ExperimentSettings settings, int maxTest,
                          Map<String, String> versions, double totalSeconds) {
    }

    private OodReports() {
    }

    /** The table printed at the end of a run. */
    public static String console(OutOfDistributionReport report) {
        int setWidth = "out-of-distribution set".length();
        for (OutOfDistributionResult r : report.results()) {
            setWidth = Math.max(setWidth, r.name().length());
        }
        int scoreWidth = Math.max(TRANSFORMATIONS.length(), MAXIMUM_SOFTMAX.length());
        String row = "%-" + setWidth + "s  %-" + scoreWidth + "s  %6s  %7s  %8s%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "in-distribution: %s, %d training images; %d test images, class head accuracy %.4f%n",
                report.inClassNames(), report.trainImages(), report.inTestIndices().length, report.categoryAccuracy()));
        b.append(String.format(Locale.ROOT, row, "out-of-distribution set", "score", "AUROC", "AUPR-in", "AUPR-out"));
        b.append("-".repeat(setWidth + scoreWidth + 6 + 7 + 8 + 8)).append('\n');
        for (OutOfDistributionResult r : report.results()) {
            b.append(line(row, r.name(), TRANSFORMATIONS, r.transformations()));
            b.append(line(row, "", MAXIMUM_SOFTMAX, r.maximumSoftmax()));
        }
        return b.toString();
    }

    private static String line(String row, String set, String score, DetectionMetrics m) {
        return String.format(Locale.ROOT, row, set, score, format(m.auroc()), format(m.auprIn()), format(m.auprOut()));
    }

    /** One row per out-of-distribution set and score. */
    public static String csv(OutOfDistributionReport report) {
        StringBuilder b = new StringBuilder("out_set,score,auroc,aupr_in,aupr_out,in_images,out_images\n");
        for (OutOfDistributionResult r : report.results()) {
            csvRow(b, r.name(), "TRANSFORMATION_HEAD", r.transformations());
            csvRow(b, r.name(), "MAXIMUM_SOFTMAX", r.maximumSoftmax());
        }
        return b.toString();
    }

    private static void csvRow(StringBuilder b, String set, String score, DetectionMetrics m) {
        b.append(Tables.csvText(set)).append(',').append(score).append(',').append(m.auroc()).append(',').append(m.auprIn())
                .append(',').append(m.auprOut()).append(',').append(m.normalCount()).append(',').append(m.anomalousCount())
                .append('\n');
    }

    public static String markdown(OutOfDistributionReport report) {
        StringBuilder b = new StringBuilder("# Out-of-distribution detection with a two-headed network\n\n");
        b.append(String.format(Locale.ROOT, "%s; in-distribution classes %s, %d training images, %d test images "
                        + "(class head accuracy %.4f). In-distribution images are the positives of AUROC and AUPR-in.%n%n",
                report.network(), report.inClassNames(), report.trainImages(), report.inTestIndices().length,
                report.categoryAccuracy()));
        b.append("| out-of-distribution set | score | AUROC | AUPR-in | AUPR-out |\n|---|---|---|---|---|\n");
        for (OutOfDistributionResult r : report.results()) {
            for (int s = 0; s < 2; s++) {
                DetectionMetrics m = s == 0 ? r.transformations() : r.maximumSoftmax();
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", r.name().replace("|", "\\|"),
                        s == 0 ? TRANSFORMATIONS : MAXIMUM_SOFTMAX, format(m.auroc()), format(m.auprIn()), format(m.auprOut())));
            }
        }
        return b.toString();
    }

    /** Every scored image: its set, its index in that set's scored subset (the in set: test index), both scores. */
    public static String scores(OutOfDistributionReport report) {
        StringBuilder b = new StringBuilder("set,index,transformation_score,maximum_softmax\n");
        for (int i = 0; i < report.inTestIndices().length; i++) {
            b.append("in,").append(report.inTestIndices()[i]).append(',').append(report.inTransformationScores()[i])
                    .append(',').append(report.inMaximumSoftmaxScores()[i]).append('\n');
        }
        for (OutOfDistributionResult r : report.results()) {
            for (int i = 0; i < r.transformationScores().length; i++) {
                b.append(Tables.csvText(r.name())).append(',').append(i).append(',').append(r.transformationScores()[i])
                        .append(',').append(r.maximumSoftmaxScores()[i]).append('\n');
            }
        }
        return b.toString();
    }

    public static String json(OutOfDistributionReport report, Context context) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "geotrans-ood-results");
        root.put("format-version", 1);
        root.put("written", Instant.now().toString());
        root.put("command", "geotrans ood");
        root.put("arguments", context.arguments());
        root.put("versions", new LinkedHashMap<>(new java.util.TreeMap<>(context.versions())));
        root.put("network", report.network());
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("path", context.inDataPath());
        in.put("classes", report.inClassNames());
        in.put("training-images", report.trainImages());
        in.put("test-images", report.inTestIndices().length);
        in.put("class-head-accuracy", finite(report.categoryAccuracy()));
        root.put("in-distribution", in);
        Map<String, Object> settings = ResultsJson.settings(context.settings());
        settings.remove("held-out");
        settings.remove("ocsvm-max-train");
        settings.remove("runs");
        settings.put("max-test", context.maxTest());
        root.put("settings", settings);
        List<Object> results = new ArrayList<>();
        for (OutOfDistributionResult r : report.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("out-set", r.name());
            m.put("out-images", r.transformations().anomalousCount());
            m.put("transformation-head", metrics(r.transformations()));
            m.put("maximum-softmax", metrics(r.maximumSoftmax()));
            results.add(m);
        }
        root.put("results", results);
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("train-seconds", finite(report.trainSeconds()));
        timings.put("score-seconds", finite(report.scoreSeconds()));
        timings.put("total-seconds", finite(context.totalSeconds()));
        root.put("timings", timings);
        try {
            return JsonFiles.MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("results.json could not be written: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> metrics(DetectionMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("auroc", finite(m.auroc()));
        out.put("aupr-in", finite(m.auprIn()));
        out.put("aupr-out", finite(m.auprOut()));
        return out;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
