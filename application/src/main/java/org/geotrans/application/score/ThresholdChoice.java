package org.geotrans.application.score;

import java.util.OptionalDouble;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.score.ScoreType;

/**
 * The threshold that turns one score type into decisions, and where it came from.
 *
 * @param type the score type it applies to
 * @param value the threshold; empty when there is none (no decisions then)
 * @param origin where it came from, in words
 */
public record ThresholdChoice(ScoreType type, OptionalDouble value, String origin) {
    /** Whether an image with this score is decided as an anomaly; false without a threshold. */
    public boolean isAnomalous(double score) {
        return value.isPresent() && DecisionThreshold.isAnomalous(score, value.getAsDouble());
    }

    /** The decision as a word for tables: anomaly, normal, or empty without a threshold. */
    public String decision(double score) {
        return value.isEmpty() ? "" : isAnomalous(score) ? "anomaly" : "normal";
    }
}
