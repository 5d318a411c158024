package org.geotrans.adapters.libtorch.baselines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.FashionMnistSplit;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ProgressListener;
import org.junit.jupiter.api.Test;

/**
 * The batched latent search against the reference's loop over starts: one generator copy per
 * start, restored before it, latent code and generator stepped in turn.
 */
class LtAdganLatentSearchTest {

    @Test
    void inTrainingModeTheGeneratorMakesOneImageOfABatchOfOneWhateverTheCode() {
        try (AdganGenerator generator = asIfTrained(3); PointerScope scope = new PointerScope();
             NoGradGuard noGrad = new NoGradGuard()) {
            Random random = new Random(5);
            Tensor z1 = WganGpTraining.noise(random, 1);
            Tensor z2 = WganGpTraining.noise(random, 1);
            // inference first: training mode on one image leaves a running variance of NaN
            double inInference = largestDifference(generator.generate(z1, false), generator.generate(z2, false));
            double inTraining = largestDifference(generator.generate(z1, true), generator.generate(z2, true));
            // rounding apart: the dense map's batch norm gives (h - h) x gamma / sqrt(eps) + beta
            assertTrue(inTraining < 1e-4, "training mode: the codes' images differ by " + inTraining);
            assertTrue(inInference > 1e-2, "inference mode: the codes' images differ by " + inInference);
        }
    }

    /**
     * A fresh generator whose batch norms' betas have moved away from 0, as training moves them:
     * with betas of 0 the training mode's images are rounding noise.
     */
    private static AdganGenerator asIfTrained(long seed) {
        AdganGenerator generator = new AdganGenerator(FashionMnistSplit.SHAPE, seed);
        Random random = new Random(seed);
        for (NetworkTensors.Entry e : generator.tensors().entries()) {
            if (e.kind() == NetworkTensors.Kind.BN_BETA) {
                float[] beta = new float[Math.toIntExact(e.size())];
                for (int i = 0; i < beta.length; i++) {
                    beta[i] = (float) random.nextGaussian();
                }
                Tensors.assign(e.tensor(), beta);
            }
        }
        return generator;
    }

    private static double largestDifference(Tensor a, Tensor b) {
        return a.sub(b).abs().max().item_double();
    }

    @Test
    void theBatchedSearchScoresAsTheReferencesLoopOverStarts() throws IOException {
        List<Image> images = LtAdganTest.images(FashionMnistSplit.of(FashionMnistSplit.TROUSER, 1, 2).test());
        AdganSettings settings = new AdganSettings(0, 1, 2, 1e-4, 3, 3, 11);
        try (AdganGenerator trained = asIfTrained(11)) {
            double[] batched = new LatentSearchScoring(trained, settings).scores(images, ProgressListener.SILENT);
            double[] looped = loopOverStarts(trained, settings, images);
            // not to the last digit: where the true gradient is 0 (the dense map before that batch
            // norm), Adam normalises the rounding noise into steps of its full size, as the
            // reference's loop does with each start's own noise
            assertArrayEquals(looped, batched, 1e-3 * Math.abs(looped[0]));
            assertEquals(2, batched.length);
        }
    }

    /** {@code scores_from_adgan_generator} as the reference writes it, on the same latent starts. */
    private static double[] loopOverStarts(AdganGenerator trained, AdganSettings settings, List<Image> images) {
        Random random = new Random(settings.seed() + 1);
        double[] scores = new double[images.size()];
        try (AdganGenerator working = new AdganGenerator(trained.shape(), 0)) {
            for (int i = 0; i < images.size(); i++) {
                try (PointerScope scope = new PointerScope()) {
                    Tensor x = ImageTensors.slice(images, i, 1, trained.shape());
                    Tensor starts = WganGpTraining.noise(random, settings.starts());
                    double sum = 0;
                    for (int s = 0; s < settings.starts(); s++) {
                        working.assign(trained);
                        Tensor z = starts.narrow(0, s, 1).clone().requires_grad_(true);
                        try (AdamStep latent = adam(List.of(new NetworkTensors.Entry("z", NetworkTensors.Kind.BIAS,
                                new long[] {1, AdganGenerator.NOISE}, z)), LatentSearchScoring.LATENT_LEARNING_RATE);
                             AdamStep tuning = adam(working.tensors().trainable(), LatentSearchScoring.GENERATOR_LEARNING_RATE)) {
                            for (int k = 0; k < settings.steps(); k++) {
                                latent.step(() -> error(x, working.generate(z, false)));
                                tuning.step(() -> error(x, working.generate(z.detach(), true)));
                                working.assignRunningStatistics(trained);
                            }
                        }
                        try (NoGradGuard noGrad = new NoGradGuard()) {
                            sum += error(x, working.generate(z, false)).item_double();
                        }
                    }
                    scores[i] = -sum / settings.starts();
                }
            }
        }
        return scores;
    }

    private static Tensor error(Tensor x, Tensor reconstruction) {
        return x.sub(reconstruction).square().mean();
    }

    private static AdamStep adam(List<NetworkTensors.Entry> parameters, double learningRate) {
        return new AdamStep(parameters, learningRate, LatentSearchScoring.BETA1, AdamStep.DEFAULT_BETA2,
                AdamStep.KERAS_EPSILON, 0);
    }
}
