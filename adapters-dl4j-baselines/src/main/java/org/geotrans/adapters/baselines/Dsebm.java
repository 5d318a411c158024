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
import org.geotrans.domain.training.TrainingProgressMeter;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DSEBM (Zhai et al., ICML 2016) as the paper's code builds it ({@code models/dsebm.py}): the
 * energy E(x) = 0.5 |x - b|^2 - sum(f(x)), f the convolutional encoder ending in a 256-wide ReLU
 * layer, trained by score matching in its denoising form: the images plus N(0, 0.5^2) noise are
 * mapped to r = x~ - dE/dx~ and r is pulled towards the clean images with the mean squared error
 * (Adam, batch 128). The score of an image is minus its energy (higher = more normal).
 *
 * <p>The loss holds dE/dx, so its gradient with respect to the weights is a second derivative,
 * which SameDiff cannot take. It is the derivative of the directional derivative of sum(f) along
 * g = dLoss/dr, and is computed as a central difference of two first-order weight gradients at
 * x~ + s g and x~ - s g (s sized so the largest pixel moves by {@link #PROBE}), at the cost of two
 * more backward passes per step.
 */
final class Dsebm implements ImageDetector {
    /** The largest pixel change of the finite-difference probe, on the [-1, 1] pixel scale. */
    static final double PROBE = 1e-2;
    static final double NOISE = 0.5;
    static final int REPRESENTATION = 256;

    /** Training settings; {@link #paper} holds the paper's code's values. */
    record Settings(int epochs, int batchSize, double learningRate, long seed) {
        Settings {
            if (epochs < 0 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("DSEBM needs epochs >= 0, batch size >= 1 and a positive learning rate, got "
                        + epochs + ", " + batchSize + ", " + learningRate);
            }
        }

        static Settings paper(long seed) {
            return new Settings(200, 128, 1e-3, seed);
        }
    }

    private final ParameterStore store;
    private final ImageShape shape;
    private final SameDiff energy;
    private final int epochs;

    private Dsebm(ParameterStore store, ImageShape shape, int epochs) {
        this.store = store;
        this.shape = shape;
        this.epochs = epochs;
        this.energy = energyGraph(store, shape);
    }

    /** Trains on the normal images (side 32 or 64). */
    static Dsebm train(ImageBatch normal, Settings settings, ProgressListener listener) {
        ImageShape shape = normal.shape();
        DcganGraphs.checkSide(shape);
        ParameterStore store = new ParameterStore(settings.seed());
        INDArray prior = store.filled("prior", 0, shape.height(), shape.width(), shape.channels());
        SameDiff sd = SameDiff.create();
        GraphBuilder g = new GraphBuilder(sd, store, GraphBuilder.Mode.TRAINING);
        SDVariable x = GraphBuilder.images(sd, "x", shape.width(), shape.channels());
        DcganGraphs.encoder(g, "enc", x, shape.width(), shape.channels(), REPRESENTATION, DcganGraphs.Activation.RELU)
                .sum().rename("f");
        sd.setLossVariables("f");
        GraphSteps.prepareGradients(sd, "x");
        List<String> weights = store.trainableNames("enc/");

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
                INDArray clean = data.gather(order, from, n);
                INDArray noisy = clean.add(Minibatches.gaussian(random, NOISE, clean.shape()));
                OutAndGrad first = GraphSteps.run(sd, Map.of("x", noisy), List.of(), List.of("x"), g.moments(), store, n);
                INDArray reconstruction = first.getGradients().get("x").add(prior.reshape(1, shape.height(), shape.width(), shape.channels()));
                INDArray error = reconstruction.sub(clean);
                double loss = Math.pow(error.norm2Number().doubleValue(), 2) / error.length();
                INDArray dLossDr = error.mul(2.0 / error.length());
                Map<String, INDArray> gradients = weightGradients(sd, weights, noisy, dLossDr);
                gradients.put("prior", dLossDr.sum(0));
                store.adamStep(gradients, adam, iteration++);
                progress.batchDone(e, n, loss, from + n >= order.length);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("DSEBM training diverged: loss is " + loss + " in epoch " + e);
                }
            }
        }
        return new Dsebm(store, shape, settings.epochs());
    }

    /** d/dw of (d sum(f)/dx . direction) at {@code at}, by a central difference. */
    private static Map<String, INDArray> weightGradients(SameDiff sd, List<String> weights, INDArray at, INDArray direction) {
        double largest = Transforms.abs(direction).maxNumber().doubleValue();
        Map<String, INDArray> result = new HashMap<>();
        if (largest == 0) {
            for (String w : weights) {
                result.put(w, sd.getVariable(w).getArr().mul(0));
            }
            return result;
        }
        double step = PROBE / largest;
        INDArray probe = direction.mul(step);
        Map<String, INDArray> plus = sd.calculateGradients(Map.of("x", at.add(probe)), weights);
        Map<String, INDArray> minus = sd.calculateGradients(Map.of("x", at.sub(probe)), weights);
        for (String w : weights) {
            result.put(w, plus.get(w).sub(minus.get(w)).divi(2 * step));
        }
        return result;
    }

    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        return Dl4jBackend.withContextClassLoader(() -> scores(ImageBatch.of(shape, images)));
    }

    @Override
    public String describe() {
        return "DSEBM, convolutional encoder with a " + REPRESENTATION + "-wide ReLU output, " + epochs
                + " epochs, denoising score matching (noise sd " + NOISE + "), input " + shape;
    }

    /** Scores, higher = more normal: minus the energy, in batches of 128. */
    double[] scores(ImageBatch images) {
        if (!images.shape().equals(shape)) {
            throw new IllegalArgumentException("images have shape " + images.shape() + ", DSEBM was trained on " + shape);
        }
        double[] scores = new double[images.count()];
        for (int from = 0; from < images.count(); from += 128) {
            int n = Math.min(128, images.count() - from);
            INDArray e = energy.output(Map.of("x", Minibatches.slice(images, from, n)), "energy").get("energy");
            for (int i = 0; i < n; i++) {
                scores[from + i] = -e.getDouble(i);
            }
        }
        return scores;
    }

    private static SameDiff energyGraph(ParameterStore store, ImageShape shape) {
        SameDiff sd = SameDiff.create();
        GraphBuilder g = new GraphBuilder(sd, store, GraphBuilder.Mode.INFERENCE);
        SDVariable x = GraphBuilder.images(sd, "x", shape.width(), shape.channels());
        SDVariable f = DcganGraphs.encoder(g, "enc", x, shape.width(), shape.channels(), REPRESENTATION,
                DcganGraphs.Activation.RELU);
        SDVariable prior = sd.constant("prior", store.get("prior"));
        SDVariable centred = x.sub(prior);
        SDVariable quadratic = centred.mul(centred).sum(1, 2, 3).mul(0.5);
        quadratic.sub(f.sum(1)).rename("energy");
        return sd;
    }

    ParameterStore weights() {
        return store;
    }
}
