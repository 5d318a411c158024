package org.geotrans.domain.port;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.geotrans.domain.image.Image;

/**
 * The check every backend's baseline trainer is held to: trained twice with the same settings and
 * seed, it gives the same scores (or codes) to the last bit. Shared by the backends' tests so that
 * they meet the same contract; detectors that hold native memory are closed after use.
 */
public final class TrainerDeterminismCheck {
    private TrainerDeterminismCheck() {
    }

    /** Asserts that two detectors trained alike on {@code train} score {@code test} alike. */
    public static void assertSameScores(ImageDetectorTrainer trainer, List<Image> train, List<Image> test,
                                        BaselineTraining training) throws Exception {
        assertArrayEquals(scores(trainer, train, test, training), scores(trainer, train, test, training));
    }

    /** Asserts that two encoders trained alike on {@code images} encode them alike. */
    public static void assertSameCodes(ImageEncoderTrainer trainer, List<Image> images, BaselineTraining training) {
        float[][] first = trainer.train(images, training, ProgressListener.SILENT).encode(images, ProgressListener.SILENT);
        float[][] second = trainer.train(images, training, ProgressListener.SILENT).encode(images, ProgressListener.SILENT);
        assertEquals(first.length, second.length);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], "codes of image " + i);
        }
    }

    private static double[] scores(ImageDetectorTrainer trainer, List<Image> train, List<Image> test,
                                   BaselineTraining training) throws Exception {
        ImageDetector detector = trainer.train(train, training, ProgressListener.SILENT);
        try {
            return detector.scores(test, ProgressListener.SILENT);
        } finally {
            if (detector instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
