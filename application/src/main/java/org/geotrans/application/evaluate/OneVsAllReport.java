package org.geotrans.application.evaluate;

import java.util.List;
import org.geotrans.application.preset.ExperimentSettings;

/**
 * Everything an experiment measured, for tables, plots and results.json.
 *
 * @param testIndices the test images scored, as indices into the test set, in score order
 */
public record OneVsAllReport(String dataset, ExperimentSettings settings, int[] testIndices, List<RunResult> runs,
                             List<Summary> summaries, double seconds) {

    /** How many test images each detector scored. */
    public int testImages() {
        return testIndices.length;
    }
}
