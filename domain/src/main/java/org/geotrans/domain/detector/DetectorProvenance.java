package org.geotrans.domain.detector;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a detector came from: free-form key/value pairs (data, normal class, settings, software
 * versions, timings) kept with the saved model and reported with results.
 */
public record DetectorProvenance(Map<String, String> entries) {
    public DetectorProvenance {
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public static DetectorProvenance empty() {
        return new DetectorProvenance(Map.of());
    }

    public DetectorProvenance with(String key, String value) {
        Map<String, String> m = new TreeMap<>(entries);
        m.put(key, value);
        return new DetectorProvenance(m);
    }
}
