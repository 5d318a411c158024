package org.geotrans.adapters.libtorch.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.mixture.GaussianMixtureEnergy;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainerDeterminismCheck;
import org.junit.jupiter.api.Test;

/** DAGMM on libtorch: it learns Fashion-MNIST's trousers, repeats itself, refuses bad input, and trains on the full loss. */
class LtDagmmTest {

    @Test
    void givenTrousers_thenTheSampleEnergyRanksUnseenTrousersAboveTheOtherClassesFarAboveChance() throws IOException {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 200, 300);
        long start = System.nanoTime();
        try (Dagmm dagmm = Dagmm.train(TestImages.of(split.normalTrain()), new BaselineTraining(4, 50, 1e-3, 0, 1),
                ProgressListener.SILENT)) {
            System.out.println("libtorch DAGMM training " + (System.nanoTime() - start) / 1e9 + " s");

            double auroc = RankingMetrics.auroc(dagmm.scores(TestImages.of(split.test()), ProgressListener.SILENT),
                    split.testIsNormal());

            System.out.println("libtorch DAGMM AUROC " + auroc);
            assertTrue(auroc > 0.8, "AUROC " + auroc + ", chance is 0.5");
        }
    }

    @Test
    void theSameSeedGivesTheSameScores() throws Exception {
        FashionMnistSplit split = FashionMnistSplit.of(FashionMnistSplit.TROUSER, 64, 50);
        TrainerDeterminismCheck.assertSameScores(new LibtorchDagmmTrainer(), TestImages.of(split.normalTrain()),
                TestImages.of(split.test()), new BaselineTraining(1, 32, 1e-3, 0, 7));
    }

    @Test
    void badShapesAndBatchesOfOneImageAreRefusedWithOneLine() {
        LibtorchDagmmTrainer trainer = new LibtorchDagmmTrainer();
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class, () -> trainer.train(
                TestImages.random(new ImageShape(28, 28, 1), 4, 1), BaselineTraining.dagmm(1, 1), ProgressListener.SILENT));
        assertEquals("DAGMM needs square images with a side of 4 x 2^n (8, 16, 32, 64, ...), got 28x28x1",
                side.getMessage());

        ImageShape shape = new ImageShape(8, 8, 1);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> trainer.train(
                TestImages.random(shape, 4, 1), new BaselineTraining(1, 1, 1e-3, 0, 1), ProgressListener.SILENT));
        assertEquals("DAGMM fits a mixture to each batch and needs batches of at least 2 images, got batch size 1",
                one.getMessage());

        try (Dagmm dagmm = Dagmm.train(TestImages.random(shape, 5, 1), new BaselineTraining(1, 4, 1e-3, 0, 1),
                ProgressListener.SILENT)) {
            IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                    () -> dagmm.scores(TestImages.random(new ImageShape(16, 16, 1), 2, 1), ProgressListener.SILENT));
            assertEquals("image has shape 16x16x1, the network expects 8x8x1", other.getMessage());
        }
    }

    /**
     * The mixture's gradients come from the domain's GaussianMixtureEnergy and enter the graph as a
     * linear term: the training loss's value must be the full loss, and its weight gradient that
     * of the full loss (a central difference along a random direction, in double precision, with
     * the same dropout masks each time).
     */
    @Test
    void theTrainingLossIsTheFullLossAndItsGradientTheFullLosssGradient() {
        ImageShape shape = new ImageShape(8, 8, 1);
        try (DagmmNetwork network = new DagmmNetwork(shape, 3); PointerScope scope = new PointerScope()) {
            DirectionalDerivative.toDouble(network.tensors());
            Tensor images = TestImages.tensor(TestImages.random(shape, 6, 2), shape).to(ScalarType.Double);

            torch.manual_seed(11);
            double value = network.trainingLoss(images).item_double();
            torch.manual_seed(11);
            DagmmNetwork.Representation r = network.represent(images, true);
            double full = r.reconstructionError().item_double() + GaussianMixtureEnergy.step(DoubleRows.of(r.z()),
                    DoubleRows.of(r.gamma()), DagmmNetwork.LAMBDA_ENERGY, DagmmNetwork.LAMBDA_DIAG).loss();
            assertEquals(full, value, 1e-12 * Math.abs(full));

            DirectionalDerivative.Result d = DirectionalDerivative.of(network.tensors(), () -> {
                torch.manual_seed(11);
                return network.trainingLoss(images);
            }, 6, 1e-7);

            System.out.println("libtorch DAGMM directional derivative " + d);
            assertEquals(d.numeric(), d.analytic(), 1e-5 * Math.abs(d.numeric()));
            assertTrue(Math.abs(d.analytic()) > 1e-3, "a direction the loss depends on: " + d.analytic());
        }
    }
}
