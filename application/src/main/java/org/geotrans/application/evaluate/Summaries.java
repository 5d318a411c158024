package org.geotrans.application.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotrans.domain.metrics.MeanWithError;

/** Groups run results by (class, detector) into Table-1-style summaries. */
final class Summaries {
    private Summaries() {
    }

    static List<Summary> of(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.classIndex() + "/" + r.detector(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> out = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            RunResult first = group.get(0);
            MeanWithError auroc = MeanWithError.of(group.stream().mapToDouble(RunResult::auroc).toArray());
            MeanWithError in = MeanWithError.of(group.stream().mapToDouble(RunResult::auprIn).toArray());
            MeanWithError outAupr = MeanWithError.of(group.stream().mapToDouble(RunResult::auprOut).toArray());
            out.add(new Summary(first.classIndex(), first.className(), first.detector(), group.size(), auroc.mean(),
                    auroc.standardError(), in.mean(), outAupr.mean()));
        }
        return out;
    }
}
