package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.geotrans.adapters.datasets.ImageFiles;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;

/**
 * Loose image files (one file, a flat folder or a zip) read in chunks and prepared at a model's
 * image shape; a file that cannot be read is told in one line on stderr, kept in the skipped list
 * and passed over, while a failure of the source as a whole ends the command.
 */
final class LooseImages {
    /** Images decoded at a time: bounds memory whatever the number of files. */
    static final int CHUNK = 256;

    /** A file passed over and why. */
    record Skipped(String file, String reason) {
    }

    /** One chunk of readable images, by name. */
    record Chunk(List<String> names, List<Image> images) {
    }

    private final List<Skipped> skipped = new ArrayList<>();

    /**
     * Reads every file of {@code location} at {@code shape}, handing over chunks of at most
     * {@link #CHUNK} readable images in file-name order.
     *
     * @throws IOException one line when the location cannot be opened or read as a whole
     */
    void forEachChunk(Path location, ImageShape shape, ProgressReporter progress, Consumer<Chunk> consumer)
            throws IOException {
        try (ImageFiles files = ImageFiles.open(location)) {
            List<String> all = files.names();
            long started = System.nanoTime();
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> names = new ArrayList<>();
                List<Image> images = new ArrayList<>();
                for (String name : all.subList(from, Math.min(all.size(), from + CHUNK))) {
                    try {
                        images.add(files.read(name, shape));
                        names.add(name);
                    } catch (ImageFiles.FatalReadException e) {
                        throw e;
                    } catch (IOException e) {
                        progress.note("skipped: " + e.getMessage());
                        skipped.add(new Skipped(files.describe(name), oneLine(e.getMessage())));
                    }
                }
                if (!images.isEmpty()) {
                    consumer.accept(new Chunk(names, images));
                }
                long done = Math.min(all.size(), from + CHUNK);
                double rate = done / Math.max((System.nanoTime() - started) / 1e9, 1e-9);
                progress.progress().onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, done, all.size(), Double.NaN,
                        rate, (all.size() - done) / rate));
            }
        }
    }

    /** Every readable image of {@code location} at once (a calibration folder, small by nature). */
    List<Image> readAll(Path location, ImageShape shape, ProgressReporter progress) throws IOException {
        List<Image> out = new ArrayList<>();
        forEachChunk(location, shape, progress, chunk -> out.addAll(chunk.images()));
        return out;
    }

    List<Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /** skipped.txt: one "file<TAB>reason" line per skipped file. */
    String skippedText() {
        StringBuilder b = new StringBuilder();
        for (Skipped s : skipped) {
            b.append(oneLine(s.file())).append('\t').append(s.reason()).append('\n');
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        return s == null ? "unreadable" : s.replaceAll("[\\r\\n\\t]+", " ");
    }
}
