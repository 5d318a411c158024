package org.geotrans.adapters.dl4j;

import java.util.Iterator;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadClassifierTrainer;
import org.geotrans.domain.training.CategorizedBatch;
import org.geotrans.domain.training.CategorizedPairBatches;
import org.geotrans.domain.training.TrainingProgressMeter;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the two-headed WRN of section 5.5 on Deeplearning4j: the single-head network's body,
 * initialisation, optimiser and regularisation, with the category softmax beside the
 * transformation softmax. Each step fits both heads on one batch of (image, transformation)
 * pairs; DL4J sums the output layers' losses, as Keras does for a model with two outputs.
 */
public final class Dl4jTwoHeadClassifierTrainer implements TwoHeadClassifierTrainer {
    private final Dl4jTuning tuning;
    private final Dl4jBackend.Info backend;

    public Dl4jTwoHeadClassifierTrainer() {
        this(Dl4jTuning.DEFAULT);
    }

    Dl4jTwoHeadClassifierTrainer(Dl4jTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.backend = Dl4jBackend.ensureInitialised();
    }

    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.DL4J;
    }

    @Override
    public TwoHeadClassifier train(CategorizedPairBatches data, ClassifierSettings settings, ProgressListener progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        return Dl4jBackend.withContextClassLoader(() -> {
            NetworkSpec spec = new NetworkSpec(data.shape(), data.transformationCount(), settings, tuning);
            ComputationGraph network = WideResNet.createTwoHead(spec, data.categoryCount());
            TrainingProgressMeter meter = new TrainingProgressMeter(progress, settings.epochs(),
                    data.batchesPerEpoch() * settings.epochs(), data.pairsPerEpoch() * settings.epochs());
            for (int e = 0; e < settings.epochs(); e++) {
                epoch(network, spec, data, e, meter);
            }
            Dl4jTrainer.releaseMemory();
            return new Dl4jTwoHeadClassifier(network, spec, data.categoryCount(),
                    backend.backend() + (backend.layerHelpers() ? ", oneDNN" : ""));
        });
    }

    private void epoch(ComputationGraph network, NetworkSpec spec, CategorizedPairBatches data, int epoch,
                       TrainingProgressMeter meter) {
        Iterator<CategorizedBatch> batches = data.epoch(epoch);
        Iterator<TwoHeadBatch> prepared = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public TwoHeadBatch next() {
                return TwoHeadBatch.of(batches.next(), data.categoryCount(), data.transformationCount(), spec.format());
            }
        };
        long images = 0;
        try (Prefetcher<TwoHeadBatch> queue = new Prefetcher<>(prepared, tuning.prefetch(), TwoHeadBatch::close,
                "geotrans-two-head-epoch-" + (epoch + 1))) {
            while (queue.hasNext()) {
                double loss;
                try (TwoHeadBatch batch = queue.next()) {
                    network.fit(new INDArray[] {batch.features()}, new INDArray[] {batch.categories(), batch.transformations()});
                    loss = network.score();
                    images += batch.count();
                    meter.batchDone(epoch + 1, batch.count(), loss, !queue.hasNext());
                }
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss is " + loss + " in epoch " + (epoch + 1)
                            + " after " + images + " images; lower the learning rate");
                }
            }
        }
    }
}
