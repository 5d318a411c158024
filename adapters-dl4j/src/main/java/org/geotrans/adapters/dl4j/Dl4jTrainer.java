package org.geotrans.adapters.dl4j;

import java.io.IOException;
import java.util.Iterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.training.LabeledBatch;
import org.geotrans.domain.training.TrainingBatches;
import org.geotrans.domain.training.TrainingProgressMeter;
import org.geotrans.domain.training.TrainingPosition;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loop: each epoch streams the shuffled (image, transformation) batches through a
 * {@link Prefetcher}, fits one minibatch at a time and reports progress.
 */
final class Dl4jTrainer {

    private final ComputationGraph network;
    private final NetworkSpec spec;
    private final ProgressListener listener;
    private final CollectionPacer collections = CollectionPacer.fromSystemProperty();
    private boolean workspacesSized;

    Dl4jTrainer(ComputationGraph network, NetworkSpec spec, ProgressListener listener) {
        this.network = network;
        this.spec = spec;
        this.listener = listener;
    }

    /**
     * Trains from {@code from} to the end of epoch {@code epochs}, saving checkpoints when they
     * are due and once at the end (the port's contract); {@code begin} and {@code end} are the
     * caller's.
     */
    TrainingStats train(TrainingBatches data, TrainingPosition from, int epochs, TrainingCheckpoints checkpoints)
            throws IOException {
        checkFits(data);
        TrainingStats total = TrainingStats.NONE;
        long perEpoch = data.batchesPerEpoch();
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, epochs, perEpoch * epochs, data.pairsPerEpoch() * epochs);
        progress.resumeAt(from.step(), Math.min(data.pairsPerEpoch() * epochs, from.step() * spec.settings().batchSize()));
        TrainingPosition[] position = {from};
        Step afterStep = () -> {
            position[0] = position[0].next(perEpoch);
            if (checkpoints.due(position[0])) {
                checkpoints.save(position[0], out -> Dl4jTrainingState.write(network, out));
            }
        };
        for (int e = from.epoch(); e < epochs; e++) {
            total = total.plus(epoch(data.epoch(e, e == from.epoch() ? from.batch() : 0), e + 1, progress, afterStep));
        }
        checkpoints.save(position[0], out -> Dl4jTrainingState.write(network, out));
        return total;
    }

    /** What runs after every step: the checkpoint's turn. */
    @FunctionalInterface
    private interface Step {
        void done() throws IOException;
    }

    /**
     * Frees this thread's DL4J workspaces (about 0.9 GB for WRN-10-4 at batch 128) and hands the
     * memory back, so that predicting afterwards does not add its own workspaces on top.
     */
    static void releaseMemory() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        NativeTuning.releaseFreeMemory();
    }

    /** Trains on at most {@code maxBatches} batches of one epoch (for benchmarks). */
    TrainingStats trainBatches(Iterator<LabeledBatch> batches, long maxBatches) {
        Iterator<LabeledBatch> limited = new Iterator<>() {
            private long taken;

            @Override
            public boolean hasNext() {
                return taken < maxBatches && batches.hasNext();
            }

            @Override
            public LabeledBatch next() {
                taken++;
                return batches.next();
            }
        };
        try {
            return epoch(limited, 1, new TrainingProgressMeter(listener, 1, maxBatches, maxBatches * spec.settings().batchSize()), () -> { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TrainingStats epoch(Iterator<LabeledBatch> batches, int epoch, TrainingProgressMeter progress, Step afterStep)
            throws IOException {
        int classes = spec.classes();
        Iterator<PreparedBatch> prepared = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public PreparedBatch next() {
                return PreparedBatch.of(batches.next(), classes, spec.format());
            }
        };
        long images = 0;
        double loss = Double.NaN;
        long start = System.nanoTime();
        try (Prefetcher<PreparedBatch> queue = new Prefetcher<>(prepared, spec.tuning().prefetch(),
                PreparedBatch::close, "geotrans-batches-epoch-" + epoch)) {
            while (queue.hasNext()) {
                try (PreparedBatch batch = queue.next()) {
                    fit(batch);
                    collections.afterStep();
                    loss = network.score();
                    images += batch.count();
                    progress.batchDone(epoch, batch.count(), loss, !queue.hasNext());
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss is " + loss + " in epoch " + epoch
                            + " after " + images + " images; lower the learning rate");
                }
                afterStep.done();
            }
            return new TrainingStats(images, System.nanoTime() - start, queue.buildNanos(), queue.waitNanos(), loss);
        }
    }

    /** One step; DL4J sizes its workspaces in the first, so malloc keeps freed memory only after it. */
    private void fit(PreparedBatch batch) {
        if (!workspacesSized) {
            NativeTuning.returnFreedMemory();
        }
        network.fit(new INDArray[] {batch.features()}, new INDArray[] {batch.labels()});
        if (!workspacesSized) {
            NativeTuning.keepFreedMemory();
            workspacesSized = true;
        }
    }

    private void checkFits(TrainingBatches data) {
        if (!data.shape().equals(spec.shape())) {
            throw new IllegalArgumentException("training images have shape " + data.shape()
                    + ", the network expects " + spec.shape());
        }
        if (data.classes() != spec.classes()) {
            throw new IllegalArgumentException("training data has " + data.classes()
                    + " transformations, the network expects " + spec.classes());
        }
    }
}
