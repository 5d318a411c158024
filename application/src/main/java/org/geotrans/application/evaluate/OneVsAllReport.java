package org.geotrans.application.evaluate;

import java.util.List;
import org.geotrans.application.preset.ExperimentSettings;

/**
 * Everything an experiment measured, for tables, plots and results.json.
 *
 * @param testIndices the experiment's test images (the same for every class and run), as indices
 *     into the test set, in score order: every detector scores all of them but one with a cap
 *     (ADGAN), which scores those at its {@link RunResult#testPositions}
 */
public record OneVsAllReport(String dataset, ExperimentSettings settings, int[] testIndices, List<RunResult> runs,
                             List<Summary> summaries, double seconds) {

    /** How many test images the experiment has (a detector with a cap scored fewer: {@code RunResult.scores().length}). */
    public int testImages() {
        return testIndices.length;
    }
}
