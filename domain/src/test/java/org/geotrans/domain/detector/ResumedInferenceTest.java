package org.geotrans.domain.detector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.score.TransformedSoftmax;
import org.geotrans.domain.training.InMemoryCheckpoint;
import org.geotrans.domain.training.KillAfterCheckpoint;
import org.geotrans.domain.training.TrainingPosition;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inference stages after training, killed right after a checkpoint and continued from it,
 * give exactly the outputs of an uninterrupted pass: the Dirichlet fit's predictions (a step is a
 * transformation) and the scores (a step is an image, saved per chunk).
 */
class ResumedInferenceTest {
    private static final ImageShape SHAPE = new ImageShape(6, 6, 1);
    private static final TransformationSet SET = TransformationSet.simple8();
    private static final int IMAGES = 23;
    private static final int CHUNK = 5;

    @ParameterizedTest(name = "killed after transformation {0}")
    @ValueSource(ints = {1, 4, 6})
    void theFitsPredictionsContinueAfterTheSavedTransformations(int saveAt) {
        List<Image> images = preprocessed(IMAGES, 1);
        TransformedSoftmax uninterrupted = GeoTransDetector.predictAll(new Projection(), SET, images, CHUNK);

        KillAfterCheckpoint checkpoints = new KillAfterCheckpoint(saveAt, SET.size());
        assertThrows(KillAfterCheckpoint.Killed.class, () -> GeoTransDetector.predictAll(new Projection(), SET, images, CHUNK,
                ProgressStage.DIRICHLET_FIT, ProgressListener.SILENT, checkpoints));
        Projection counting = new Projection();
        TransformedSoftmax resumed = GeoTransDetector.predictAll(counting, SET, images, CHUNK, ProgressStage.DIRICHLET_FIT,
                ProgressListener.SILENT, checkpoints.resumingOnly());

        for (int j = 0; j < SET.size(); j++) {
            assertArrayEquals(uninterrupted.under(j), resumed.under(j), "transformation " + j);
        }
        assertEquals((long) (SET.size() - saveAt) * IMAGES, counting.imagesSeen, "only the unsaved transformations run again");
    }

    @ParameterizedTest(name = "killed after image {0}")
    @ValueSource(ints = {5, 10, 15})
    void scoringContinuesAfterTheSavedChunks(int saveAt) {
        List<Image> images = images(IMAGES, 2);
        GeoTransDetector detector = detector(new Projection());
        Map<ScoreType, double[]> uninterrupted = detector.scores(images, CHUNK, ProgressListener.SILENT);

        KillAfterCheckpoint checkpoints = new KillAfterCheckpoint(saveAt, IMAGES);
        assertThrows(KillAfterCheckpoint.Killed.class, () -> detector.scores(images, CHUNK, ProgressListener.SILENT, checkpoints));
        Projection counting = new Projection();
        Map<ScoreType, double[]> resumed = detector(counting).scores(images, CHUNK, ProgressListener.SILENT,
                checkpoints.resumingOnly());

        for (ScoreType type : ScoreType.values()) {
            assertArrayEquals(uninterrupted.get(type), resumed.get(type), type.name());
        }
        assertEquals((long) (IMAGES - saveAt) * SET.size(), counting.imagesSeen, "only the unsaved images run again");
    }

    @Test
    void aFitThatRanToTheEndIsSavedWholeSoThatAKillAfterItRedoesNothing() {
        List<Image> images = preprocessed(IMAGES, 4);
        KeepLast checkpoints = new KeepLast();
        TransformedSoftmax first = GeoTransDetector.predictAll(new Projection(), SET, images, CHUNK,
                ProgressStage.DIRICHLET_FIT, ProgressListener.SILENT, checkpoints);
        assertEquals(SET.size(), checkpoints.saved.position().step(), "the finished fit is saved whole");

        Projection counting = new Projection();
        TransformedSoftmax again = GeoTransDetector.predictAll(counting, SET, images, CHUNK, ProgressStage.DIRICHLET_FIT,
                ProgressListener.SILENT, checkpoints);

        assertEquals(0, counting.imagesSeen, "nothing runs again");
        for (int j = 0; j < SET.size(); j++) {
            assertArrayEquals(first.under(j), again.under(j), "transformation " + j);
        }
        assertEquals(1, checkpoints.saves, "a stage restored whole is not saved again");
    }

    @Test
    void scoringThatRanToTheEndIsSavedWhole() {
        List<Image> images = images(IMAGES, 5);
        KeepLast checkpoints = new KeepLast();
        Map<ScoreType, double[]> first = detector(new Projection()).scores(images, CHUNK, ProgressListener.SILENT,
                checkpoints);
        assertEquals(IMAGES, checkpoints.saved.position().step());

        Projection counting = new Projection();
        Map<ScoreType, double[]> again = detector(counting).scores(images, CHUNK, ProgressListener.SILENT, checkpoints);

        assertEquals(0, counting.imagesSeen);
        assertArrayEquals(first.get(ScoreType.DIRICHLET), again.get(ScoreType.DIRICHLET));
    }

    /** A checkpoint policy whose interval never comes due, keeping the last checkpoint in memory. */
    private static final class KeepLast implements TrainingCheckpoints {
        private InMemoryCheckpoint saved;
        private int saves;

        @Override
        public Optional<TrainingCheckpoint> begin(long totalSteps) {
            return Optional.ofNullable(saved);
        }

        @Override
        public boolean due(TrainingPosition position) {
            return false;
        }

        @Override
        public void save(TrainingPosition position, StateWriter state) throws IOException {
            saved = InMemoryCheckpoint.of(position, state);
            saves++;
        }

        @Override
        public void end() {
        }
    }

    private static GeoTransDetector detector(Projection classifier) {
        TransformedSoftmax normal = GeoTransDetector.predictAll(new Projection(), SET, preprocessed(40, 3), CHUNK);
        return new GeoTransDetector(SHAPE, Preprocessing.SCALE_ONLY, SET, classifier, DirichletNormalityScorer.fit(normal),
                ScoreType.DIRICHLET, DetectorProvenance.empty());
    }

    private static List<Image> preprocessed(int n, long seed) {
        return images(n, seed).stream().map(Preprocessing.SCALE_ONLY::apply).toList();
    }

    /** Raw images, values 0..255. */
    private static List<Image> images(int n, long seed) {
        Random random = new Random(seed);
        List<Image> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] v = new float[SHAPE.size()];
            for (int p = 0; p < v.length; p++) {
                v[p] = random.nextInt(256);
            }
            out.add(new Image(SHAPE, v));
        }
        return out;
    }

    /** Softmax of fixed random projections: a deterministic function of the pixels that tells rotations apart. */
    private static final class Projection implements TransformationClassifier {
        private final float[][] weights = new float[SET.size()][SHAPE.size()];
        long imagesSeen;

        Projection() {
            Random random = new Random(42);
            for (float[] w : weights) {
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) random.nextGaussian() * 0.3f;
                }
            }
        }

        @Override
        public ImageShape inputShape() {
            return SHAPE;
        }

        @Override
        public int transformationCount() {
            return SET.size();
        }

        @Override
        public float[] predictSoftmax(ImageBatch images) {
            imagesSeen += images.count();
            int k = SET.size();
            float[] out = new float[images.count() * k];
            for (int i = 0; i < images.count(); i++) {
                double[] z = new double[k];
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    for (int p = 0; p < SHAPE.size(); p++) {
                        z[j] += weights[j][p] * images.data()[i * SHAPE.size() + p];
                    }
                    z[j] = Math.exp(z[j]);
                    sum += z[j];
                }
                for (int j = 0; j < k; j++) {
                    out[i * k + j] = (float) (z[j] / sum);
                }
            }
            return out;
        }

        @Override
        public void save(OutputStream out) {
        }

        @Override
        public ClassifierBackend backend() {
            return ClassifierBackend.DL4J;
        }

        @Override
        public String describe() {
            return "projection";
        }
    }
}
