package org.geotrans.adapters.libtorch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.training.TrainingBatches;
import org.geotrans.domain.training.TrainingPosition;

/**
 * Trains and restores the paper's Wide ResNet transformation classifier on libtorch. The same
 * seed gives the same weights and the same predictions on the same machine and thread count. The
 * minibatch size is the one the {@link TrainingBatches} stream was built with.
 */
public final class LibtorchTransformationClassifierProvider implements TransformationClassifierProvider {
    private final LibtorchTuning tuning;

    /** bf16 autocast on every core this JVM may use. */
    public LibtorchTransformationClassifierProvider() {
        this(LibtorchTuning.defaults());
    }

    public LibtorchTransformationClassifierProvider(LibtorchTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        LibtorchRuntime.ensureLoaded();
    }

    public LibtorchTuning tuning() {
        return tuning;
    }

    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.LIBTORCH;
    }

    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
        return train(data, settings, progress, TrainingCheckpoints.NONE);
    }

    /** Continues from the newest checkpoint (weights, batch norm statistics, Adam's state, the stream's position). */
    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress,
                                          TrainingCheckpoints checkpoints) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(checkpoints, "checkpoints");
        LibtorchRuntime.useThreads(tuning.threads());
        try {
            long totalSteps = data.batchesPerEpoch() * settings.epochs();
            return trainFrom(checkpoints.begin(totalSteps), totalSteps, data, settings, progress, checkpoints);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } finally {
            checkpoints.end();
        }
    }

    /**
     * A resumed training builds the network of the checkpoint's revision, so that one begun by an
     * older build ends as it began; a new one builds the current revision.
     */
    private TransformationClassifier trainFrom(Optional<TrainingCheckpoint> resume, long totalSteps, TrainingBatches data,
                                               ClassifierSettings settings, ProgressListener progress,
                                               TrainingCheckpoints checkpoints) throws IOException {
        DataInputStream state = resume.isPresent() ? new DataInputStream(resume.get().openState()) : null;
        try {
            NetworkRevision revision = state == null ? NetworkRevision.current() : LibtorchTrainingState.readRevision(state);
            WideResNet network = new WideResNet(new NetworkSpec(data.shape(), data.classes(), settings, revision));
            try (LibtorchTrainer trainer = new LibtorchTrainer(network, tuning, progress)) {
                TrainingPosition from = TrainingPosition.start(totalSteps);
                if (state != null) {
                    trainer.restoreState(state);
                    state.close();
                    from = resume.get().position();
                }
                trainer.train(data, from, settings.epochs(), checkpoints);
            } catch (IOException | RuntimeException e) {
                network.close();
                throw e;
            }
            return new LibtorchTransformationClassifier(network, tuning);
        } finally {
            if (state != null) {
                state.close();
            }
        }
    }

    /** A network with fresh, seeded weights and no training, for benchmarks and tests. */
    LibtorchTransformationClassifier untrained(NetworkSpec spec) {
        LibtorchRuntime.useThreads(tuning.threads());
        return new LibtorchTransformationClassifier(new WideResNet(spec), tuning);
    }

    @Override
    public TransformationClassifier load(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        return ModelFile.read(in, tuning);
    }
}
