package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.randn_like;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainerDeterminismCheck;
import org.junit.jupiter.api.Test;

/** DSEBM on libtorch: it learns Fashion-MNIST's trousers, repeats itself, refuses bad shapes, and its gradient is exact. */
class LtDsebmTest {

    @Test
    void givenTrousers_thenTheEnergyRanksUnseenTrousersAboveTheOtherClassesFarAboveChance() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 300);
        // as DL4J's DsebmTest: 65 steps with a faster learning rate than the paper's 1e-3, so that
        // they move the prior b (its pull towards the normal images is most of what DSEBM learns
        // first); fewer steps of larger batches learnt far less, whatever the learning rate
        long start = System.nanoTime();
        try (Dsebm dsebm = Dsebm.train(TestImages.of(split.normalTrain()), new BaselineTraining(5, 16, 1e-2, 0, 1),
                ProgressListener.SILENT)) {
            System.out.println("libtorch DSEBM training " + (System.nanoTime() - start) / 1e9 + " s");

            double auroc = RankingMetrics.auroc(dsebm.scores(TestImages.of(split.test()), ProgressListener.SILENT),
                    split.testIsNormal());

            System.out.println("libtorch DSEBM AUROC " + auroc);
            assertTrue(auroc > 0.7, "AUROC " + auroc + ", chance is 0.5");
        }
    }

    @Test
    void theSameSeedGivesTheSameScores() throws Exception {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 64, 50);
        TrainerDeterminismCheck.assertSameScores(new LibtorchDsebmTrainer(), TestImages.of(split.normalTrain()),
                TestImages.of(split.test()), new BaselineTraining(1, 32, 1e-3, 0, 7));
    }

    @Test
    void imagesTheEncoderCannotHalveToFourAndImagesOfAnotherShapeAreRefusedWithOneLine() {
        List<Image> raw = TestImages.random(new ImageShape(28, 28, 1), 4, 1);
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class,
                () -> new LibtorchDsebmTrainer().train(raw, BaselineTraining.dsebm(1, 1), ProgressListener.SILENT));
        assertEquals("DSEBM needs square images with a side of 4 x 2^n (8, 16, 32, 64, ...), got 28x28x1",
                side.getMessage());

        ImageShape shape = new ImageShape(16, 16, 1);
        try (Dsebm dsebm = Dsebm.untrained(shape, 1)) {
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> dsebm.scores(TestImages.random(new ImageShape(32, 32, 1), 2, 1), ProgressListener.SILENT));
            assertEquals("image has shape 32x32x1, the network expects 16x16x1", other.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new LibtorchDsebmTrainer().train(
                TestImages.random(shape, 1, 1), BaselineTraining.dsebm(1, 1), ProgressListener.SILENT));
    }

    /**
     * The loss holds dE/dx, so its weight gradient is a second derivative: along a random
     * direction of every trainable tensor, autograd's must equal a central difference of the loss.
     * In double precision, with a step small enough that no ReLU flips (dE/dx jumps where one does).
     */
    @Test
    void theWeightGradientOfTheScoreMatchingLossEqualsACentralDifference() {
        ImageShape shape = new ImageShape(8, 8, 1);
        try (Dsebm dsebm = Dsebm.untrained(shape, 3); PointerScope scope = new PointerScope()) {
            DirectionalDerivative.toDouble(dsebm.tensors());
            torch.manual_seed(5);
            Tensor clean = TestImages.tensor(TestImages.random(shape, 4, 2), shape).to(ScalarType.Double);
            Tensor noisy = clean.add(randn_like(clean).mul(new Scalar(Dsebm.NOISE)));

            DirectionalDerivative.Result d = DirectionalDerivative.of(dsebm.tensors(),
                    () -> dsebm.scoreMatchingLoss(clean, noisy), 6, 1e-7);

            System.out.println("libtorch DSEBM directional derivative " + d);
            assertEquals(d.numeric(), d.analytic(), 1e-5 * Math.abs(d.numeric()));
            assertTrue(Math.abs(d.analytic()) > 1e-3, "a direction the loss depends on: " + d.analytic());
        }
    }
}
