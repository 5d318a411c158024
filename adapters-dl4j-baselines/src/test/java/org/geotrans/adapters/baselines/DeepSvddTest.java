package org.geotrans.adapters.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainerDeterminismCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One-Class Deep SVDD on real Fashion-MNIST: trouser against the other nine classes. */
class DeepSvddTest {
    private static FashionMnist test;
    private static List<Image> trousers;
    private static Dl4jDeepSvdd trained;
    private static double[] scores;

    @BeforeAll
    static void trainOnTrousers() throws IOException {
        trousers = FashionMnist.train(2000).ofClass(FashionMnist.TROUSER);
        test = FashionMnist.test(300);
        // Ruff et al.'s recipe but for a larger step: few images, few epochs
        trained = new Dl4jDeepSvddTrainer().train(trousers, new BaselineTraining(8, 64, 1e-3, 0.5e-6, 3),
                ProgressListener.SILENT);
        scores = trained.scores(test.images(), ProgressListener.SILENT);
    }

    @Test
    void learnsWhatATrouserLooksLike() {
        double auroc = RankingMetrics.auroc(scores, test.is(FashionMnist.TROUSER));
        assertTrue(auroc > 0.85, "AUROC " + auroc + " on " + trousers.size() + " training images");
    }

    @Test
    void theSameSeedGivesTheSameScores() throws Exception {
        List<Image> few = trousers.subList(0, 40);
        TrainerDeterminismCheck.assertSameScores(new Dl4jDeepSvddTrainer(), few, few,
                new BaselineTraining(1, 16, 1e-3, 0.5e-6, 9));
    }

    @Test
    void theCentreKeepsItsEntriesAwayFromZero() {
        for (float v : trained.centre()) {
            assertTrue(Math.abs(v) >= org.geotrans.domain.svdd.Hypersphere.MIN_ENTRY - 1e-7, "centre entry " + v);
        }
    }

    @Test
    void savedAndLoadedItScoresAlike() {
        Dl4jDeepSvdd loaded = Dl4jDeepSvdd.fromBytes(trained.toBytes());
        assertArrayEquals(scores, loaded.scores(test.images(), ProgressListener.SILENT));
        assertEquals(trained.describe(), loaded.describe());
    }

    @Test
    void anAutoencodersBytesAreNotTakenForADetector() {
        // both begin with format 1, shape and epochs; the formats differ in what follows them
        byte[] detector = trained.toBytes();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dl4jImageEncoder.fromBytes(detector));
        assertTrue(e.getMessage().startsWith("damaged autoencoder"), e.getMessage());
        detector[3] = 9;
        e = assertThrows(IllegalArgumentException.class, () -> Dl4jDeepSvdd.fromBytes(detector));
        assertEquals("not a Deep SVDD detector of format 1: found 9", e.getMessage());
    }

    @Test
    void imagesOfAnotherShapeAreRefused() {
        List<Image> small = List.of(new Image(new ImageShape(28, 28, 1), new float[784]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trained.scores(small, ProgressListener.SILENT));
        assertEquals("image has shape 28x28x1, the network expects 32x32x1", e.getMessage());
    }
}
