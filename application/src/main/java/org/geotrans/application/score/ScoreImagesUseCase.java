package org.geotrans.application.score;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;

/**
 * Scores new raw images with a saved detector: both score types, higher = more normal, and the
 * threshold that turns them into decisions.
 */
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

    /**
     * The threshold for one score type: the user's own when given, else the detector's calibrated
     * one, else none (a detector trained without calibration or saved before detectors had one).
     *
     * @param override the user's threshold, or null
     * @throws IllegalArgumentException when the override is not a finite number
     */
    public ThresholdChoice threshold(GeoTransDetector detector, ScoreType type, Double override) {
        String name = type.name().toLowerCase(Locale.ROOT);
        if (override != null) {
            if (!Double.isFinite(override)) {
                throw new IllegalArgumentException("the threshold must be a finite number, got " + override);
            }
            return new ThresholdChoice(type, OptionalDouble.of(override), "given by the user for the " + name + " score");
        }
        Optional<DecisionThreshold> calibrated = detector.threshold();
        if (calibrated.isEmpty()) {
            return new ThresholdChoice(type, OptionalDouble.empty(), "the model has no calibrated threshold (trained"
                    + " with a calibration share of 0, or saved before models carried one, format version 2): no decisions;"
                    + " give a threshold or train the detector again");
        }
        DecisionThreshold t = calibrated.get();
        return new ThresholdChoice(type, OptionalDouble.of(t.value(type)), String.format(Locale.ROOT,
                "calibrated for the %s score at a false-alarm rate of %s on %d normal images (%s)", name,
                t.targetFalseAlarmRate(), t.calibrationImages(), t.source()));
    }

    public Map<ScoreType, double[]> score(GeoTransDetector detector, List<Image> rawImages, ProgressListener progress) {
        if (rawImages.isEmpty()) {
            throw new IllegalArgumentException("no images to score");
        }
        return detector.scores(rawImages, GeoTransDetector.DEFAULT_SCORING_BATCH, progress);
    }
}
