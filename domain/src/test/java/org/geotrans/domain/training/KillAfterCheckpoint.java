package org.geotrans.domain.training;

import java.io.IOException;
import java.util.Optional;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;

/**
 * Checkpoints in memory for a backend's resume test: the first training saves at one step and is
 * "killed" (throws {@link Killed}) at the next step boundary; {@link #resumingOnly()} then hands
 * that checkpoint to a second training, which saves nothing. Shared by every backend so they are
 * held to the same contract.
 */
public final class KillAfterCheckpoint implements TrainingCheckpoints {
    private final long saveAt;
    private final long totalSteps;
    private InMemoryCheckpoint saved;
    private boolean resuming;

    public KillAfterCheckpoint(long saveAt, long totalSteps) {
        this.saveAt = saveAt;
        this.totalSteps = totalSteps;
    }

    /** The training was stopped this way. */
    public static final class Killed extends RuntimeException {
        Killed() {
            super("killed after the checkpoint");
        }
    }

    /** From now on: offer the saved checkpoint, save nothing. */
    public KillAfterCheckpoint resumingOnly() {
        resuming = true;
        return this;
    }

    /** Where the checkpoint was saved; fails when none was. */
    public TrainingPosition savedPosition() {
        if (saved == null) {
            throw new IllegalStateException("no checkpoint was saved");
        }
        return saved.position();
    }

    @Override
    public Optional<TrainingCheckpoint> begin(long steps) {
        if (steps != totalSteps) {
            throw new IllegalStateException("training announced " + steps + " steps, the test expects " + totalSteps);
        }
        return resuming ? Optional.of(saved) : Optional.empty();
    }

    @Override
    public boolean due(TrainingPosition position) {
        if (!resuming && saved != null) {
            throw new Killed();
        }
        return !resuming && position.step() == saveAt;
    }

    @Override
    public void save(TrainingPosition position, StateWriter state) throws IOException {
        if (resuming) {
            return;
        }
        if (saved != null || position.step() != saveAt) {
            throw new Killed();
        }
        saved = InMemoryCheckpoint.of(position, state);
    }

    @Override
    public void end() {
    }
}
