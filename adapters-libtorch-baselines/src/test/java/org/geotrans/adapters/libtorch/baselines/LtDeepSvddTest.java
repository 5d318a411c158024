package org.geotrans.adapters.libtorch.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainerDeterminismCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One-Class Deep SVDD on libtorch and real Fashion-MNIST: trouser against the other nine classes. */
class LtDeepSvddTest {
    private static FashionMnistSplit split;
    private static List<Image> trousers;
    private static List<Image> test;
    private static LibtorchDeepSvdd trained;
    private static double[] scores;

    @BeforeAll
    static void trainOnTrousers() throws IOException {
        split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 300);
        trousers = FashionMnistImages.list(split.normalTrain());
        test = FashionMnistImages.list(split.test());
        // Ruff et al.'s recipe but for a larger step: few images, few epochs (as the DL4J test)
        trained = new LibtorchDeepSvddTrainer().train(trousers, new BaselineTraining(8, 64, 1e-3, 0.5e-6, 3),
                ProgressListener.SILENT);
        scores = trained.scores(test, ProgressListener.SILENT);
    }

    @Test
    void learnsWhatATrouserLooksLike() {
        double auroc = RankingMetrics.auroc(scores, split.testIsNormal());
        assertTrue(auroc > 0.85, "AUROC " + auroc + " on " + trousers.size() + " training images");
    }

    @Test
    void theSameSeedGivesTheSameScores() throws Exception {
        List<Image> few = trousers.subList(0, 40);
        TrainerDeterminismCheck.assertSameScores(new LibtorchDeepSvddTrainer(), few, few,
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
        LibtorchDeepSvdd loaded = LibtorchDeepSvdd.fromBytes(trained.toBytes());
        assertArrayEquals(scores, loaded.scores(test, ProgressListener.SILENT));
        assertArrayEquals(trained.centre(), loaded.centre());
        assertEquals(trained.describe(), loaded.describe());
        assertTrue(trained.describe().contains("libtorch"), trained.describe());
    }

    @Test
    void bytesWhoseShapeAsksForAHugeNetworkAreRefusedBeforeItIsAllocated() {
        byte[] bytes = trained.toBytes();
        // the frame (format, epochs), the centre (length, 128 floats), then the tensors' version and the shape
        int height = 4 + 4 + 4 + 4 * DeepSvddNetwork.REPRESENTATION + 4;
        java.nio.ByteBuffer.wrap(bytes).putInt(height, 4096).putInt(height + 4, 4096);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LibtorchDeepSvdd.fromBytes(bytes));
        assertTrue(e.getMessage().startsWith("this network, by its tensor 'representation"), e.getMessage());
        assertTrue(e.getMessage().endsWith("at most 200,000,000 are allowed (4 bytes each, and training keeps 3 more copies):"
                + " use smaller images"), e.getMessage());
    }

    @Test
    void theNetworkHasNoBiasesAndNoAffineBatchNorm() {
        try (DeepSvddNetwork network = new DeepSvddNetwork(new ImageShape(32, 32, 3), 1)) {
            assertTrue(network.tensors().entries().stream().allMatch(e -> e.kind() == NetworkTensors.Kind.KERNEL
                    || e.kind() == NetworkTensors.Kind.BN_MEAN || e.kind() == NetworkTensors.Kind.BN_VAR));
            // Ruff et al.'s CIFAR-10 LeNet: 5x5 kernels 3-32-64-128, a dense map of 128 x 4 x 4 to 128
            assertEquals(25L * (3 * 32 + 32 * 64 + 64 * 128) + 128L * 16 * 128, network.tensors().trainableCount());
        }
    }

    @Test
    void sidesThatAreNotMultiplesOf8AreRefusedBeforeTraining() {
        List<Image> odd = List.of(new Image(new ImageShape(28, 28, 1), new float[784]),
                new Image(new ImageShape(28, 28, 1), new float[784]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LibtorchDeepSvddTrainer()
                .train(odd, BaselineTraining.deepSvdd(1, 0), ProgressListener.SILENT));
        assertEquals("Deep SVDD's network halves the sides three times: it needs sides that are multiples of 8, got 28x28x1",
                e.getMessage());
    }

    @Test
    void imagesOfAnotherShapeAreRefused() {
        List<Image> small = List.of(new Image(new ImageShape(28, 28, 1), new float[784]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trained.scores(small, ProgressListener.SILENT));
        assertEquals("image has shape 28x28x1, the network expects 32x32x1", e.getMessage());
    }
}
