package org.geotrans.adapters.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Test;

class DagmmTest {

    @Test
    void givenTrousers_thenTheSampleEnergyRanksUnseenTrousersAboveTheOtherClassesFarAboveChance() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 300);
        long start = System.nanoTime();
        Dagmm dagmm = Dagmm.train(split.normalTrain(), new Dagmm.Settings(4, 50, 1e-3, 1), ProgressListener.SILENT);
        System.out.println("DAGMM training " + (System.nanoTime() - start) / 1e9 + " s");

        double auroc = RankingMetrics.auroc(dagmm.scores(split.test()), split.testIsNormal());

        System.out.println("DAGMM AUROC " + auroc);
        assertTrue(auroc > 0.8, "AUROC " + auroc + ", chance is 0.5");
    }

    @Test
    void theSameSeedGivesTheSameScores() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 64, 50);
        Dagmm.Settings settings = new Dagmm.Settings(1, 32, 1e-3, 7);

        double[] first = Dagmm.train(split.normalTrain(), settings, ProgressListener.SILENT).scores(split.test());
        double[] second = Dagmm.train(split.normalTrain(), settings, ProgressListener.SILENT).scores(split.test());

        assertArrayEquals(first, second);
    }
}
