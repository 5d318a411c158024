package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * Adam over some of a network's tensors (all trainable ones, or one part's, as a GAN's generator
 * and critic each need their own), one step per call, each step in its own {@link PointerScope}
 * so that its intermediate tensors are freed when it ends.
 *
 * <p>Weight decay as DL4J's {@code l2(wd)} on the same networks, which is also PyTorch's Adam
 * {@code weight_decay}: {@code wd * w} added to the gradient of each decayed tensor before the step.
 */
final class AdamStep implements AutoCloseable {
    /** Keras' Adam epsilon, which the paper's reference code trains with. */
    static final double KERAS_EPSILON = 1e-7;
    /** PyTorch's (and DL4J's) default Adam epsilon, which Ruff et al.'s Deep SVDD trains with. */
    static final double PYTORCH_EPSILON = 1e-8;
    /** Adam's default moment decays (Keras', PyTorch's and DL4J's alike). */
    static final double DEFAULT_BETA1 = 0.9;
    static final double DEFAULT_BETA2 = 0.999;

    private final List<NetworkTensors.Entry> parameters;
    private final TensorVector vector;
    private final AdamOptions options;
    private final Adam optimizer;
    private final double weightDecay;
    private final Scalar decay;

    /** Adam with step {@code learningRate} and {@code epsilon} over {@code parameters}, the default betas 0.9 and 0.999. */
    AdamStep(List<NetworkTensors.Entry> parameters, double learningRate, double epsilon, double weightDecay) {
        this(parameters, learningRate, DEFAULT_BETA1, DEFAULT_BETA2, epsilon, weightDecay);
    }

    /**
     * Adam with the moment decays {@code beta1} and {@code beta2} (a GAN's recipe sets them, e.g.
     * WGAN-GP's 0 and 0.9).
     */
    AdamStep(List<NetworkTensors.Entry> parameters, double learningRate, double beta1, double beta2, double epsilon,
             double weightDecay) {
        if (parameters.stream().anyMatch(e -> !e.kind().trainable())) {
            throw new IllegalArgumentException("Adam updates trainable tensors only");
        }
        this.parameters = List.copyOf(parameters);
        this.vector = new TensorVector(parameters.stream().map(NetworkTensors.Entry::tensor).toArray(Tensor[]::new));
        this.options = new AdamOptions(learningRate);
        options.eps().put(epsilon);
        // AdamOptions.betas() points at a std::tuple<double, double>, which libstdc++ lays out last
        // element first: index 0 is beta2, index 1 is beta1 (checked against the defaults 0.9, 0.999)
        options.betas().put(0, beta2).put(1, beta1);
        this.optimizer = new Adam(vector, options);
        this.weightDecay = weightDecay;
        this.decay = new Scalar(weightDecay);
    }

    /**
     * Zeroes the gradients, computes the loss, and unless it is NaN or infinite, back-propagates
     * it and updates the tensors. Returns the loss; a caller refuses a non-finite one.
     */
    double step(Supplier<Tensor> loss) {
        try (PointerScope scope = new PointerScope()) {
            optimizer.zero_grad();
            Tensor value = loss.get();
            double result = value.item_double();
            if (!Double.isFinite(result)) {
                return result;
            }
            value.backward();
            addWeightDecay();
            optimizer.step();
            return result;
        }
    }

    private void addWeightDecay() {
        if (weightDecay == 0) {
            return;
        }
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (NetworkTensors.Entry e : parameters) {
                if (e.kind().decayed()) {
                    e.tensor().grad().add_(e.tensor(), decay);
                }
            }
        }
    }

    @Override
    public void close() {
        optimizer.close();
        options.close();
        vector.close();
        decay.close();
    }
}
