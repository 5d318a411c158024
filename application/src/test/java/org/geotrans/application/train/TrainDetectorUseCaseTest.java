package org.geotrans.application.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotrans.application.FakeClassifiers;
import org.geotrans.application.TestImages;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class TrainDetectorUseCaseTest {
    private final FakeClassifiers classifiers = new FakeClassifiers();
    private final TrainDetectorUseCase useCase = new TrainDetectorUseCase(classifiers);
    private final List<Image> normal = TestImages.labeled(20, 3).imagesOfClass(0);

    private TrainDetectorCommand command(double heldOut) {
        return new TrainDetectorCommand(normal, Preprocessing.SCALE_ONLY, TransformationSet.simple8(),
                new ClassifierSettings(10, 1, 2, 16, 1e-3, 0, 5), heldOut, ScoreType.DIRICHLET, DetectorProvenance.empty());
    }

    @Test
    void givenNormalImages_thenTheNetworkSeesEveryPairEachEpochAndOneDirichletIsFittedPerTransformation() {
        GeoTransDetector detector = useCase.train(command(0), ProgressListener.SILENT);
        assertEquals(2, classifiers.epochsSeen);
        assertEquals(2L * 20 * 8, classifiers.pairsSeen);
        assertEquals(8, detector.dirichlet().transformationCount());
        assertEquals("20", detector.provenance().entries().get("dirichlet-fit-images"));
    }

    @Test
    void givenAHeldOutFraction_thenTheNetworkTrainsOnTheRestAndTheFitUsesTheHeldOutPart() {
        GeoTransDetector detector = useCase.train(command(0.25), ProgressListener.SILENT);
        assertEquals(2L * 15 * 8, classifiers.pairsSeen);
        assertEquals("5", detector.provenance().entries().get("dirichlet-fit-images"));
    }

    @Test
    void givenACalibrationShare_thenItIsKeptFromTrainingAndFitAndTheThresholdFlagsTheTargetShareOfIt() {
        GeoTransDetector detector = useCase.train(new TrainDetectorCommand(normal, Preprocessing.SCALE_ONLY,
                TransformationSet.simple8(), new ClassifierSettings(10, 1, 2, 16, 1e-3, 0, 5), 0.25, ScoreType.DIRICHLET,
                DetectorProvenance.empty(), CalibrationPlan.heldOut(0.2, 0.25)), ProgressListener.SILENT);
        // 5 of 20 held out for calibration; of the other 15, a quarter (4) for the Dirichlet fit
        assertEquals(2L * 11 * 8, classifiers.pairsSeen);
        assertEquals("4", detector.provenance().entries().get("dirichlet-fit-images"));
        DecisionThreshold threshold = detector.threshold().orElseThrow();
        assertEquals(5, threshold.calibrationImages());
        assertEquals(0.2, threshold.targetFalseAlarmRate());
        boolean[] held = TrainDetectorUseCase.calibrationSample(20, 5, 5);
        List<Image> calibration = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (held[i]) {
                calibration.add(normal.get(i));
            }
        }
        for (ScoreType type : ScoreType.values()) {
            double[] scores = detector.score(calibration, type, 8, ProgressListener.SILENT);
            long flagged = java.util.Arrays.stream(scores).filter(v -> v < threshold.value(type)).count();
            assertEquals(1, flagged, type + ": floor(0.2 x 5) of the calibration images are below the threshold");
        }
    }

    @Test
    void withoutCalibrationOrWithTooFewImagesTheDetectorHasNoThreshold() {
        assertTrue(useCase.train(command(0), ProgressListener.SILENT).threshold().isEmpty());
        GeoTransDetector three = useCase.train(new TrainDetectorCommand(normal.subList(0, 3), Preprocessing.SCALE_ONLY,
                TransformationSet.simple8(), new ClassifierSettings(10, 1, 1, 16, 1e-3, 0, 5), 0, ScoreType.DIRICHLET,
                DetectorProvenance.empty(), CalibrationPlan.heldOut(0.05, 0.5)), ProgressListener.SILENT);
        assertTrue(three.threshold().isEmpty(), "holding one of three out would leave too few to train on");
    }

    @Test
    void scoresOfBothTypesComeFromOnePassAndAgreeWithSingleTypeScoring() {
        GeoTransDetector detector = useCase.train(command(0), ProgressListener.SILENT);
        List<Image> test = TestImages.labeled(5, 9).images();
        Map<ScoreType, double[]> both = detector.scores(test, 3, ProgressListener.SILENT);
        assertEquals(10, both.get(ScoreType.DIRICHLET).length);
        double[] simplified = detector.score(test, ScoreType.SIMPLIFIED, 7, ProgressListener.SILENT);
        for (int i = 0; i < 10; i++) {
            assertEquals(both.get(ScoreType.SIMPLIFIED)[i], simplified[i], 1e-12);
            assertTrue(simplified[i] >= 0 && simplified[i] <= 1);
        }
    }

    @Test
    void imagesOfAnotherShapeAreRefusedByName() {
        GeoTransDetector detector = useCase.train(command(0), ProgressListener.SILENT);
        Image other = new Image(new ImageShape(4, 4, 1), new float[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> detector.score(List.of(other), ProgressListener.SILENT));
        assertTrue(e.getMessage().contains("4x4x1") && e.getMessage().contains("8x8x1"), e.getMessage());
    }

    @Test
    void tooFewImagesOrABadHeldOutFractionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrainDetectorCommand(normal.subList(0, 1),
                Preprocessing.SCALE_ONLY, TransformationSet.simple8(), new ClassifierSettings(10, 1, 1, 16, 1e-3, 0, 5), 0,
                ScoreType.DIRICHLET, DetectorProvenance.empty()));
        assertThrows(IllegalArgumentException.class, () -> command(1.0));
        assertThrows(IllegalArgumentException.class, () -> new TrainDetectorCommand(normal.subList(0, 3),
                Preprocessing.SCALE_ONLY, TransformationSet.simple8(), new ClassifierSettings(10, 1, 1, 16, 1e-3, 0, 5), 0.1,
                ScoreType.DIRICHLET, DetectorProvenance.empty()));
        Random r = new Random(1);
        assertEquals(8, TestImages.image(0, r).shape().height());
    }
}
