package org.geotrans.adapters.cli.report;

import java.util.List;
import java.util.Map;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.application.score.ThresholdChoice;
import org.geotrans.domain.score.ScoreType;

/**
 * Per-image scores, written with {@link Double#toString} so they read back exactly: score's
 * scores.csv and evaluate's scores-CLASS-runR.csv share the index, label and class columns, so
 * the two can be joined on the test index.
 */
public final class ScoresCsv {
    private ScoresCsv() {
    }

    /**
     * index,label,class,dirichlet,simplified,decision: the decision (anomaly or normal) of the
     * chosen score type at its threshold, empty without one.
     */
    public static String ofScoring(int[] testIndices, LabeledImages test, Map<ScoreType, double[]> scores,
                                   ThresholdChoice threshold) {
        double[] dirichlet = scores.get(ScoreType.DIRICHLET);
        double[] simplified = scores.get(ScoreType.SIMPLIFIED);
        double[] decided = scores.get(threshold.type());
        StringBuilder b = new StringBuilder("index,label,class,dirichlet,simplified,decision\n");
        for (int i = 0; i < testIndices.length; i++) {
            row(b, testIndices[i], test);
            b.append(',').append(dirichlet[i]).append(',').append(simplified[i]).append(',')
                    .append(threshold.decision(decided[i])).append('\n');
        }
        return b.toString();
    }

    /** file,dirichlet,simplified,decision for loose image files, in the order given by {@code rows}. */
    public static String ofFiles(List<String> files, Map<ScoreType, double[]> scores, ThresholdChoice threshold,
                                 int[] rows) {
        double[] dirichlet = scores.get(ScoreType.DIRICHLET);
        double[] simplified = scores.get(ScoreType.SIMPLIFIED);
        double[] decided = scores.get(threshold.type());
        StringBuilder b = new StringBuilder("file,dirichlet,simplified,decision\n");
        for (int i : rows) {
            b.append(Tables.csvText(files.get(i))).append(',').append(dirichlet[i]).append(',').append(simplified[i])
                    .append(',').append(threshold.decision(decided[i])).append('\n');
        }
        return b.toString();
    }

    /** index,label,class,normal, then one column per detector of one class and run. */
    static String ofRun(int[] testIndices, LabeledImages test, List<RunResult> results) {
        StringBuilder b = new StringBuilder("index,label,class,normal");
        for (RunResult r : results) {
            b.append(',').append(Slugs.of(r.detector()));
        }
        b.append('\n');
        boolean[] normal = results.get(0).normal();
        if (normal.length != testIndices.length) {
            throw new IllegalStateException("the run scored " + normal.length + " test images but the subset has "
                    + testIndices.length);
        }
        for (int i = 0; i < testIndices.length; i++) {
            row(b, testIndices[i], test);
            b.append(',').append(normal[i] ? 1 : 0);
            for (RunResult r : results) {
                b.append(',').append(r.scores()[i]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static void row(StringBuilder b, int index, LabeledImages test) {
        int label = test.label(index);
        b.append(index).append(',').append(label).append(',').append(Tables.csvText(test.classNames().get(label)));
    }
}
