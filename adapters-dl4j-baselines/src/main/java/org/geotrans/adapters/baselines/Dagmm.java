package org.geotrans.adapters.baselines;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.mixture.GaussianMixtureEnergy;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.training.TrainingProgressMeter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DAGMM (Zong et al., ICLR 2018) as the paper's code builds it ({@code models/dagmm.py},
 * {@code experiments.py}): the convolutional autoencoder with a 5-dimensional linear code; the
 * compact representation z = (code, relative Euclidean reconstruction error, cosine similarity);
 * an estimation network dense 64 (tanh) - dropout 0.5 - dense 10 (tanh) - dropout 0.5 - softmax
 * over 3 mixture components; all trained end to end with Adam, batch 256, on the reconstruction's
 * mean squared error + 0.01 x mean sample energy + 0.0005 x the inverse covariance diagonals.
 *
 * <p>The mixture part of the loss is {@link GaussianMixtureEnergy}'s (SameDiff has no
 * determinant gradient); its gradient with respect to z and the memberships enters the graph as
 * the weights of a linear term, so one backward pass trains all networks together. After
 * training the mixture is fitted once on all normal training images (the reference keeps the
 * last batch's); the score is minus the sample energy (higher = more normal).
 */
final class Dagmm implements ImageDetector {
    static final int CODE = 5;
    static final int COMPONENTS = 3;
    static final double LAMBDA_ENERGY = 0.01;
    static final double LAMBDA_DIAG = 0.0005;
    private static final int FEATURES = CODE + 2;
    private static final int HIDDEN1 = 64;
    private static final int HIDDEN2 = 10;

    /** Training settings; {@link #paper} holds the paper's code's values. */
    record Settings(int epochs, int batchSize, double learningRate, long seed) {
        Settings {
            if (epochs < 0 || batchSize < 2 || !(learningRate > 0)) {
                throw new IllegalArgumentException("DAGMM needs epochs >= 0, batch size >= 2 and a positive learning rate, got "
                        + epochs + ", " + batchSize + ", " + learningRate);
            }
        }

        static Settings paper(long seed) {
            return new Settings(200, 256, 1e-3, seed);
        }
    }

    private final ImageShape shape;
    private final SameDiff inference;
    private final GaussianMixtureEnergy.Mixture mixture;
    private final ParameterStore store;
    private final int epochs;

    private Dagmm(ParameterStore store, ImageShape shape, ImageBatch normal, int epochs) {
        this.store = store;
        this.epochs = epochs;
        this.shape = shape;
        this.inference = graph(store, shape, GraphBuilder.Mode.INFERENCE).graph();
        double[][][] zGamma = representation(normal);
        this.mixture = GaussianMixtureEnergy.fit(zGamma[0], zGamma[1]);
    }

    /** Trains on the normal images (side 32 or 64). */
    static Dagmm train(ImageBatch normal, Settings settings, ProgressListener listener) {
        ImageShape shape = normal.shape();
        DcganGraphs.checkSide(shape);
        ParameterStore store = new ParameterStore(settings.seed());
        GraphBuilder g = graph(store, shape, GraphBuilder.Mode.TRAINING);
        SameDiff sd = g.graph();
        List<String> weights = new ArrayList<>(store.trainableNames(""));

        Minibatches data = new Minibatches(normal);
        Random random = new Random(settings.seed());
        Adam adam = new Adam(settings.learningRate(), 0.9, 0.999, 1e-7);
        int perEpoch = (data.count() + settings.batchSize() - 1) / settings.batchSize();
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, settings.epochs(),
                (long) perEpoch * settings.epochs(), (long) data.count() * settings.epochs());
        int iteration = 0;
        for (int e = 1; e <= settings.epochs(); e++) {
            int[] order = data.shuffled(random);
            for (int from = 0; from < order.length; from += settings.batchSize()) {
                int n = Math.min(settings.batchSize(), order.length - from);
                if (n < 2) {
                    continue;  // a mixture cannot be estimated from one image
                }
                Map<String, INDArray> feeds = new HashMap<>();
                feeds.put("x", data.gather(order, from, n));
                feeds.put("drop1", dropoutMask(random, n, HIDDEN1));
                feeds.put("drop2", dropoutMask(random, n, HIDDEN2));
                Map<String, INDArray> forward = sd.output(feeds, "z", "gamma");
                GaussianMixtureEnergy.Step mixtureStep = GaussianMixtureEnergy.step(
                        forward.get("z").toDoubleMatrix(), forward.get("gamma").toDoubleMatrix(), LAMBDA_ENERGY, LAMBDA_DIAG);
                feeds.put("dz", Nd4j.create(mixtureStep.dz()).castTo(DataType.FLOAT));
                feeds.put("dgamma", Nd4j.create(mixtureStep.dGamma()).castTo(DataType.FLOAT));
                OutAndGrad step = GraphSteps.run(sd, feeds, List.of("mse"), weights, g.moments(), store, n);
                double loss = step.getOutputs().get("mse").getDouble(0) + mixtureStep.loss();
                store.adamStep(step.getGradients(), adam, iteration++);
                progress.batchDone(e, n, loss, from + n >= order.length);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("DAGMM training diverged: loss is " + loss + " in epoch " + e);
                }
            }
        }
        return new Dagmm(store, shape, normal, settings.epochs());
    }

    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        return Dl4jBackend.withContextClassLoader(() -> scores(ImageBatch.of(shape, images)));
    }

    @Override
    public String describe() {
        return "DAGMM, convolutional autoencoder with a " + CODE + "-d linear code, estimation network 64-10-"
                + COMPONENTS + ", " + epochs + " epochs, input " + shape;
    }

    /** Scores, higher = more normal: minus the sample energy under the fitted mixture. */
    double[] scores(ImageBatch images) {
        if (!images.shape().equals(shape)) {
            throw new IllegalArgumentException("images have shape " + images.shape() + ", DAGMM was trained on " + shape);
        }
        double[][] z = representation(images)[0];
        double[] scores = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            scores[i] = -mixture.energy(z[i]);
        }
        return scores;
    }

    /** z and the memberships of every image, without dropout and with BN's moving statistics. */
    private double[][][] representation(ImageBatch images) {
        double[][] z = new double[images.count()][];
        double[][] gamma = new double[images.count()][];
        for (int from = 0; from < images.count(); from += 256) {
            int n = Math.min(256, images.count() - from);
            Map<String, INDArray> out = inference.output(Map.of("x", Minibatches.slice(images, from, n)), "z", "gamma");
            double[][] zb = out.get("z").toDoubleMatrix();
            double[][] gb = out.get("gamma").toDoubleMatrix();
            System.arraycopy(zb, 0, z, from, n);
            System.arraycopy(gb, 0, gamma, from, n);
        }
        return new double[][][] {z, gamma};
    }

    /**
     * The whole network: "z" and "gamma" out; in training also the dropout masks "drop1" and
     * "drop2" and the mixture's gradients "dz" and "dgamma" in, and the loss
     * mse + sum(z dz) + sum(gamma dgamma), whose weight gradients are the full loss's.
     */
    private static GraphBuilder graph(ParameterStore store, ImageShape shape, GraphBuilder.Mode mode) {
        SameDiff sd = SameDiff.create();
        GraphBuilder g = new GraphBuilder(sd, store, mode);
        int side = shape.width();
        int channels = shape.channels();
        SDVariable x = GraphBuilder.images(sd, "x", side, channels);
        SDVariable code = DcganGraphs.encoder(g, "enc", x, side, channels, CODE, DcganGraphs.Activation.LINEAR);
        SDVariable rec = DcganGraphs.decoder(g, "dec", code, CODE, side, channels);
        SDVariable diff = x.sub(rec);
        SDVariable xNorm = sd.math().sqrt(x.mul(x).sum(true, 1, 2, 3)).reshape(-1, 1);
        SDVariable recNorm = sd.math().sqrt(rec.mul(rec).sum(true, 1, 2, 3)).reshape(-1, 1);
        SDVariable euclid = sd.math().sqrt(diff.mul(diff).sum(true, 1, 2, 3).reshape(-1, 1).div(xNorm.mul(xNorm)));
        SDVariable cosine = x.mul(rec).sum(true, 1, 2, 3).reshape(-1, 1).div(xNorm.mul(recNorm).add(1e-12));
        SDVariable z = sd.concat("z", 1, code, euclid, cosine);
        SDVariable h = sd.math().tanh(g.dense("est/dense0", z, FEATURES, HIDDEN1));
        if (mode == GraphBuilder.Mode.TRAINING) {
            h = h.mul(sd.placeHolder("drop1", DataType.FLOAT, -1, HIDDEN1));
        }
        h = sd.math().tanh(g.dense("est/dense1", h, HIDDEN1, HIDDEN2));
        if (mode == GraphBuilder.Mode.TRAINING) {
            h = h.mul(sd.placeHolder("drop2", DataType.FLOAT, -1, HIDDEN2));
        }
        SDVariable gamma = sd.nn().softmax("gamma", g.dense("est/dense2", h, HIDDEN2, COMPONENTS), 1);
        if (mode == GraphBuilder.Mode.TRAINING) {
            diff.mul(diff).mean().rename("mse");
            SDVariable linear = z.mul(sd.placeHolder("dz", DataType.FLOAT, -1, FEATURES)).sum()
                    .add(gamma.mul(sd.placeHolder("dgamma", DataType.FLOAT, -1, COMPONENTS)).sum());
            sd.getVariable("mse").add(linear).rename("loss");
            sd.setLossVariables("loss");
            GraphSteps.prepareGradients(sd);
        }
        return g;
    }

    /** Inverted dropout with rate 0.5, as Keras: each unit kept with probability 0.5 and doubled. */
    private static INDArray dropoutMask(Random random, int rows, int columns) {
        float[] v = new float[rows * columns];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextBoolean() ? 2f : 0f;
        }
        return Nd4j.create(v, new long[] {rows, columns}, 'c');
    }

    ParameterStore weights() {
        return store;
    }
}
