package org.geotrans.adapters.libtorch.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Test;

/** ADGAN on libtorch and real Fashion-MNIST (trouser the normal class), at budgets a unit test affords. */
class LtAdganTest {

    @Test
    void givenTrousers_thenTheReconstructionAfterLatentSearchRanksUnseenTrousersAboveTheOtherClasses() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 100);
        // the reference's networks, penalty and schedule, at ten times its step for a unit test's
        // budget: 60 generator steps of 32 and a shorter latent search (2 starts x 2 steps); the
        // untrained generator ranks trousers below the rest (AUROC about 0.27), chance is 0.5
        AdganSettings settings = new AdganSettings(2, 30, 32, 1e-3, 2, 2, 1);
        try (LibtorchAdgan adgan = LibtorchAdganTrainer.train(images(split.normalTrain()), settings, ProgressListener.SILENT)) {
            double auroc = RankingMetrics.auroc(adgan.scores(images(split.test()), ProgressListener.SILENT),
                    split.testIsNormal());
            assertTrue(auroc > 0.6, "AUROC " + auroc);
        }
    }

    @Test
    void theSameSeedGivesTheSameScores() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 32, 4);
        AdganSettings settings = new AdganSettings(1, 2, 8, 1e-4, 2, 2, 7);

        double[] first = trainAndScore(split, settings);
        double[] second = trainAndScore(split, settings);

        assertArrayEquals(first, second);
        for (double s : first) {
            assertTrue(s < 0 && Double.isFinite(s), "minus a squared error: " + s);
        }
        assertFalse(java.util.Arrays.equals(first, trainAndScore(split, new AdganSettings(1, 2, 8, 1e-4, 2, 2, 8))),
                "another seed, other scores");
    }

    @Test
    void imagesThatTheNetworksCannotTakeAreRefusedWithOneLine() throws IOException {
        List<Image> raw = IntStream.range(0, 4).mapToObj(i -> new Image(FashionMnistSplit.RAW,
                new float[FashionMnistSplit.RAW.size()])).toList();
        IllegalArgumentException unpadded = assertThrows(IllegalArgumentException.class, () -> new LibtorchAdganTrainer()
                .train(raw, BaselineTraining.adgan(1, 1), ProgressListener.SILENT));
        assertEquals("ADGAN's generator needs square images with a side of 4 x 2^n (8, 16, 32, 64, ...), got 28x28x1",
                unpadded.getMessage());

        List<Image> trousers = images(FashionMnistSplit.of(FashionMnistSplit.TROUSER, 8, 1).normalTrain());
        List<Image> mixed = new ArrayList<>(trousers);
        mixed.add(raw.get(0));
        IllegalArgumentException mixedShapes = assertThrows(IllegalArgumentException.class, () -> new LibtorchAdganTrainer()
                .train(mixed, BaselineTraining.adgan(1, 1), ProgressListener.SILENT));
        assertEquals("image 8 has shape 28x28x1, the first 32x32x1", mixedShapes.getMessage());

        try (LibtorchAdgan adgan = LibtorchAdganTrainer.train(trousers, new AdganSettings(0, 1, 4, 1e-4, 1, 1, 1),
                ProgressListener.SILENT)) {
            IllegalArgumentException scored = assertThrows(IllegalArgumentException.class,
                    () -> adgan.scores(List.of(trousers.get(0), raw.get(0)), ProgressListener.SILENT));
            assertEquals("image 1 has shape 28x28x1, ADGAN was trained on 32x32x1", scored.getMessage());
        }
    }

    @Test
    void theReferencesBudgetComesFromTheRecipe() {
        AdganSettings reference = AdganSettings.of(BaselineTraining.adgan(BaselineTraining.ADGAN_PAPER_EPOCHS, 3));
        assertEquals(new AdganSettings(100, 100, 128, 1e-4, 8, 5, 3), reference);
        assertEquals(10_000, reference.generatorSteps());
    }

    private static double[] trainAndScore(FashionMnistSplit split, AdganSettings settings) {
        try (LibtorchAdgan adgan = LibtorchAdganTrainer.train(images(split.normalTrain()), settings, ProgressListener.SILENT)) {
            return adgan.scores(images(split.test()), ProgressListener.SILENT);
        }
    }

    static List<Image> images(ImageBatch batch) {
        return IntStream.range(0, batch.count()).mapToObj(batch::image).toList();
    }
}
