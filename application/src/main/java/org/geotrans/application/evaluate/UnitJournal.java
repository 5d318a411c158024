package org.geotrans.application.evaluate;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.domain.detector.GeoTransDetector;

/**
 * Where an experiment keeps its finished units, so that a killed experiment continues where it
 * stopped: finished units are read back, the unfinished one's training continues from its
 * checkpoints.
 */
public interface UnitJournal {

    /** Keeps nothing: every unit runs. */
    UnitJournal NONE = new UnitJournal() {
        @Override
        public Optional<List<RunResult>> finished(Unit unit) {
            return Optional.empty();
        }

        @Override
        public void record(Unit unit, List<RunResult> results) {
        }

        @Override
        public CheckpointPolicy checkpoints(Unit unit) {
            return null;
        }
    };

    /**
     * The results of a unit finished before, exactly as recorded; empty when it has not finished.
     *
     * @throws org.geotrans.application.checkpoint.ResumeMismatchException when the recorded unit
     *     belongs to other settings, data or version
     */
    Optional<List<RunResult>> finished(Unit unit) throws IOException;

    /** Records a finished unit; called the moment it ends, before the next one starts. */
    void record(Unit unit, List<RunResult> results) throws IOException;

    /** Where and how often the unit's training saves checkpoints; null for none. */
    CheckpointPolicy checkpoints(Unit unit);

    /**
     * Keeps the unit's trained GeoTrans detector, called once it is fitted and before it scores
     * the test images, so that the network behind a table can be scored, diagnosed or refitted
     * later; a journal that keeps no models ignores it.
     */
    default void keep(Unit unit, GeoTransDetector detector) throws IOException {
    }
}
