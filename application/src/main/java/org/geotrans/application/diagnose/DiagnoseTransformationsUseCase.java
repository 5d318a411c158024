package org.geotrans.application.diagnose;

import jakarta.inject.Inject;
import java.util.List;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.diagnose.TransformationDiagnostics;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.score.TransformedSoftmax;

/**
 * Which transformations matter to a saved detector: its classifier's outputs on labelled images
 * the network did not train on (normal and, when there are some, anomalous), turned into
 * {@link TransformationDiagnostics}.
 */
public final class DiagnoseTransformationsUseCase {

    @Inject
    public DiagnoseTransformationsUseCase() {
    }

    /**
     * @param rawImages images as read (0..255), e.g. a test set
     * @param normal which of them are of the detector's normal class
     * @throws IllegalArgumentException when no image is normal, or the sizes disagree
     */
    public TransformationDiagnostics diagnose(GeoTransDetector detector, List<Image> rawImages, boolean[] normal,
                                              ProgressListener progress) {
        if (rawImages.size() != normal.length) {
            throw new IllegalArgumentException(normal.length + " labels for " + rawImages.size() + " images");
        }
        TransformedSoftmax outputs = GeoTransDetector.predictAll(detector.classifier(), detector.transformations(),
                detector.preprocess(rawImages, 0), GeoTransDetector.DEFAULT_SCORING_BATCH, ProgressStage.SCORE, progress);
        return TransformationDiagnostics.of(detector.transformations(), detector.dirichlet(), outputs, normal);
    }
}
