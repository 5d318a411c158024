package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
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
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.TrainingBatches;
import org.geotrans.domain.training.TrainingPosition;
import org.geotrans.domain.training.TrainingProgressMeter;

/**
 * The training loop: Adam over the network's trainable tensors, one minibatch of the shuffled
 * (image, transformation) stream at a time, each step in its own {@link PointerScope} so every
 * intermediate tensor is freed when the step ends rather than when the collector finds it.
 *
 * <p>L2 as in the Keras reference ({@code l2(wd)} adds {@code wd * sum(w^2)} to the loss) on the
 * convolution and dense kernels, the dense bias and batch norm's gamma and beta: {@code 2 wd w} is added to
 * their gradients before Adam's step, which is what Keras' loss term contributes. Adam's epsilon
 * is Keras' 1e-7. Checkpoints save and restore the weights and the optimizer's state
 * ({@link LibtorchTrainingState}).
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

    /** Trains all {@code epochs} epochs from the start, without checkpoints; returns the last loss. */
    double train(TrainingBatches data, int epochs) throws IOException {
        long total = data.batchesPerEpoch() * epochs;
        return train(data, TrainingPosition.start(total), epochs, TrainingCheckpoints.NONE);
    }

    /**
     * Trains from {@code from} to the end of epoch {@code epochs}, saving checkpoints when they
     * are due and once at the end (the port's contract; {@code begin} and {@code end} are the
     * caller's); returns the last loss.
     */
    double train(TrainingBatches data, TrainingPosition from, int epochs, TrainingCheckpoints checkpoints)
            throws IOException {
        checkFits(data);
        long perEpoch = data.batchesPerEpoch();
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, epochs, perEpoch * epochs, data.pairsPerEpoch() * epochs);
        progress.resumeAt(from.step(), Math.min(data.pairsPerEpoch() * epochs, from.step() * network.spec().settings().batchSize()));
        TrainingPosition position = from;
        double loss = Double.NaN;
        for (int e = from.epoch(); e < epochs; e++) {
            Iterator<LabeledBatch> batches = data.epoch(e, e == from.epoch() ? from.batch() : 0);
            long images = 0;
            while (batches.hasNext()) {
                LabeledBatch batch = batches.next();
                loss = step(batch);
                images += batch.images().count();
                requireFinite(loss, e + 1, images);
                progress.batchDone(e + 1, batch.images().count(), loss, !batches.hasNext());
                position = position.next(perEpoch);
                if (checkpoints.due(position)) {
                    checkpoints.save(position, this::writeState);
                }
            }
        }
        checkpoints.save(position, this::writeState);
        return loss;
    }

    /**
     * Continues from a checkpoint's state, read past its header ({@link LibtorchTrainingState#readRevision}):
     * the network's tensors and Adam's moments and steps.
     */
    void restoreState(DataInputStream state) throws IOException {
        LibtorchTrainingState.restore(state, network, optimizer);
    }

    private void writeState(OutputStream out) throws IOException {
        LibtorchTrainingState.write(network, optimizer, out);
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

    /** One optimizer step; returns the batch's cross-entropy loss (without the L2 term). */
    double step(LabeledBatch batch) {
        return step(() -> {
            Tensor images = Tensors.images(batch.images(), 0, batch.images().count());
            Tensor labels = Tensors.labels(batch.transformationIndices());
            return cross_entropy_loss(network.logits(images, true).to(ScalarType.Float), labels);
        });
    }

    /**
     * One optimizer step on the loss {@code lossOf} computes (in the tuning's precision, its
     * tensors freed with the step's); returns the loss without the L2 term.
     */
    double step(java.util.function.Supplier<Tensor> lossOf) {
        try (PointerScope scope = new PointerScope()) {
            optimizer.zero_grad();
            Tensor loss = LibtorchRuntime.withPrecision(tuning.precision(), lossOf);
            double value = loss.item_double();
            if (!Double.isFinite(value)) {
                return value;
            }
            loss.backward();
            addWeightDecay();
            optimizer.step();
            return value;
        }
    }

    /** Stops a training whose loss is no longer finite, saying where and what to try. */
    static void requireFinite(double loss, int epoch, long images) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("training diverged: loss is " + loss + " in epoch " + epoch
                    + " after " + images + " images; lower the learning rate or use --precision fp32");
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
