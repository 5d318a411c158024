package org.geotrans.it.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.adapters.weka.ImageSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed package in JVMs that see weka.jar only: weka.Run trains GeoTrans on a small
 * Fashion-MNIST subset (Trouser against the rest), saves it, and another JVM reloads it.
 */
class WekaPackageTest {
    static final List<String> TINY_GEOTRANS = List.of("-transformations", "simple8", "-depth", "10", "-width", "1",
            "-epochs", "2", "-minibatch", "64", "-S", "1");

    @TempDir
    static Path dir;
    static WekaHome weka;
    static Path train;
    static Path test;
    static Path model;
    static WekaHome.Result trained;

    @BeforeAll
    static void installTrainAndSave() throws Exception {
        weka = WekaHome.install(dir);
        train = FashionMnistArff.write(ImageSplit.TRAIN, 2000, dir.resolve("train.arff"));
        test = FashionMnistArff.write(ImageSplit.TEST, 500, dir.resolve("test.arff"));
        model = dir.resolve("geotrans.model");
        trained = weka.java(600, "weka.Run", args("GeoTrans", "-t", train.toString(), "-T", test.toString(),
                "-d", model.toString(), "-classifications",
                "weka.classifiers.evaluation.output.prediction.CSV -distribution -decimals 12"));
        assertEquals(0, trained.exitCode(), "weka.Run GeoTrans failed:\n" + trained.output());
    }

    static String[] args(String scheme, String... evaluation) {
        String[] all = new String[1 + evaluation.length + TINY_GEOTRANS.size()];
        all[0] = scheme;
        System.arraycopy(evaluation, 0, all, 1, evaluation.length);
        for (int i = 0; i < TINY_GEOTRANS.size(); i++) {
            all[1 + evaluation.length + i] = TINY_GEOTRANS.get(i);
        }
        return all;
    }

    /**
     * The ROC area of the normal class, computed from the predicted distributions that weka.Run
     * printed (the first column is the normal class's probability).
     */
    static double rocAreaOfNormalClass(String predictions) {
        List<Double> scores = new ArrayList<>();
        List<Boolean> normal = new ArrayList<>();
        for (String line : predictions.split("\n")) {
            if (line.startsWith("inst#")) {
                continue;
            }
            String[] cells = line.split(",");
            normal.add(cells[1].endsWith(":" + FashionMnistArff.NORMAL));
            scores.add(Double.parseDouble(cells[4].replace("*", "")));
        }
        double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] isNormal = new boolean[normal.size()];
        for (int i = 0; i < isNormal.length; i++) {
            isNormal[i] = normal.get(i);
        }
        return RankingMetrics.auroc(s, isNormal);
    }

    /** The prediction lines (instance, actual, predicted, error, distribution) of CSV output. */
    static String predictions(String output) {
        int start = output.indexOf("inst#,actual,predicted");
        assertTrue(start >= 0, "no predictions in:\n" + output);
        StringBuilder b = new StringBuilder();
        for (String line : output.substring(start).split("\n")) {
            if (line.isBlank()) {
                break;
            }
            b.append(line.strip()).append('\n');
        }
        return b.toString();
    }

    @Test
    void theDefaultZipNamesDl4jAsItsDefaultBackend() throws Exception {
        String description = Files.readString(weka.home().resolve("packages/GeoTrans/Description.props"));
        assertTrue(description.contains("\nGeoTransDefaultBackend=DL4J"), description);
    }

    /**
     * The installed package reads its default from its own Description.props: made to say LIBTORCH
     * (as the weka-libtorch zip's does), the default zip's GeoTrans asks for libtorch, which this zip
     * lacks, and says so in one line.
     */
    @Test
    void aPackageWhoseDescriptionSaysLibtorchTrainsOnLibtorchByDefault() throws Exception {
        Path description = weka.home().resolve("packages/GeoTrans/Description.props");
        String original = Files.readString(description);
        try {
            Files.writeString(description, original.replace("GeoTransDefaultBackend=DL4J", "GeoTransDefaultBackend=LIBTORCH"));
            WekaHome.Result r = weka.java(300, "weka.Run", args("GeoTrans", "-t", train.toString(), "-no-cv"));
            assertTrue(r.output().contains("the libtorch backend is not in this GeoTrans package: install the weka-libtorch"
                    + " variant"), r.output());
        } finally {
            Files.writeString(description, original);
        }
    }

    @Test
    void wekaRunTrainsGeoTransOnFashionMnistWithARocAreaWellAboveChance() {
        double roc = rocAreaOfNormalClass(predictions(trained.output()));
        System.out.println("GeoTrans, Trouser vs rest, 2000 train / 500 test images: ROC area " + roc);
        assertTrue(roc > 0.8, "ROC area " + roc + " is not well above 0.5:\n" + trained.output());
    }

    /**
     * The normal class's probability is 0.5 at the threshold calibrated on held-out normal
     * instances at a 5 % false-alarm rate, so Weka's predicted class is the threshold's decision:
     * most test trousers are predicted as trousers (at the median training score, as before the
     * threshold, about half were not), and the predicted class follows the probability.
     */
    @Test
    void predictedLabelsAreTheDecisionsOfTheCalibratedThreshold() {
        int normals = 0;
        int falseAlarms = 0;
        for (String line : predictions(trained.output()).split("\n")) {
            if (line.startsWith("inst#")) {
                continue;
            }
            String[] cells = line.split(",");
            boolean predictedNormal = cells[2].endsWith(":" + FashionMnistArff.NORMAL);
            double p = Double.parseDouble(cells[4].replace("*", ""));
            assertEquals(p >= 0.5, predictedNormal, line);
            if (cells[1].endsWith(":" + FashionMnistArff.NORMAL)) {
                normals++;
                falseAlarms += predictedNormal ? 0 : 1;
            }
        }
        double rate = falseAlarms / (double) normals;
        System.out.println("GeoTrans in Weka: " + falseAlarms + " of " + normals + " test trousers predicted as anomalies");
        assertTrue(normals >= 30 && rate < 0.25, falseAlarms + " of " + normals + " normal test images predicted as"
                + " anomalies, expected about 5 %:\n" + trained.output());
    }

    @Test
    void aSavedModelReloadsInAnotherJvmWithIdenticalPredictions() throws Exception {
        assertTrue(Files.size(model) > 10_000, "model file is suspiciously small: " + Files.size(model));
        WekaHome.Result reloaded = weka.java(300, "weka.Run", "GeoTrans", "-l", model.toString(), "-T", test.toString(),
                "-classifications", "weka.classifiers.evaluation.output.prediction.CSV -distribution -decimals 12");
        assertEquals(0, reloaded.exitCode(), "reloading failed:\n" + reloaded.output());
        String before = predictions(trained.output());
        assertEquals(501, before.split("\n").length, before);
        assertEquals(before, predictions(reloaded.output()));
    }
}
