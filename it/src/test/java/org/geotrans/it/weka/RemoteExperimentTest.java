package org.geotrans.it.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.geotrans.adapters.weka.ImageSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.CSVLoader;

/**
 * Weka's remote experiments: two {@code weka.experiment.RemoteEngine} JVMs on 127.0.0.1, each
 * with weka.jar, the HSQLDB driver and the installed GeoTrans package, run GeoTrans and the
 * package's One-Class SVM (two data sets x two runs each, one data set per engine); the results
 * land in an HSQLDB server through Weka's DatabaseResultListener and must equal, figure for
 * figure, the same experiment run locally by {@code weka.experiment.Experiment}.
 */
class RemoteExperimentTest {
    static final int RUNS = 2;
    static final int IMAGES = 400;
    static final List<String> MEASURES = List.of("Area_under_ROC", "Area_under_PRC", "Percent_correct");

    @TempDir
    static Path dir;

    @Test
    void geoTransAndTheOneClassSvmRunOnTwoRemoteEnginesWithTheResultsOfALocalRun() throws Exception {
        WekaHome weka = WekaHome.install(dir);
        List<Path> data = List.of(
                FashionMnistArff.write(ImageSplit.TRAIN, IMAGES, dir.resolve("fashion-train.arff")),
                FashionMnistArff.write(ImageSplit.TEST, IMAGES, dir.resolve("fashion-test.arff")));
        Map<String, List<String>> schemes = new TreeMap<>(Map.of(
                "org.geotrans.adapters.weka.GeoTrans", WekaPackageTest.TINY_GEOTRANS,
                "org.geotrans.adapters.weka.OneClassSVM", List.of("-nu", "0.1")));

        Map<String, List<Double>> local = new TreeMap<>();
        for (Map.Entry<String, List<String>> scheme : schemes.entrySet()) {
            Path csv = dir.resolve("local-" + scheme.getKey() + ".csv");
            WekaHome.Result r = weka.java(600, "weka.experiment.Experiment",
                    experiment(data, "weka.experiment.CSVResultListener -O " + csv, scheme, List.of("-r")));
            assertEquals(0, r.exitCode(), "the local experiment failed on " + scheme.getKey() + ":\n" + r.output());
            local.putAll(readCsv(csv));
        }

        Map<String, List<Double>> remote = new TreeMap<>();
        try (RemoteEngines engines = RemoteEngines.start(weka, dir.resolve("remote"), 2)) {
            List<String> hosts = new ArrayList<>();
            for (String host : engines.hosts()) {
                hosts.addAll(List.of("-h", host));
            }
            hosts.add("-r");
            for (Map.Entry<String, List<String>> scheme : schemes.entrySet()) {
                WekaHome.Result r = weka.java(engines.clientJvm(), 600, "weka.experiment.RemoteExperiment",
                        experiment(data, "weka.experiment.DatabaseResultListener", scheme, hosts));
                assertTrue(r.output().contains("Experiment completed successfully."),
                        "the remote experiment failed on " + scheme.getKey() + ":\n" + r.output() + engines.logs());
                for (int port : engines.ports()) {
                    assertTrue(r.output().matches("(?s).*:" + port + "/RemoteEngine\\) \\(sub\\)experiment completed successfully.*"),
                            "engine " + port + " ran no part of " + scheme.getKey() + ":\n" + r.output());
                }
            }
            remote.putAll(engines.readResults(MEASURES));
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%-60s %s%n", "dataset|run|scheme", MEASURES));
        local.forEach((key, figures) -> report.append(String.format(Locale.ROOT, "%-60s local %s remote %s%n",
                key, figures, remote.get(key))));
        Files.writeString(Path.of("target", "remote-experiment.txt"), report);
        System.out.println(report);
        assertEquals(data.size() * RUNS * schemes.size(), local.size(), "one local result per data set, run and scheme:\n" + report);
        assertEquals(local, remote, "the remote results differ from the local ones:\n" + report);
    }

    /** The Experimenter's command line for one scheme on the data sets, runs 1 to RUNS. */
    static String[] experiment(List<Path> data, String listener, Map.Entry<String, List<String>> scheme, List<String> extra) {
        List<String> args = new ArrayList<>(extra);
        for (Path file : data) {
            args.addAll(List.of("-T", file.toString()));
        }
        args.addAll(List.of("-L", "1", "-U", Integer.toString(RUNS), "-D", listener,
                "-P", "weka.experiment.RandomSplitResultProducer", "--", "-P", "66",
                "-W", "weka.experiment.ClassifierSplitEvaluator", "--", "-C", "1", "-W", scheme.getKey(), "--"));
        args.addAll(scheme.getValue());
        return args.toArray(String[]::new);
    }

    /** The measures of a CSVResultListener file by "dataset|run|scheme". */
    static Map<String, List<Double>> readCsv(Path csv) throws Exception {
        assertTrue(Files.isRegularFile(csv), "no local results in " + csv);
        CSVLoader loader = new CSVLoader();
        loader.setFile(new File(csv.toString()));
        Instances rows = loader.getDataSet();
        Map<String, List<Double>> results = new TreeMap<>();
        for (Instance row : rows) {
            String run = rows.attribute("Key_Run").isNumeric()
                    ? Integer.toString((int) row.value(rows.attribute("Key_Run")))
                    : row.stringValue(rows.attribute("Key_Run"));
            List<Double> figures = new ArrayList<>();
            for (String measure : MEASURES) {
                figures.add(row.value(rows.attribute(measure)));
            }
            results.put(key(row.stringValue(rows.attribute("Key_Dataset")), run,
                    row.stringValue(rows.attribute("Key_Scheme"))), figures);
        }
        return results;
    }

    static String key(String dataset, String run, String scheme) {
        return dataset + "|" + run + "|" + scheme;
    }

    /** The rows of every results table in the database, by "dataset|run|scheme". */
    static Map<String, List<Double>> readDatabase(String url, List<String> measures) throws Exception {
        Map<String, List<Double>> results = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(url, "SA", "");
                ResultSet tables = db.createStatement().executeQuery("SELECT Result_table FROM Experiment_index")) {
            while (tables.next()) {
                try (ResultSet rows = db.createStatement().executeQuery("SELECT * FROM Results" + tables.getInt(1))) {
                    while (rows.next()) {
                        List<Double> figures = new ArrayList<>();
                        for (String measure : measures) {
                            figures.add(rows.getDouble(measure));
                        }
                        List<Double> earlier = results.put(key(rows.getString("Key_Dataset"), rows.getString("Key_Run"),
                                rows.getString("Key_Scheme")), figures);
                        assertEquals(null, earlier, "a result stored twice: " + figures);
                    }
                }
            }
        }
        return results;
    }

    static String logs(List<Path> logs) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append("\n--- ").append(log.getFileName()).append(" ---\n").append(Files.readString(log, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
