package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import java.util.Iterator;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.TrainingBatches;
import org.geotrans.domain.training.TrainingProgressMeter;

/**
 * The training loop: Adam over the network's trainable tensors, one minibatch of the shuffled
 * (image, transformation) stream at a time, each step in its own {@link PointerScope} so every
 * intermediate tensor is freed when the step ends rather than when the collector finds it.
 *
 * <p>L2 as in the Keras reference ({@code l2(wd)} adds {@code wd * sum(w^2)} to the loss) on the
 * convolution and dense kernels and on batch norm's gamma and beta: {@code 2 wd w} is added to
 * their gradients before Adam's step, which is what Keras' loss term contributes. Adam's epsilon
 * is Keras' 1e-7. The optimizer and the step counter are kept, so a checkpoint can save and
 * restore them beside the weights.
 */
final class LibtorchTrainer implements AutoCloseable {
    static final double ADAM_EPSILON = 1e-7;

    private final WideResNet network;
    private final LibtorchTuning tuning;
    private final ProgressListener listener;
    private final TensorVector parameters;
    private final AdamOptions options;
    private final Adam optimizer;
    private final Scalar decay;
    private long steps;

    LibtorchTrainer(WideResNet network, LibtorchTuning tuning, ProgressListener listener) {
        this.network = network;
        this.tuning = tuning;
        this.listener = listener;
        this.parameters = new TensorVector(network.trainable().stream().map(WideResNet.Entry::tensor).toArray(Tensor[]::new));
        this.options = new AdamOptions(network.spec().settings().learningRate());
        options.eps().put(ADAM_EPSILON);
        this.optimizer = new Adam(parameters, options);
        this.decay = new Scalar(2 * network.spec().settings().weightDecay());
        torch.manual_seed(network.spec().settings().seed());
    }

    /** Adam and its moments, for checkpoints. */
    Adam optimizer() {
        return optimizer;
    }

    /** Optimizer steps taken so far. */
    long steps() {
        return steps;
    }

    /** Trains for {@code epochs} epochs starting at epoch {@code firstEpoch} (0-based); returns the last loss. */
    double train(TrainingBatches data, int firstEpoch, int epochs) {
        checkFits(data);
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, epochs, data.batchesPerEpoch() * epochs, data.pairsPerEpoch() * epochs);
        double loss = Double.NaN;
        for (int e = 0; e < epochs; e++) {
            loss = epoch(data.epoch(firstEpoch + e), e + 1, progress);
        }
        return loss;
    }

    /** Trains on at most {@code maxBatches} batches (benchmarks); returns the images seen. */
    long trainBatches(Iterator<LabeledBatch> batches, long maxBatches) {
        long images = 0;
        for (long b = 0; b < maxBatches && batches.hasNext(); b++) {
            LabeledBatch batch = batches.next();
            step(batch);
            images += batch.images().count();
        }
        return images;
    }

    private double epoch(Iterator<LabeledBatch> batches, int epoch, TrainingProgressMeter progress) {
        double loss = Double.NaN;
        long images = 0;
        while (batches.hasNext()) {
            LabeledBatch batch = batches.next();
            loss = step(batch);
            images += batch.images().count();
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged: loss is " + loss + " in epoch " + epoch
                        + " after " + images + " images; lower the learning rate or use --precision fp32");
            }
            progress.batchDone(epoch, batch.images().count(), loss, !batches.hasNext());
        }
        return loss;
    }

    /** One optimizer step; returns the batch's cross-entropy loss (without the L2 term). */
    double step(LabeledBatch batch) {
        try (PointerScope scope = new PointerScope()) {
            Tensor images = Tensors.images(batch.images(), 0, batch.images().count());
            Tensor labels = Tensors.labels(batch.transformationIndices());
            optimizer.zero_grad();
            Tensor loss = LibtorchRuntime.withPrecision(tuning.precision(),
                    () -> cross_entropy_loss(network.logits(images, true).to(ScalarType.Float), labels));
            double value = loss.item_double();
            if (!Double.isFinite(value)) {
                return value;
            }
            loss.backward();
            addWeightDecay();
            optimizer.step();
            steps++;
            return value;
        }
    }

    private void addWeightDecay() {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (WideResNet.Entry e : network.trainable()) {
                if (e.kind().decayed) {
                    e.tensor().grad().add_(e.tensor(), decay);
                }
            }
        }
    }

    private void checkFits(TrainingBatches data) {
        NetworkSpec spec = network.spec();
        if (!data.shape().equals(spec.shape())) {
            throw new IllegalArgumentException("training images have shape " + data.shape()
                    + ", the network expects " + spec.shape());
        }
        if (data.classes() != spec.classes()) {
            throw new IllegalArgumentException("training data has " + data.classes()
                    + " transformations, the network expects " + spec.classes());
        }
    }

    @Override
    public void close() {
        optimizer.close();
        options.close();
        parameters.close();
        decay.close();
    }
}
