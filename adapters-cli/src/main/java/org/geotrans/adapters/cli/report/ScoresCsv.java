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

    /**
     * index,label,class,normal, then one column per detector of one class and run: a row per test
     * image of the run that some detector scored, a detector's cell empty where it scored a
     * capped subset without that image.
     */
    static String ofRun(int[] testIndices, LabeledImages test, List<RunResult> results) {
        StringBuilder b = new StringBuilder("index,label,class,normal");
        for (RunResult r : results) {
            b.append(',').append(Slugs.of(r.detector()));
        }
        b.append('\n');
        Boolean[] normal = new Boolean[testIndices.length];
        String[][] cells = new String[results.size()][testIndices.length];
        for (int k = 0; k < results.size(); k++) {
            RunResult r = results.get(k);
            for (int j = 0; j < r.testPositions().length; j++) {
                int position = r.testPositions()[j];
                if (position >= testIndices.length) {
                    throw new IllegalStateException("the run scored test image " + position + " but the subset has "
                            + testIndices.length);
                }
                normal[position] = r.normal()[j];
                cells[k][position] = Double.toString(r.scores()[j]);
            }
        }
        for (int i = 0; i < testIndices.length; i++) {
            if (normal[i] == null) {
                continue;
            }
            row(b, testIndices[i], test);
            b.append(',').append(normal[i] ? 1 : 0);
            for (String[] column : cells) {
                b.append(',').append(column[i] == null ? "" : column[i]);
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
