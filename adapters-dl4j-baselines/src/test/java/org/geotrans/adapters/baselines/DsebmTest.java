package org.geotrans.adapters.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Test;

class DsebmTest {

    @Test
    void givenTrousers_thenTheEnergyRanksUnseenTrousersAboveTheOtherClassesFarAboveChance() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 300);
        // 65 steps with a faster learning rate than the paper's 1e-3, so that they move the prior b
        // (its pull towards the normal images is most of what DSEBM learns first)
        long start = System.nanoTime();
        Dsebm dsebm = Dsebm.train(split.normalTrain(), new Dsebm.Settings(5, 16, 1e-2, 1), ProgressListener.SILENT);
        System.out.println("DSEBM training " + (System.nanoTime() - start) / 1e9 + " s");

        double auroc = RankingMetrics.auroc(dsebm.scores(split.test()), split.testIsNormal());

        System.out.println("DSEBM AUROC " + auroc);
        assertTrue(auroc > 0.7, "AUROC " + auroc + ", chance is 0.5");
    }

    @Test
    void theSameSeedGivesTheSameScores() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 64, 50);
        Dsebm.Settings settings = new Dsebm.Settings(1, 32, 1e-3, 7);

        double[] first = Dsebm.train(split.normalTrain(), settings, ProgressListener.SILENT).scores(split.test());
        double[] second = Dsebm.train(split.normalTrain(), settings, ProgressListener.SILENT).scores(split.test());

        assertArrayEquals(first, second);
    }
}
