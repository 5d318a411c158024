package org.geotrans.application.score;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;

/** Scores new raw images with a saved detector: both score types, higher = more normal. */
public final class ScoreImagesUseCase {
    private final DetectorStore store;

    @Inject
    public ScoreImagesUseCase(DetectorStore store) {
        this.store = store;
    }

    /** Loads the detector (one-line IOException when the file is not a usable model). */
    public GeoTransDetector load(Path modelFile) throws IOException {
        return store.load(modelFile);
    }

    public Map<ScoreType, double[]> score(GeoTransDetector detector, List<Image> rawImages, ProgressListener progress) {
        if (rawImages.isEmpty()) {
            throw new IllegalArgumentException("no images to score");
        }
        return detector.scores(rawImages, GeoTransDetector.DEFAULT_SCORING_BATCH, progress);
    }
}
