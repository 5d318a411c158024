package org.geotrans.adapters.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.geotrans.domain.diagnose.TransformationDiagnosis;
import org.geotrans.domain.diagnose.TransformationDiagnostics;

/**
 * The text files of {@code geotrans diagnose}: diagnostics.json (everything, the confusion matrix
 * included), diagnostics.csv (one row per transformation) and diagnostics.md (the same as a table,
 * which the command also prints).
 */
public final class DiagnosticsFiles {
    private DiagnosticsFiles() {
    }

    /** What the diagnostics were computed on, for the files' headers. */
    public record Context(String model, String network, String dataset, String normalClass, List<String> anomalyClasses,
                          String transformations, String version) {
    }

    public static String json(TransformationDiagnostics d, Context context) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", context.model());
        root.put("network", context.network());
        root.put("dataset", context.dataset());
        root.put("normal-class", context.normalClass());
        root.put("anomaly-classes", context.anomalyClasses());
        root.put("transformations", context.transformations());
        root.put("geotrans-version", context.version());
        root.put("normal-images", d.normalImages());
        root.put("anomalous-images", d.anomalousImages());
        root.put("auroc-dirichlet", d.dirichletAuroc());
        root.put("auroc-simplified", d.simplifiedAuroc());
        root.put("auroc-dirichlet-own-part", d.dirichletOwnAuroc());
        root.put("auroc-dirichlet-tail-part", d.dirichletTailAuroc());
        d.refit().ifPresent(r -> {
            Map<String, Object> refit = new LinkedHashMap<>();
            refit.put("fitted-on-normal-images", r.fittedOn());
            refit.put("measured-on-normal-images", r.normalEvaluated());
            refit.put("measured-on-anomalous-images", r.anomalousEvaluated());
            refit.put("auroc-model-dirichlet", r.modelDirichletAuroc());
            refit.put("auroc-refit-dirichlet", r.refitDirichletAuroc());
            refit.put("auroc-simplified", r.simplifiedAuroc());
            refit.put("meaning", "the Dirichlets refitted on normal test images the network did not train on, against "
                    + "the model's (fitted on its training images), both measured on the other test images");
            root.put("refit", refit);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TransformationDiagnosis t : d.transformations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", t.index());
            row.put("transformation", t.label());
            row.put("accuracy", t.accuracy());
            row.put("auroc-dirichlet-alone", t.dirichletAuroc());
            row.put("auroc-simplified-alone", t.simplifiedAuroc());
            row.put("score-share", t.scoreShare());
            row.put("separation-share", t.separationShare());
            rows.add(row);
        }
        root.put("per-transformation", rows);
        root.put("confusion", d.confusion());
        root.put("confusion-meaning", "row j, column c: share of the normal images under transformation j that the "
                + "network took for transformation c");
        return JsonFiles.MAPPER.writeValueAsString(root) + "\n";
    }

    /** index,transformation,accuracy,auroc_dirichlet_alone,auroc_simplified_alone,score_share,separation_share. */
    public static String csv(TransformationDiagnostics d) {
        StringBuilder b = new StringBuilder(
                "index,transformation,accuracy,auroc_dirichlet_alone,auroc_simplified_alone,score_share,separation_share\n");
        for (TransformationDiagnosis t : d.transformations()) {
            b.append(t.index()).append(',').append(Tables.csvText(t.label())).append(',').append(t.accuracy()).append(',')
                    .append(t.dirichletAuroc()).append(',').append(t.simplifiedAuroc()).append(',').append(t.scoreShare())
                    .append(',').append(t.separationShare()).append('\n');
        }
        return b.toString();
    }

    public static String markdown(TransformationDiagnostics d, Context context) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "normal class '%s' of %s: %d normal and %d anomalous test images%s%n",
                context.normalClass(), context.dataset(), d.normalImages(), d.anomalousImages(),
                context.anomalyClasses().isEmpty() ? "" : " (anomalies: " + String.join(", ", context.anomalyClasses()) + ")"));
        b.append(String.format(Locale.ROOT, "AUROC of the detector: Dirichlet %s, simplified %s%n", figure(d.dirichletAuroc()),
                figure(d.simplifiedAuroc())));
        b.append(String.format(Locale.ROOT, "AUROC of the Dirichlet score's parts alone: the applied transformations' own "
                + "probabilities %s, the other probabilities (the softmax tails) %s%n%n", figure(d.dirichletOwnAuroc()),
                figure(d.dirichletTailAuroc())));
        d.refit().ifPresent(r -> b.append(String.format(Locale.ROOT, "Dirichlet refitted on %d normal test images; on "
                        + "the other %d normal and %d anomalous: AUROC refitted %s, the model's Dirichlet %s, simplified %s%n%n",
                r.fittedOn(), r.normalEvaluated(), r.anomalousEvaluated(), figure(r.refitDirichletAuroc()),
                figure(r.modelDirichletAuroc()), figure(r.simplifiedAuroc()))));
        b.append("| # | transformation | accuracy on normal | AUROC, Dirichlet term alone | AUROC, own softmax alone "
                + "| share of score | share of separation |\n");
        b.append("|---:|---|---:|---:|---:|---:|---:|\n");
        for (TransformationDiagnosis t : d.transformations()) {
            b.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %s |%n", t.index(), t.label(),
                    figure(t.accuracy()), figure(t.dirichletAuroc()), figure(t.simplifiedAuroc()), figure(t.scoreShare()),
                    figure(t.separationShare())));
        }
        return b.toString();
    }

    private static String figure(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
