package org.geotrans.adapters.baselines;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.training.TrainingProgressMeter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * ADGAN (Deecke et al., 2018) as the paper's code builds it ({@code models/adgan.py},
 * {@code experiments.py}): a Wasserstein GAN with a two-sided gradient penalty of weight 20,
 * trained on the normal images (Adam lr 1e-4, beta1 0, beta2 0.9; batch 128; 100 batches per
 * epoch; two critic steps per generator step); critic = the convolutional encoder with a 1-d
 * linear output, generator = the DCGAN-shaped decoder from 256-d N(0, 1) noise. An image's score
 * (higher = more normal) is minus the mean, over 8 random starts, of the squared error between
 * the image and the generator's output after 5 alternating Adam steps on the latent code
 * (lr 0.25) and on a fresh copy of the generator (lr 5e-5), both with beta1 0.5.
 *
 * <p>The penalty's weight gradient is a second derivative (SameDiff takes first ones only); it is
 * the derivative of the critic's input gradient along the penalty's own gradient, and is
 * computed as a central difference of two first-order weight gradients, as in {@link Dsebm}.
 */
final class Adgan implements ImageDetector {
    static final int NOISE = 256;
    static final double PENALTY = 20;
    static final int CRITIC_STEPS = 2;
    static final double LEARNING_RATE = 1e-4;

    /** Training and scoring settings; {@link #paper} holds the paper's code's values. */
    record Settings(int epochs, int batchesPerEpoch, int batchSize, int seeds, int steps, long seed) {
        Settings {
            if (epochs < 0 || batchesPerEpoch < 1 || batchSize < 2 || seeds < 1 || steps < 0) {
                throw new IllegalArgumentException("ADGAN needs epochs >= 0, batches per epoch >= 1, batch size >= 2,"
                        + " seeds >= 1 and steps >= 0, got " + epochs + ", " + batchesPerEpoch + ", " + batchSize + ", "
                        + seeds + ", " + steps);
            }
        }

        static Settings paper(long seed) {
            return withTraining(100, 128, seed);
        }

        /** The reference's batches per epoch, latent starts and steps, with these epochs and batch size. */
        static Settings withTraining(int epochs, int batchSize, long seed) {
            return new Settings(epochs, 100, batchSize, 8, 5, seed);
        }
    }

    private final ParameterStore trained;
    private final ImageShape shape;
    private final Settings settings;

    private Adgan(ParameterStore trained, ImageShape shape, Settings settings) {
        this.trained = trained;
        this.shape = shape;
        this.settings = settings;
    }

    /** Trains the GAN on the normal images (side 32 or 64). */
    static Adgan train(ImageBatch normal, Settings settings, ProgressListener listener) {
        ImageShape shape = normal.shape();
        DcganGraphs.checkSide(shape);
        int side = shape.width();
        int channels = shape.channels();
        ParameterStore store = new ParameterStore(settings.seed());

        SameDiff generate = SameDiff.create();
        DcganGraphs.decoder(new GraphBuilder(generate, store, GraphBuilder.Mode.INFERENCE), "gen",
                generate.placeHolder("noise", org.nd4j.linalg.api.buffer.DataType.FLOAT, -1, NOISE), NOISE, side, channels)
                .rename("fake");

        SameDiff wasserstein = SameDiff.create();
        GraphBuilder w = new GraphBuilder(wasserstein, store, GraphBuilder.Mode.TRAINING);
        SDVariable onReal = critic(w, GraphBuilder.images(wasserstein, "real", side, channels), shape);
        SDVariable onFake = critic(w, GraphBuilder.images(wasserstein, "fake", side, channels), shape);
        onFake.mean().sub(onReal.mean()).rename("loss");
        wasserstein.setLossVariables("loss");
        GraphSteps.prepareGradients(wasserstein);

        SameDiff criticSum = SameDiff.create();
        critic(new GraphBuilder(criticSum, store, GraphBuilder.Mode.TRAINING),
                GraphBuilder.images(criticSum, "x", side, channels), shape).sum().rename("sum");
        criticSum.setLossVariables("sum");
        GraphSteps.prepareGradients(criticSum, "x");

        SameDiff fool = SameDiff.create();
        GraphBuilder generator = new GraphBuilder(fool, store, GraphBuilder.Mode.TRAINING);
        SDVariable made = DcganGraphs.decoder(generator, "gen",
                fool.placeHolder("noise", org.nd4j.linalg.api.buffer.DataType.FLOAT, -1, NOISE), NOISE, side, channels);
        critic(new GraphBuilder(fool, store, GraphBuilder.Mode.TRAINING), made, shape).mean().neg().rename("loss");
        fool.setLossVariables("loss");
        GraphSteps.prepareGradients(fool);

        List<String> criticWeights = store.trainableNames("critic/");
        List<String> generatorWeights = store.trainableNames("gen/");
        Adam adam = new Adam(LEARNING_RATE, 0, 0.9, 1e-7);
        Minibatches data = new Minibatches(normal);
        Random random = new Random(settings.seed());
        int b = settings.batchSize();
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, settings.epochs(),
                (long) settings.batchesPerEpoch() * settings.epochs(), (long) settings.batchesPerEpoch() * b * settings.epochs());
        int criticIteration = 0;
        int generatorIteration = 0;
        for (int e = 1; e <= settings.epochs(); e++) {
            for (int batch = 0; batch < settings.batchesPerEpoch(); batch++) {
                double criticLoss = 0;
                for (int c = 0; c < CRITIC_STEPS; c++) {
                    INDArray real = data.sample(random, b);
                    int n = (int) real.size(0);
                    INDArray fake = generate.output(Map.of("noise", Minibatches.gaussian(random, 1, n, NOISE)), "fake").get("fake");
                    INDArray mix = Nd4j.create(uniform(random, n), new long[] {n, 1, 1, 1}, 'c');
                    INDArray interpolated = real.mul(mix).addi(fake.mul(mix.rsub(1)));
                    OutAndGrad distance = wasserstein.calculateGradientsAndOutputs(Map.of("real", real, "fake", fake),
                            List.of("loss"), criticWeights);
                    Map<String, INDArray> gradients = new HashMap<>(distance.getGradients());
                    double penalty = addPenaltyGradients(criticSum, criticWeights, interpolated, gradients);
                    store.adamStep(gradients, adam, criticIteration++);
                    criticLoss += distance.getOutputs().get("loss").getDouble(0) + PENALTY * penalty;
                }
                OutAndGrad step = GraphSteps.run(fool, Map.of("noise", Minibatches.gaussian(random, 1, b, NOISE)),
                        List.of(), generatorWeights, generator.moments(), store, b);
                store.adamStep(step.getGradients(), adam, generatorIteration++);
                double loss = criticLoss / CRITIC_STEPS;
                progress.batchDone(e, b, loss, batch + 1 == settings.batchesPerEpoch());
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("ADGAN training diverged: critic loss is " + loss + " in epoch " + e);
                }
            }
        }
        return new Adgan(store, shape, settings);
    }

    /**
     * Adds PENALTY x d/dw mean((|dD/dx| - 1)^2) at the interpolated images to {@code gradients}
     * and returns the penalty: g = d sum(D)/dx, then the weight gradient is the derivative of
     * g . v along x with v = the penalty's gradient with respect to g, taken as a central difference.
     */
    private static double addPenaltyGradients(SameDiff criticSum, List<String> weights, INDArray at,
            Map<String, INDArray> gradients) {
        INDArray g = criticSum.calculateGradients(Map.of("x", at), "x").get("x");
        int n = (int) g.size(0);
        INDArray flat = g.reshape(n, -1);
        INDArray norms = flat.norm2(1).reshape(n, 1);
        double penalty = Transforms.pow(norms.sub(1), 2).meanNumber().doubleValue();
        INDArray weightPerImage = norms.sub(1).muli(2 * PENALTY / n).divi(norms.add(1e-12));
        INDArray direction = flat.mulColumnVector(weightPerImage).reshape(g.shape());
        double largest = Transforms.abs(direction).maxNumber().doubleValue();
        if (largest == 0) {
            return penalty;
        }
        double step = Dsebm.PROBE / largest;
        INDArray probe = direction.mul(step);
        Map<String, INDArray> plus = criticSum.calculateGradients(Map.of("x", at.add(probe)), weights);
        Map<String, INDArray> minus = criticSum.calculateGradients(Map.of("x", at.sub(probe)), weights);
        for (String w : weights) {
            gradients.get(w).addi(plus.get(w).sub(minus.get(w)).divi(2 * step));
        }
        return penalty;
    }

    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        return Dl4jBackend.withContextClassLoader(() -> scores(ImageBatch.of(shape, images), progress));
    }

    @Override
    public String describe() {
        return "ADGAN, WGAN-GP (penalty " + (int) PENALTY + ", " + NOISE + "-d noise, DCGAN-shaped generator, critic = the"
                + " convolutional encoder), " + settings.epochs() + " epochs of " + settings.batchesPerEpoch() + " batches, "
                + settings.seeds() + " latent starts x " + settings.steps() + " steps per image, input " + shape;
    }

    /** Scores, higher = more normal (see the class comment); one image at a time. */
    double[] scores(ImageBatch images, ProgressListener listener) {
        if (!images.shape().equals(shape)) {
            throw new IllegalArgumentException("images have shape " + images.shape() + ", ADGAN was trained on " + shape);
        }
        int side = shape.width();
        int channels = shape.channels();
        ParameterStore working = trained.copy();
        SameDiff latent = reconstruction(working, GraphBuilder.Mode.INFERENCE, side, channels);
        SameDiff tuning = reconstruction(working, GraphBuilder.Mode.TRAINING, side, channels);
        List<String> generatorWeights = working.trainableNames("gen/");
        Adam latentAdam = new Adam(0.25, 0.5, 0.999, 1e-7);
        Adam generatorAdam = new Adam(5e-5, 0.5, 0.999, 1e-7);
        Random random = new Random(settings.seed() + 1);
        double[] scores = new double[images.count()];
        long start = System.nanoTime();
        for (int i = 0; i < images.count(); i++) {
            INDArray x = Minibatches.slice(images, i, 1);
            double sum = 0;
            for (int s = 0; s < settings.seeds(); s++) {
                working.assign(trained);
                working.resetOptimizer();
                ParameterStore code = new ParameterStore(0);
                INDArray z = code.filled("z", 0, 1, NOISE).assign(Minibatches.gaussian(random, 1, 1, NOISE));
                for (int k = 0; k < settings.steps(); k++) {
                    code.adamStep(new HashMap<>(Map.of("z", latent.calculateGradients(Map.of("x", x, "z", z), "z").get("z"))),
                            latentAdam, k);
                    working.adamStep(tuning.calculateGradients(Map.of("x", twice(x), "z", twice(z)), generatorWeights),
                            generatorAdam, k);
                }
                sum += latent.output(Map.of("x", x, "z", z), "loss").get("loss").getDouble(0);
            }
            scores[i] = -sum / settings.seeds();
            listener.onProgress(scoringProgress(i + 1, images.count(), start));
        }
        return scores;
    }

    /**
     * The image (or code) stacked twice. The generator's fine-tuning runs its batch normalization on
     * the batch's own moments, as the reference's learning phase 1 does, and ND4J 1.0.0-M2.1's
     * reductions throw a NullPointerException inside SameDiff over a dimension of length 1 (the
     * dense layer's batch of one image). Two identical copies have the same moments and the same
     * mean squared error, hence the same weight gradient.
     */
    private static INDArray twice(INDArray one) {
        return Nd4j.concat(0, one, one);
    }

    private static TrainingProgress scoringProgress(int done, int total, long start) {
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        double rate = done / seconds;
        return new TrainingProgress(ProgressStage.SCORE, 0, 0, done, total, Double.NaN, rate, (total - done) / rate);
    }

    /** mean((x - G(z))^2) with the latent code "z" and the image "x" as inputs. */
    private static SameDiff reconstruction(ParameterStore store, GraphBuilder.Mode mode, int side, int channels) {
        SameDiff sd = SameDiff.create();
        SDVariable x = GraphBuilder.images(sd, "x", side, channels);
        SDVariable z = sd.placeHolder("z", org.nd4j.linalg.api.buffer.DataType.FLOAT, -1, NOISE);
        SDVariable diff = x.sub(DcganGraphs.decoder(new GraphBuilder(sd, store, mode), "gen", z, NOISE, side, channels));
        diff.mul(diff).mean().rename("loss");
        sd.setLossVariables("loss");
        GraphSteps.prepareGradients(sd, "z");
        return sd;
    }

    private static SDVariable critic(GraphBuilder g, SDVariable images, ImageShape shape) {
        return DcganGraphs.encoder(g, "critic", images, shape.width(), shape.channels(), 1, DcganGraphs.Activation.LINEAR);
    }

    private static float[] uniform(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat();
        }
        return v;
    }
}
