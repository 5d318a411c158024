package org.geotrans.adapters.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.geotrans.adapters.cli.report.ContactSheet;
import org.geotrans.adapters.cli.report.OutputFiles;
import org.geotrans.adapters.cli.report.ScoresCsv;
import org.geotrans.adapters.datasets.ImageFiles;
import org.geotrans.application.score.ScoreImagesUseCase;
import org.geotrans.application.score.ThresholdChoice;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;

/**
 * {@code score --images}: new, unlabelled image files scored with a saved detector into
 * scores.csv (file, both scores, decision), optionally most anomalous first and cut to the top
 * N with a contact sheet of those; unreadable files are listed in skipped.txt and passed over.
 */
final class ImageScoring {
    static final String SCORES_FILE = "scores.csv";
    static final String SKIPPED_FILE = "skipped.txt";
    static final String CONTACT_SHEET = "contact-sheet.png";
    /** The exit code of a run that scored what it could but skipped unreadable files. */
    static final int EXIT_SKIPPED = 3;

    private final ScoreImagesUseCase scorer;
    private final GeoTransDetector detector;
    private final ThresholdChoice threshold;

    ImageScoring(ScoreImagesUseCase scorer, GeoTransDetector detector, ThresholdChoice threshold) {
        this.scorer = scorer;
        this.detector = detector;
        this.threshold = threshold;
    }

    /**
     * @param top keep the N most anomalous (lowest scores of the threshold's type), 0 = all
     * @param sort order rows by that score, most anomalous first (else by file name)
     * @return the exit code: 0, or {@link #EXIT_SKIPPED} when a file was skipped
     */
    int run(Path images, int top, boolean sort, OutputFolder folder, ProgressReporter progress, PrintWriter out)
            throws IOException {
        progress.stage("scoring the images of " + images + " at " + detector.rawShape() + " x "
                + detector.transformations().size() + " transformations");
        List<String> names = new ArrayList<>();
        Map<ScoreType, List<Double>> collected = new EnumMap<>(ScoreType.class);
        for (ScoreType type : ScoreType.values()) {
            collected.put(type, new ArrayList<>());
        }
        LooseImages reader = new LooseImages();
        reader.forEachChunk(images, detector.rawShape(), progress, chunk -> {
            Map<ScoreType, double[]> scores = scorer.score(detector, chunk.images(), ProgressListener.SILENT);
            names.addAll(chunk.names());
            scores.forEach((type, values) -> {
                for (double v : values) {
                    collected.get(type).add(v);
                }
            });
        });
        progress.close();
        Map<ScoreType, double[]> scores = new EnumMap<>(ScoreType.class);
        collected.forEach((type, list) -> scores.put(type, list.stream().mapToDouble(Double::doubleValue).toArray()));
        List<LooseImages.Skipped> skipped = reader.skipped();
        if (!skipped.isEmpty()) {
            folder.writeText(SKIPPED_FILE, reader.skippedText());
        }
        if (names.isEmpty()) {
            throw new IOException(images + ": none of its " + skipped.size() + " files is a readable image (see "
                    + folder.dir().resolve(SKIPPED_FILE) + ")");
        }
        double[] decided = scores.get(threshold.type());
        int[] rows = IntStream.range(0, names.size()).boxed()
                .sorted(sort || top > 0 ? Comparator.comparingDouble((Integer i) -> decided[i]) : Comparator.naturalOrder())
                .limit(top > 0 ? top : names.size()).mapToInt(Integer::intValue).toArray();
        folder.writeText(SCORES_FILE, ScoresCsv.ofFiles(names, scores, threshold, rows));
        long flagged = IntStream.range(0, names.size()).filter(i -> threshold.isAnomalous(decided[i])).count();
        out.printf(Locale.ROOT, "scored %d images of %s with %s%n", names.size(), images, detector.classifier().describe());
        if (threshold.value().isPresent()) {
            out.printf(Locale.ROOT, "threshold %.6g, %s: %d of %d images flagged as anomalies%n",
                    threshold.value().getAsDouble(), threshold.origin(), flagged, names.size());
        } else {
            out.println(threshold.origin());
        }
        out.println("wrote " + folder.dir().resolve(SCORES_FILE) + (top > 0 ? " (the " + rows.length + " most anomalous)" : ""));
        if (top > 0) {
            writeContactSheet(images, names, scores, rows, folder);
            out.println("wrote " + folder.dir().resolve(CONTACT_SHEET));
        }
        if (!skipped.isEmpty()) {
            out.println("skipped " + skipped.size() + " unreadable file(s), listed in " + folder.dir().resolve(SKIPPED_FILE));
            return EXIT_SKIPPED;
        }
        return 0;
    }

    /** The top images read again (only N of them are ever held), captioned with rank, score and decision. */
    private void writeContactSheet(Path images, List<String> names, Map<ScoreType, double[]> scores, int[] rows,
                                   OutputFolder folder) throws IOException {
        List<ContactSheet.Tile> tiles = new ArrayList<>();
        double[] decided = scores.get(threshold.type());
        try (ImageFiles files = ImageFiles.open(images)) {
            for (int r = 0; r < rows.length; r++) {
                int i = rows[r];
                Image image = files.read(names.get(i), detector.rawShape());
                String decision = threshold.decision(decided[i]);
                tiles.add(new ContactSheet.Tile(image, (r + 1) + ". " + names.get(i).substring(names.get(i).lastIndexOf('/') + 1),
                        String.format(Locale.ROOT, "%.4g%s", decided[i], decision.isEmpty() ? "" : " " + decision)));
            }
        }
        try (OutputStream o = OutputFiles.open(folder.dir().resolve(CONTACT_SHEET), folder.force())) {
            if (!ImageIO.write(ContactSheet.draw(tiles), "png", o)) {
                throw new IOException("no PNG writer in this Java runtime for " + CONTACT_SHEET);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
