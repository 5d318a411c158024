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
        Map<String, Object> settings = settings(report.settings());
        // apart from settings(), which run manifests share: those written before the baselines stay resumable
        settings.put("baseline-epochs", report.settings().baselineEpochs());
        root.put("settings", settings);
        Map<String, Object> timings = new LinkedHashMap<>();
        new java.util.TreeMap<>(context.timings()).forEach((k, v) -> timings.put(k, finite(v)));
        root.put("timings", timings);
        List<Object> summaries = new ArrayList<>();
        for (Summary s : report.summaries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class-index", s.classIndex());
            m.put("class", s.className());
            m.put("detector", s.detector().name());
            m.put("detector-label", s.detector().label());
            m.put("runs", s.runs());
            m.put("auroc-mean", finite(s.aurocMean()));
            m.put("auroc-sem", finite(s.aurocSem()));
            m.put("aupr-in-mean", finite(s.auprInMean()));
            m.put("aupr-out-mean", finite(s.auprOutMean()));
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
            m.put("auroc", finite(r.auroc()));
            m.put("aupr-in", finite(r.auprIn()));
            m.put("aupr-out", finite(r.auprOut()));
            m.put("train-seconds", finite(r.trainSeconds()));
            m.put("score-seconds", finite(r.scoreSeconds()));
            m.put("test-images", r.scores().length);
            m.put("details", new LinkedHashMap<>(new java.util.TreeMap<>(r.details())));
            if (r.atThreshold() != null) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("threshold", finite(r.atThreshold().threshold()));
                d.put("false-alarm-rate", finite(r.atThreshold().falseAlarmRate()));
                d.put("detection-rate", finite(r.atThreshold().detectionRate()));
                d.put("precision", finite(r.atThreshold().precision()));
                d.put("normal-images", r.atThreshold().normals());
                d.put("anomalies", r.atThreshold().anomalies());
                d.put("false-alarms", r.atThreshold().falseAlarms());
                d.put("detections", r.atThreshold().detections());
                m.put("at-threshold", d);
            }
            runs.add(m);
        }
        root.put("runs", runs);
        try {
            return JsonFiles.MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("results.json could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON has no word for NaN or infinities: they are written as null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Map<String, Object> settings(ExperimentSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transforms", s.transforms().spec());
        m.put("depth", s.depth());
        m.put("widen", s.widen());
        m.put("epochs", s.epochs());
        m.put("batch-size", s.batchSize());
        m.put("learning-rate", finite(s.learningRate()));
        m.put("weight-decay", finite(s.weightDecay()));
        m.put("max-train", s.maxTrainImages());
        m.put("max-test", s.maxTestImages());
        m.put("held-out", finite(s.heldOutFraction()));
        m.put(RunManifest.CALIBRATION_SHARE, finite(s.calibrationShare()));
        m.put(RunManifest.TARGET_FALSE_ALARM_RATE, finite(s.targetFalseAlarmRate()));
        m.put("ocsvm-max-train", s.ocsvmMaxTrain());
        m.put("runs", s.runs());
        m.put("seed", s.seed());
        return m;
    }
}
