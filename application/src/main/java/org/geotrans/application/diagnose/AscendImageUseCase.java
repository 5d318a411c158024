package org.geotrans.application.diagnose;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.diagnose.AscentOptions;
import org.geotrans.domain.diagnose.AscentTrace;
import org.geotrans.domain.diagnose.NormalityAscent;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;

/** Gradient ascent of an image towards the detector's normal class (the paper's Figure 1). */
public final class AscendImageUseCase {

    @Inject
    public AscendImageUseCase() {
    }

    /**
     * The ascent, and both scores of the image before and after it.
     *
     * @throws IllegalArgumentException when the detector's backend offers no input gradients or
     *                                  the image's shape is not the detector's
     */
    public Result ascend(GeoTransDetector detector, Image raw, AscentOptions options, ProgressListener progress) {
        AscentTrace trace = new NormalityAscent(detector).run(raw, options, progress);
        Map<ScoreType, double[]> scores = detector.scores(List.of(trace.before(), trace.after()), 2, ProgressListener.SILENT);
        return new Result(trace, scores);
    }

    /**
     * @param scores both score types of the image before (index 0) and after (index 1) the ascent
     */
    public record Result(AscentTrace trace, Map<ScoreType, double[]> scores) {
    }
}
