package org.geotrans.domain.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
    private Saved saved;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(out);
        saved = new Saved(position, out.toByteArray());
    }

    @Override
    public void end() {
    }

    private record Saved(TrainingPosition position, byte[] bytes) implements TrainingCheckpoint {
        @Override
        public InputStream openState() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
