package org.geotrans.adapters.cli.report;

import java.util.List;
import java.util.Map;
import org.geotrans.domain.data.LabeledImages;

/**
 * What results.json records besides the report itself: how the experiment was asked for and where
 * it ran.
 *
 * @param command e.g. "geotrans compare"
 * @param arguments the command line as typed
 * @param padTo preprocessing's zero-padding target, 0 for none
 * @param versions GeoTrans, Java, backend
 * @param timings named durations in seconds
 * @param testIndices the test images scored, as indices into {@code test}, in score order
 */
public record ExperimentContext(String command, List<String> arguments, String dataPath, String format, String rawShape,
                                String inputShape, int padTo, String preset, Map<String, String> versions,
                                Map<String, Double> timings, int[] testIndices, LabeledImages test) {
    public ExperimentContext {
        arguments = List.copyOf(arguments);
        versions = Map.copyOf(versions);
        timings = Map.copyOf(timings);
        testIndices = testIndices.clone();
    }
}
