package org.geotrans.it.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.geotrans.domain.RequiredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate --spark on a real standalone cluster: a master and two one-core workers on 127.0.0.1,
 * a grid of 2 classes x 2 runs with a tiny network on a small cut of Fashion-MNIST. One worker is
 * killed, with its executor, while both run a unit; Spark runs the lost unit again on the other
 * worker, and the reports equal a single-process run's with as many threads as a unit has (one):
 * the same per-image scores, the same table.
 */
class SparkClusterTest {
    static final List<String> GRID = List.of("evaluate", "--normal-class", "trouser,sandal", "--runs", "2",
            "--preset", "quick", "--transforms", "simple8", "--depth", "10", "--widen", "1", "--epochs", "1",
            "--batch-size", "16", "--max-train", "80", "--max-test", "200");

    @TempDir
    static Path dir;

    @Test
    void aGridOnAStandaloneClusterSurvivesALostWorkerAndEqualsASingleProcessRun() throws Exception {
        Path data = SmallFashionMnist.write(RequiredData.fashionMnist(), dir.resolve("fashion"), 3000, 1000);
        Path distributed = dir.resolve("spark-out");
        String log;
        try (SparkStandalone cluster = SparkStandalone.start(dir.resolve("cluster"), 2)) {
            Process driver = cluster.startJvm("driver", "org.geotrans.adapters.cli.GeoTransCli", args(data, distributed,
                    "--spark", cluster.masterUrl(), "--spark-conf", "spark.executor.memory=1500m",
                    "--spark-conf", "spark.driver.host=127.0.0.1"));
            Path driverLog = dir.resolve("cluster").resolve("driver.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (startedExecutors(Files.readString(driverLog, StandardCharsets.UTF_8)) < 2) {
                assertTrue(driver.isAlive() && System.nanoTime() < deadline, "two units never ran at once:" + cluster.logs());
                Thread.sleep(200);
            }
            cluster.killWorker(0);
            assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the driver did not finish:" + cluster.logs());
            log = Files.readString(driverLog, StandardCharsets.UTF_8);
            assertEquals(0, driver.exitValue(), "the driver failed:" + cluster.logs());
        }
        System.out.println(log);
        Matcher lost = Pattern.compile("unit (.+?) \\(attempt 1\\) failed on executor (\\S+) .*").matcher(log);
        assertTrue(lost.find(), "no unit was lost with the worker:\n" + log);
        Matcher retried = Pattern.compile("unit " + Pattern.quote(lost.group(1)) + " \\(attempt 2\\) finished on executor (\\S+) ")
                .matcher(log);
        assertTrue(retried.find(), "the lost unit " + lost.group(1) + " was not run again:\n" + log);
        assertNotEquals(lost.group(2), retried.group(1), "the lost unit ran again on the executor that was lost");

        // one unit holds one core (--cores-per-unit 1, OMP_NUM_THREADS=1 in the executors): the reference
        // computes with one thread too, since oneDNN's sums may differ in the last digits with the thread count
        Path single = dir.resolve("single-out");
        ProcessBuilder singleProcess = new ProcessBuilder(command(args(data, single))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("single.log").toFile());
        singleProcess.environment().put("OMP_NUM_THREADS", "1");
        Process reference = singleProcess.start();
        assertTrue(reference.waitFor(300, TimeUnit.SECONDS), "the single-process run did not finish");
        assertEquals(0, reference.exitValue(), Files.readString(dir.resolve("single.log")));
        List<String> compared = new ArrayList<>(List.of("results.md"));
        try (Stream<Path> files = Files.list(single)) {
            files.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("scores-")).sorted().forEach(compared::add);
        }
        assertEquals(1 + 2 * 2, compared.size(), "one scores file per unit expected: " + compared);
        for (String file : compared) {
            assertEquals(Files.readString(single.resolve(file)), Files.readString(distributed.resolve(file)), file);
        }
    }

    private static String[] args(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(GRID);
        args.addAll(List.of("--data", data.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", SparkStandalone.classPath(), "org.geotrans.adapters.cli.GeoTransCli"));
        command.addAll(List.of(args));
        return command;
    }

    /** How many executors have started a unit so far, by the driver's notes. */
    private static long startedExecutors(String log) throws IOException {
        Matcher m = Pattern.compile("started on executor (\\S+) ").matcher(log);
        List<String> executors = new ArrayList<>();
        while (m.find()) {
            if (!executors.contains(m.group(1))) {
                executors.add(m.group(1));
            }
        }
        return executors.size();
    }
}
