package org.geotrans.application.evaluate;

import java.util.List;
import org.geotrans.application.preset.ExperimentSettings;

/** Everything an experiment measured, for tables, plots and results.json. */
public record OneVsAllReport(String dataset, ExperimentSettings settings, int testImages, List<RunResult> runs,
                             List<Summary> summaries, double seconds) {
}
