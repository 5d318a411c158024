package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;

/**
 * ADGAN's score as the reference's {@code scores_from_adgan_generator} computes it, one image at
 * a time: from each of several random latent codes z, a few alternating Adam steps on z (lr
 * {@value #LATENT_LEARNING_RATE}, generator in inference mode) and on a copy of the generator
 * restored before the image (lr {@value #GENERATOR_LEARNING_RATE}, batch norm on the image's own
 * moments: the reference's learning phase 1), both with beta1 {@value #BETA1} and fresh moments;
 * the score is minus the mean, over the starts, of the final mean squared error between the
 * image and G(z). Batch norm's running statistics stay as trained during the generator's steps:
 * the reference's Keras function applies the optimizer's updates only, where libtorch would fold
 * the one image's moments into them (an unbiased variance of one value: NaN).
 *
 * <p>The starts run as one batch, with the generator tuned once per image, which computes the
 * reference's per-start loop exactly: its generator step runs a batch of one image in training
 * mode, where the first batch norm (after the dense map of z) normalises a single value to 0 and
 * outputs its beta whatever z is. The tuned generator is therefore the same for every start, and
 * the latent codes' losses and Adam moments are separate per start (a sum of per-start losses,
 * an element-wise optimizer). 8 times less work than the loop at the reference's 8 starts.
 */
final class LatentSearchScoring {
    static final double LATENT_LEARNING_RATE = 0.25;
    static final double GENERATOR_LEARNING_RATE = 5e-5;
    static final double BETA1 = 0.5;

    private final AdganGenerator trained;
    private final AdganSettings settings;

    LatentSearchScoring(AdganGenerator trained, AdganSettings settings) {
        this.trained = trained;
        this.settings = settings;
    }

    /** Scores, higher = more normal; the latent starts drawn from {@code seed + 1} in image order. */
    double[] scores(List<Image> images, ProgressListener listener) {
        BaselineRuntime.start();
        Random random = new Random(settings.seed() + 1);
        double[] scores = new double[images.size()];
        long start = System.nanoTime();
        try (AdganGenerator working = new AdganGenerator(trained.shape(), 0)) {
            for (int i = 0; i < scores.length; i++) {
                try (PointerScope scope = new PointerScope()) {
                    Tensor x = ImageTensors.slice(images, i, 1, trained.shape());
                    float[] errors = search(working, x, WganGpTraining.noise(random, settings.starts()));
                    double sum = 0;
                    for (float e : errors) {
                        sum += finite(e);
                    }
                    scores[i] = -sum / errors.length;
                }
                listener.onProgress(progress(i + 1, scores.length, start));
            }
        }
        return scores;
    }

    /** Per start, the reconstruction error of {@code x} (1, C, H, W) after the steps from the codes {@code initial} (starts, noise). */
    private float[] search(AdganGenerator working, Tensor x, Tensor initial) {
        working.assign(trained);
        Tensor z = initial.requires_grad_(true);
        List<NetworkTensors.Entry> codes = List.of(new NetworkTensors.Entry("z", NetworkTensors.Kind.BIAS,
                new long[] {settings.starts(), AdganGenerator.NOISE}, z));
        try (PointerScope scope = new PointerScope();
             AdamStep latent = adam(codes, LATENT_LEARNING_RATE);
             AdamStep tuning = adam(working.tensors().trainable(), GENERATOR_LEARNING_RATE)) {
            Tensor firstCode = z.narrow(0, 0, 1).detach().clone();
            for (int k = 0; k < settings.steps(); k++) {
                working.recordGradients(false);
                finite(latent.step(() -> errors(x, working.generate(z, false)).sum()));
                working.recordGradients(true);
                finite(tuning.step(() -> errors(x, working.generate(firstCode, true)).sum()));
                working.assignRunningStatistics(trained);
            }
            try (NoGradGuard noGrad = new NoGradGuard()) {
                return Tensors.values(errors(x, working.generate(z, false)));
            }
        } finally {
            working.recordGradients(true);
        }
    }

    /** The mean squared error of each reconstruction (N, C, H, W) against {@code x} (1, C, H, W), as (N). */
    private static Tensor errors(Tensor x, Tensor reconstructions) {
        return reconstructions.sub(x).square().flatten(1, -1).mean(1);
    }

    private static double finite(double error) {
        if (!Double.isFinite(error)) {
            throw new IllegalStateException("ADGAN's latent search diverged: the reconstruction error is " + error);
        }
        return error;
    }

    private static AdamStep adam(List<NetworkTensors.Entry> parameters, double learningRate) {
        return new AdamStep(parameters, learningRate, BETA1, AdamStep.DEFAULT_BETA2, AdamStep.KERAS_EPSILON, 0);
    }

    private static TrainingProgress progress(int done, int total, long start) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        double rate = done / seconds;
        return new TrainingProgress(ProgressStage.SCORE, 0, 0, done, total, Double.NaN, rate, (total - done) / rate);
    }
}
