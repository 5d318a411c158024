package org.geotrans.adapters.libtorch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongFunction;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.training.TrainingPosition;

/** Checkpoints that offer one given state, at the position {@code position} makes of the total steps, and save nothing. */
record OfferedState(byte[] state, LongFunction<TrainingPosition> position) implements TrainingCheckpoints {
    @Override
    public Optional<TrainingCheckpoint> begin(long totalSteps) {
        TrainingPosition at = position.apply(totalSteps);
        return Optional.of(new TrainingCheckpoint() {
            @Override
            public TrainingPosition position() {
                return at;
            }

            @Override
            public InputStream openState() {
                return new ByteArrayInputStream(state);
            }
        });
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
}
