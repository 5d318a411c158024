package org.geotrans.domain.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;

/** A checkpoint held in memory, for tests of the checkpoint port: the position and the state's bytes. */
public record InMemoryCheckpoint(TrainingPosition position, byte[] bytes) implements TrainingCheckpoint {

    /** The checkpoint {@code state} writes at {@code position}. */
    public static InMemoryCheckpoint of(TrainingPosition position, TrainingCheckpoints.StateWriter state)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        state.write(out);
        return new InMemoryCheckpoint(position, out.toByteArray());
    }

    @Override
    public InputStream openState() {
        return new ByteArrayInputStream(bytes);
    }
}
