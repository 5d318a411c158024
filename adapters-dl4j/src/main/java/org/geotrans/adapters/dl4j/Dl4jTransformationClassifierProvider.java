package org.geotrans.adapters.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
 * Trains and restores the paper's Wide ResNet transformation classifier on Deeplearning4j.
 *
 * <p>Constructing it initialises the backend ({@link Dl4jBackend#ensureInitialised()}); training
 * and loading run with this adapter's context class loader, so hosts with their own class
 * loaders (Weka) need nothing else. The minibatch size is the one the {@link TrainingBatches}
 * stream was built with; {@link ClassifierSettings#batchSize()} is recorded for provenance.
 */
public final class Dl4jTransformationClassifierProvider implements TransformationClassifierProvider {
    private final Dl4jTuning tuning;
    private final Dl4jBackend.Info backend;

    /** The provider with the measured best CPU settings. */
    public Dl4jTransformationClassifierProvider() {
        this(Dl4jTuning.DEFAULT);
    }

    Dl4jTransformationClassifierProvider(Dl4jTuning tuning) {
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.backend = Dl4jBackend.ensureInitialised();
    }

    /** What ND4J runs on (CPU or CUDA, oneDNN helpers or not). */
    public Dl4jBackend.Info backendInfo() {
        return backend;
    }

    @Override
    public ClassifierBackend backend() {
        return ClassifierBackend.DL4J;
    }

    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress) {
        return train(data, settings, progress, TrainingCheckpoints.NONE);
    }

    /** Continues from the newest checkpoint (weights, Adam's state, ND4J's generator, the stream's position). */
    @Override
    public TransformationClassifier train(TrainingBatches data, ClassifierSettings settings, ProgressListener progress,
                                          TrainingCheckpoints checkpoints) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(checkpoints, "checkpoints");
        return Dl4jBackend.withContextClassLoader(() -> {
            NetworkSpec spec = new NetworkSpec(data.shape(), data.classes(), settings, tuning);
            try {
                Optional<TrainingCheckpoint> resume = checkpoints.begin(data.batchesPerEpoch() * settings.epochs());
                ComputationGraph network;
                TrainingPosition from;
                if (resume.isPresent()) {
                    try (InputStream state = resume.get().openState()) {
                        network = Dl4jTrainingState.restore(state, spec);
                    }
                    from = resume.get().position();
                } else {
                    network = WideResNet.create(spec);
                    from = TrainingPosition.start(data.batchesPerEpoch() * settings.epochs());
                }
                new Dl4jTrainer(network, spec, progress).train(data, from, settings.epochs(), checkpoints);
                Dl4jTrainer.releaseMemory();
                return new Dl4jTransformationClassifier(network, spec, backendLabel());
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            } finally {
                checkpoints.end();
            }
        });
    }

    /**
     * A network with fresh, seeded weights and no training, for benchmarks and tests. Training
     * its {@code network()} afterwards does not reach a separate inference copy.
     */
    Dl4jTransformationClassifier untrained(NetworkSpec spec) {
        return Dl4jBackend.withContextClassLoader(
                () -> new Dl4jTransformationClassifier(WideResNet.create(spec), spec, backendLabel()));
    }

    @Override
    public TransformationClassifier load(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        try {
            return Dl4jBackend.withContextClassLoader(() -> {
                try {
                    return ModelFile.read(in, tuning, backendLabel());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private String backendLabel() {
        return backend.backend() + (backend.layerHelpers() ? ", oneDNN" : "");
    }
}
