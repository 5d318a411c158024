package org.geotrans.domain.port;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.geotrans.domain.training.TrainingPosition;

/**
 * Where a training saves its state so that a killed process can continue it, and when. The
 * backend-neutral parts (file layout, atomic writes, integrity checks, the digest of settings,
 * data and version, keeping the last two, the interval clock, stop requests on signals) belong to
 * the implementation; a backend only captures and restores its own state.
 *
 * <p>The contract for a {@link TransformationClassifierProvider}:
 * <ol>
 *   <li>call {@link #begin} once before the first step; when it returns a checkpoint, restore
 *       the state from {@link TrainingCheckpoint#openState()} and continue at its position;</li>
 *   <li>after every step, call {@link #due} with the position after that step, and {@link #save}
 *       when it says so: at a step boundary, so the state is consistent;</li>
 *   <li>when every step is done, {@link #save} the final position (a later stage such as the
 *       Dirichlet fit then resumes without training again), unless it was just saved;</li>
 *   <li>call {@link #end} in a {@code finally}, whether training finished or failed.</li>
 * </ol>
 * The restored training must go on exactly as the uninterrupted one would have: same weights,
 * same optimiser moments, same random generators, same batches
 * ({@link org.geotrans.domain.training.TrainingBatches#epoch(int, long)}).
 */
public interface TrainingCheckpoints {

    /** No checkpoints: training starts at step 0 and saves nothing. */
    TrainingCheckpoints NONE = new TrainingCheckpoints() {
        @Override
        public Optional<TrainingCheckpoint> begin(long totalSteps) {
            return Optional.empty();
        }

        @Override
        public boolean due(TrainingPosition position) {
            return false;
        }

        @Override
        public void save(TrainingPosition position, StateWriter state) {
        }

        @Override
        public void end() {
        }
    };

    /** Writes a backend's training state: weights, optimiser state, random generators. */
    @FunctionalInterface
    interface StateWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Starts a training of {@code totalSteps} steps: the newest intact checkpoint to continue
     * from, or empty to start at step 0. Damaged checkpoints are passed over (with a note).
     *
     * @throws IOException when the checkpoints cannot be read at all
     * @throws IllegalArgumentException when the checkpoints were written for other settings,
     *     data or version; the message names the difference
     */
    Optional<TrainingCheckpoint> begin(long totalSteps) throws IOException;

    /** Whether to save after the step that led to {@code position}; cheap, called after every step. */
    boolean due(TrainingPosition position);

    /** Saves the state at {@code position}, atomically; the previous checkpoint stays until this one is complete. */
    void save(TrainingPosition position, StateWriter state) throws IOException;

    /** The training stopped, finished or failed. */
    void end();
}
