package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.training.KillAfterCheckpoint;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A training stopped after a checkpoint and continued from it, in a fresh network, ends with the
 * uninterrupted training's weights bit for bit: mid-epoch, at an epoch boundary and at the end.
 */
class ResumedTrainingTest {
    private static final ImageShape SHAPE = new ImageShape(16, 16, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);
    private static final ImageBatch PROBE = TestData.randomBatch(SHAPE, 20, 99);
    /** 24 images x 4 rotations in batches of 32: 3 steps per epoch, 6 in all. */
    private static final int EPOCHS = 2;

    private static Dl4jTransformationClassifierProvider provider;
    private static float[] uninterrupted;
    private static float[] uninterruptedSoftmax;

    @BeforeAll
    static void trainWithoutInterruption() {
        provider = new Dl4jTransformationClassifierProvider();
        Dl4jTransformationClassifier trained = (Dl4jTransformationClassifier) provider.train(data(),
                TestData.tinySettings(EPOCHS, 17), ProgressListener.SILENT);
        uninterrupted = trained.network().params().toFloatVector();
        uninterruptedSoftmax = trained.predictSoftmax(PROBE);
    }

    private static ShuffledPairBatches data() {
        return new ShuffledPairBatches(new TransformedImages(TestData.randomImages(SHAPE, 24, 5), ROTATIONS), 32, 17);
    }

    @Test
    void resumedMidEpochGivesTheUninterruptedWeights() {
        assertResumedAt(4);
    }

    @Test
    void resumedAtAnEpochBoundaryGivesTheUninterruptedWeights() {
        assertResumedAt(3);
    }

    @Test
    void resumedAfterTheLastStepTrainsNoMoreAndGivesTheSameWeights() {
        assertResumedAt(6);
    }

    private void assertResumedAt(long step) {
        KillAfterCheckpoint memory = new KillAfterCheckpoint(step, 6);
        assertThrows(KillAfterCheckpoint.Killed.class, () -> provider.train(data(), TestData.tinySettings(EPOCHS, 17),
                ProgressListener.SILENT, memory));
        assertEquals(step, memory.savedPosition().step());
        List<TrainingProgress> progress = new ArrayList<>();
        Dl4jTransformationClassifier resumed = (Dl4jTransformationClassifier) provider.train(data(),
                TestData.tinySettings(EPOCHS, 17), progress::add, memory.resumingOnly());
        assertArrayEquals(uninterrupted, resumed.network().params().toFloatVector(), "weights resumed at step " + step);
        assertArrayEquals(uninterruptedSoftmax, resumed.predictSoftmax(PROBE));
        if (step < 6) {
            assertEquals(6, progress.get(progress.size() - 1).done(), "progress counts the steps before the resume");
        }
    }
}
