package org.geotrans.application.diagnose;

import jakarta.inject.Inject;
import java.util.List;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.diagnose.DirichletRefit;
import org.geotrans.domain.diagnose.TransformationDiagnostics;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
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
        return diagnose(detector, rawImages, normal, null, progress);
    }

    /**
     * The diagnostics, and with a refit plan also a {@link DirichletRefit} on the same outputs.
     *
     * @param refit how to refit the Dirichlets on some of the normal images; null for none
     * @throws IllegalArgumentException when no image is normal, the sizes disagree, or the refit
     *                                  cannot be made on these images
     */
    public TransformationDiagnostics diagnose(GeoTransDetector detector, List<Image> rawImages, boolean[] normal,
                                              RefitPlan refit, ProgressListener progress) {
        if (rawImages.size() != normal.length) {
            throw new IllegalArgumentException(normal.length + " labels for " + rawImages.size() + " images");
        }
        if (refit != null) {
            int normals = 0;
            for (boolean b : normal) {
                normals += b ? 1 : 0;
            }
            DirichletRefit.check(normals, normal.length - normals, refit.share()); // before the long inference
        }
        TransformedSoftmax outputs = GeoTransDetector.predictAll(detector.classifier(), detector.transformations(),
                detector.preprocess(rawImages, 0), GeoTransDetector.DEFAULT_SCORING_BATCH, ProgressStage.SCORE, progress);
        TransformationDiagnostics d = TransformationDiagnostics.of(detector.transformations(), detector.dirichlet(),
                outputs, normal);
        if (refit == null) {
            return d;
        }
        // the model's clipping, so that the refit differs from the model's fit in its data only
        DirichletFitOptions options = new DirichletFitOptions(detector.dirichlet().clipping(),
                DirichletFitOptions.DEFAULT_TOLERANCE, DirichletFitOptions.DEFAULT_MAX_ITERATIONS,
                DirichletFitOptions.DEFAULT_MAX_PRECISION);
        return d.withRefit(DirichletRefit.of(detector.dirichlet(), outputs, normal, refit.share(), refit.seed(), options));
    }

    /** Refit the Dirichlets on {@code share} of the normal images, drawn with {@code seed}. */
    public record RefitPlan(double share, long seed) {
    }
}
