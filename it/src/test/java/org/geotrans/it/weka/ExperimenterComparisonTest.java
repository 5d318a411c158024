package org.geotrans.it.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotrans.adapters.weka.ImageSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.Range;
import weka.core.converters.CSVLoader;
import weka.experiment.PairedCorrectedTTester;
import weka.experiment.ResultMatrix;
import weka.experiment.ResultMatrixPlainText;

/**
 * Weka's headless Experimenter, in JVMs that see Weka alone, compares GeoTrans, the package's
 * One-Class SVM and stock NaiveBayes on the same Fashion-MNIST subset (Trouser against the rest,
 * 3 random 66 % splits with the same seeds); the paired corrected t-tester reads the ROC area of
 * the normal class for each. NaiveBayes is supervised: it also learns from the anomalies of the
 * training split, so it is a reference, not a one-class competitor.
 */
class ExperimenterComparisonTest {
    static final int RUNS = 3;

    @TempDir
    static Path dir;

    @Test
    void theExperimenterComparesGeoTransTheOneClassSvmAndAStockClassifierByRocArea() throws Exception {
        WekaHome weka = WekaHome.install(dir);
        Path data = FashionMnistArff.write(ImageSplit.TRAIN, 1500, dir.resolve("fashion-trouser-vs-rest.arff"));
        Map<String, String> schemes = new LinkedHashMap<>();
        schemes.put("org.geotrans.adapters.weka.GeoTrans", String.join(" ", WekaPackageTest.TINY_GEOTRANS));
        schemes.put("org.geotrans.adapters.weka.OneClassSVM", "-nu 0.1");
        schemes.put("weka.classifiers.bayes.NaiveBayes", "");
        List<String> csv = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> scheme : schemes.entrySet()) {
            Path out = dir.resolve("results-" + (n++) + ".csv");
            List<String> args = new ArrayList<>(List.of("-r", "-T", data.toString(), "-L", "1", "-U",
                    Integer.toString(RUNS), "-D", "weka.experiment.CSVResultListener -O " + out,
                    "-P", "weka.experiment.RandomSplitResultProducer", "--", "-P", "66",
                    "-W", "weka.experiment.ClassifierSplitEvaluator", "--", "-C", "1", "-W", scheme.getKey()));
            if (!scheme.getValue().isEmpty()) {
                args.add("--");
                args.addAll(List.of(scheme.getValue().split(" ")));
            }
            WekaHome.Result r = weka.java(600, "weka.experiment.Experiment", args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), "the Experimenter failed on " + scheme.getKey() + ":\n" + r.output());
            assertTrue(Files.isRegularFile(out), "no results from " + scheme.getKey() + ":\n" + r.output());
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            csv.addAll(csv.isEmpty() ? lines : lines.subList(1, lines.size()));
        }
        Path all = Files.write(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);

        CSVLoader loader = new CSVLoader();
        loader.setFile(new File(all.toString()));
        Instances results = loader.getDataSet();
        assertEquals(RUNS * schemes.size(), results.numInstances(), "one result row per run and scheme expected");
        PairedCorrectedTTester tester = new PairedCorrectedTTester();
        tester.setInstances(results);
        tester.setSortColumn(-1);
        tester.setRunColumn(results.attribute("Key_Run").index());
        tester.setFoldColumn(-1);
        tester.setDatasetKeyColumns(new Range(Integer.toString(results.attribute("Key_Dataset").index() + 1)));
        // the scheme alone: each runs once with one set of options, and NaiveBayes's empty options read as missing
        tester.setResultsetKeyColumns(new Range(Integer.toString(results.attribute("Key_Scheme").index() + 1)));
        tester.setResultMatrix(new ResultMatrixPlainText());
        tester.setDisplayedResultsets(null);
        tester.setSignificanceLevel(0.05);
        tester.setShowStdDevs(true);
        String table = tester.multiResultsetFull(0, results.attribute("Area_under_ROC").index());
        ResultMatrix matrix = tester.getResultMatrix();

        StringBuilder report = new StringBuilder("Area_under_ROC of Trouser (normal) vs rest, Fashion-MNIST first 1500"
                + " training images, " + RUNS + " x 66 % random splits, paired corrected t-test at 0.05:\n");
        double[] means = new double[schemes.size()];
        for (int col = 0; col < schemes.size(); col++) {
            means[col] = matrix.getMean(col, 0);
            report.append(String.format(java.util.Locale.ROOT, "  %-45s %.4f +- %.4f%n", tester.getResultsetName(col),
                    means[col], matrix.getStdDev(col, 0)));
        }
        report.append('\n').append(table);
        Files.writeString(Path.of("target", "experimenter-comparison.txt"), report);
        System.out.println(report);

        for (int col = 0; col < means.length; col++) {
            assertTrue(means[col] > 0 && means[col] <= 1, "ROC area out of range: " + report);
        }
        assertTrue(means[0] > 0.8, "GeoTrans's ROC area is not well above 0.5:\n" + report);
        assertTrue(means[1] > 0.8, "the One-Class SVM's continuous score should rank trousers well:\n" + report);
    }
}
