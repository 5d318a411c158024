package org.geotrans.adapters.libtorch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import java.util.Iterator;
import java.util.Objects;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadClassifierTrainer;
import org.geotrans.domain.training.CategorizedBatch;
import org.geotrans.domain.training.CategorizedPairBatches;
import org.geotrans.domain.training.TrainingProgressMeter;

/**
 * Trains the two-headed WRN of section 5.5 on libtorch: the single-head network's body,
 * initialisation, optimiser and L2 ({@link LibtorchTrainer}), with the category head beside the
 * transformation head; each step's loss is the sum of both heads' cross-entropies, as Keras sums
 * the losses of a model with two outputs (and as the DL4J trainer does).
 */
public final class LibtorchTwoHeadClassifierTrainer implements TwoHeadClassifierTrainer {
    private final LibtorchTuning tuning;

    public LibtorchTwoHeadClassifierTrainer(LibtorchTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        LibtorchRuntime.ensureLoaded();
    }

    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.LIBTORCH;
    }

    @Override
    public TwoHeadClassifier train(CategorizedPairBatches data, ClassifierSettings settings, ProgressListener progress) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        LibtorchRuntime.useThreads(tuning.threads());
        WideResNet network = new WideResNet(new NetworkSpec(data.shape(), data.transformationCount(), settings),
                data.categoryCount());
        try (LibtorchTrainer trainer = new LibtorchTrainer(network, tuning, progress)) {
            TrainingProgressMeter meter = new TrainingProgressMeter(progress, settings.epochs(),
                    data.batchesPerEpoch() * settings.epochs(), data.pairsPerEpoch() * settings.epochs());
            for (int e = 0; e < settings.epochs(); e++) {
                Iterator<CategorizedBatch> batches = data.epoch(e);
                long images = 0;
                while (batches.hasNext()) {
                    CategorizedBatch batch = batches.next();
                    double loss = trainer.step(() -> bothLosses(network, batch));
                    images += batch.images().count();
                    LibtorchTrainer.requireFinite(loss, e + 1, images);
                    meter.batchDone(e + 1, batch.images().count(), loss, !batches.hasNext());
                }
            }
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
        return new LibtorchTwoHeadClassifier(network, tuning);
    }

    private static Tensor bothLosses(WideResNet network, CategorizedBatch batch) {
        Tensor images = Tensors.images(batch.images(), 0, batch.images().count());
        Tensor[] logits = network.twoHeadLogits(images, true);
        Tensor transformations = cross_entropy_loss(logits[0].to(ScalarType.Float),
                Tensors.labels(batch.transformationIndices()));
        Tensor categories = cross_entropy_loss(logits[1].to(ScalarType.Float), Tensors.labels(batch.categories()));
        return transformations.add(categories);
    }
}
