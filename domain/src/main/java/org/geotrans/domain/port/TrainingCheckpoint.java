package org.geotrans.domain.port;

import java.io.IOException;
import java.io.InputStream;
import org.geotrans.domain.training.TrainingPosition;

/** A saved training state to continue from: where the training stood, and the backend's bytes. */
public interface TrainingCheckpoint {

    /** The position the state was saved at; training continues with its next batch. */
    TrainingPosition position();

    /**
     * The bytes the backend wrote through {@link TrainingCheckpoints.StateWriter}, exactly; their
     * integrity is already checked. The caller closes the stream.
     */
    InputStream openState() throws IOException;
}
