package org.geotrans.adapters.cli.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.geotrans.application.evaluate.OneVsAllReport;
import org.geotrans.application.evaluate.RunResult;

/**
 * Writes an experiment's files into a results folder: results.json, results.csv, results.md,
 * roc-CLASS.png, hist-CLASS-DETECTOR.png and scores-CLASS-runR.csv (CLASS is index-name).
 */
public final class ResultsWriter {
    private final Path dir;
    private final boolean overwrite;

    /** @param overwrite replace files already there; otherwise an existing file is an error */
    public ResultsWriter(Path dir, boolean overwrite) {
        this.dir = dir;
        this.overwrite = overwrite;
    }

    /** Writes every file; returns their names in the order written. */
    public List<String> write(OneVsAllReport report, ExperimentContext context) throws IOException {
        List<String> written = new ArrayList<>();
        text("results.json", ResultsJson.of(report, context), written);
        text("results.csv", Tables.csv(report.runs()), written);
        text("results.md", Tables.markdown(report.dataset(), report.summaries()) + Tables.decisions(report.runs()), written);
        Map<Integer, List<RunResult>> byClass = new LinkedHashMap<>();
        for (RunResult r : report.runs()) {
            byClass.computeIfAbsent(r.classIndex(), k -> new ArrayList<>()).add(r);
        }
        for (List<RunResult> results : byClass.values()) {
            RunResult first = results.get(0);
            String cls = Slugs.ofClass(first.classIndex(), first.className());
            png("roc-" + cls + ".png", RocChart.draw(report.dataset(), first.className(), results), written);
            for (RunResult r : results) {
                if (r.run() == 0) {
                    png("hist-" + cls + "-" + Slugs.of(r.detector()) + ".png", ScoreHistogram.draw(report.dataset(), r), written);
                }
            }
            Map<Integer, List<RunResult>> byRun = new LinkedHashMap<>();
            for (RunResult r : results) {
                byRun.computeIfAbsent(r.run(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<Integer, List<RunResult>> run : byRun.entrySet()) {
                text("scores-" + cls + "-run" + run.getKey() + ".csv",
                        ScoresCsv.ofRun(context.testIndices(), context.test(), run.getValue()), written);
            }
        }
        return written;
    }

    private void text(String name, String content, List<String> written) throws IOException {
        try (OutputStream out = OutputFiles.open(dir.resolve(name), overwrite)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        written.add(name);
    }

    private void png(String name, BufferedImage image, List<String> written) throws IOException {
        try (OutputStream out = OutputFiles.open(dir.resolve(name), overwrite)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime for " + name);
            }
        }
        written.add(name);
    }
}
