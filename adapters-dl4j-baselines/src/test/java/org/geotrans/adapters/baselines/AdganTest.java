package org.geotrans.adapters.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

@Disabled("training runs (3 min here); scoring throws a NullPointerException ('this.x' is null) inside an ND4J op"
        + " during the latent search; compare --detectors adgan fails there until it is fixed")
class AdganTest {

    @Test
    void givenTrousers_thenTheReconstructionDistanceRanksUnseenTrousersAboveTheOtherClassesFarAboveChance() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 60);
        long start = System.nanoTime();
        Adgan adgan = Adgan.train(split.normalTrain(), new Adgan.Settings(1, 6, 16, 2, 2, 1), ProgressListener.SILENT);
        System.out.println("ADGAN training " + (System.nanoTime() - start) / 1e9 + " s");
        start = System.nanoTime();

        double auroc = RankingMetrics.auroc(adgan.scores(split.test(), ProgressListener.SILENT), split.testIsNormal());

        System.out.println("ADGAN scoring " + (System.nanoTime() - start) / 1e9 + " s, AUROC " + auroc);
        assertTrue(auroc > 0.7, "AUROC " + auroc + ", chance is 0.5");
    }

    @Test
    void theSameSeedGivesTheSameScores() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 64, 10);
        Adgan.Settings settings = new Adgan.Settings(1, 2, 16, 2, 2, 7);

        double[] first = Adgan.train(split.normalTrain(), settings, ProgressListener.SILENT).scores(split.test(), ProgressListener.SILENT);
        double[] second = Adgan.train(split.normalTrain(), settings, ProgressListener.SILENT).scores(split.test(), ProgressListener.SILENT);

        assertArrayEquals(first, second);
    }
}
