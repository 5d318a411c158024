package org.geotrans.adapters.cli.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotrans.application.evaluate.OneVsAllReport;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.application.evaluate.Summary;
import org.geotrans.application.preset.ExperimentSettings;

/** results.json: every figure and setting, the versions and the timings; per-image scores go to CSV files. */
final class ResultsJson {
    private ResultsJson() {
    }

    static String of(OneVsAllReport report, ExperimentContext context) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "geotrans-results");
        root.put("format-version", 1);
        root.put("written", Instant.now().toString());
        root.put("command", context.command());
        root.put("arguments", context.arguments());
        root.put("versions", new LinkedHashMap<>(new java.util.TreeMap<>(context.versions())));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", report.dataset());
        data.put("path", context.dataPath());
        data.put("format", context.format());
        data.put("raw-shape", context.rawShape());
        data.put("input-shape", context.inputShape());
        data.put("pad-to", context.padTo());
        data.put("classes", context.test().classNames());
        data.put("test-images-scored", report.testImages());
        root.put("data", data);
        root.put("preset", context.preset());
        root.put("settings", settings(report.settings()));
        root.put("timings", new LinkedHashMap<>(new java.util.TreeMap<>(context.timings())));
        List<Object> summaries = new ArrayList<>();
        for (Summary s : report.summaries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class-index", s.classIndex());
            m.put("class", s.className());
            m.put("detector", s.detector().name());
            m.put("detector-label", s.detector().label());
            m.put("runs", s.runs());
            m.put("auroc-mean", s.aurocMean());
            m.put("auroc-sem", s.aurocSem());
            m.put("aupr-in-mean", s.auprInMean());
            m.put("aupr-out-mean", s.auprOutMean());
            summaries.add(m);
        }
        root.put("summaries", summaries);
        List<Object> runs = new ArrayList<>();
        for (RunResult r : report.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class-index", r.classIndex());
            m.put("class", r.className());
            m.put("detector", r.detector().name());
            m.put("run", r.run());
            m.put("seed", r.seed());
            m.put("auroc", r.auroc());
            m.put("aupr-in", r.auprIn());
            m.put("aupr-out", r.auprOut());
            m.put("train-seconds", r.trainSeconds());
            m.put("score-seconds", r.scoreSeconds());
            m.put("test-images", r.scores().length);
            m.put("details", new LinkedHashMap<>(new java.util.TreeMap<>(r.details())));
            runs.add(m);
        }
        root.put("runs", runs);
        return Json.write(root);
    }

    static Map<String, Object> settings(ExperimentSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transforms", s.transforms().spec());
        m.put("depth", s.depth());
        m.put("widen", s.widen());
        m.put("epochs", s.epochs());
        m.put("batch-size", s.batchSize());
        m.put("learning-rate", s.learningRate());
        m.put("weight-decay", s.weightDecay());
        m.put("max-train", s.maxTrainImages());
        m.put("max-test", s.maxTestImages());
        m.put("held-out", s.heldOutFraction());
        m.put("ocsvm-max-train", s.ocsvmMaxTrain());
        m.put("runs", s.runs());
        m.put("seed", s.seed());
        return m;
    }
}
