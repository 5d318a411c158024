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
 * killed, with its executor, once its unit has written a training checkpoint; Spark runs the lost
 * unit again on the other worker, where it continues from that checkpoint in the shared --out
 * folder, and the reports equal a single-process run's with as many threads as a unit has (one):
 * the same per-image scores, the same table.
 */
class SparkClusterTest {
    static final List<String> GRID = List.of("evaluate", "--normal-class", "trouser,sandal", "--runs", "2",
            "--preset", "quick", "--transforms", "simple8", "--depth", "10", "--widen", "1", "--epochs", "1",
            "--batch-size", "16", "--max-train", "80", "--max-test", "200", "--checkpoint-every", "0.05");

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
            // worker 0's unit has written a training checkpoint (every 3 s here) into the shared folder
            while (!checkpointed(distributed, unitOnWorker(Files.readString(driverLog, StandardCharsets.UTF_8),
                    dir.resolve("cluster").resolve("work-0")))) {
                assertTrue(driver.isAlive() && System.nanoTime() < deadline, "worker 0's unit wrote no checkpoint:" + cluster.logs());
                Thread.sleep(100);
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
        String survivor = executorOutput(dir.resolve("cluster").resolve("work-1"));
        assertTrue(survivor.contains("resumed at step"), "the retried unit did not continue from its checkpoint:\n" + survivor);

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

    /**
     * The checkpoint folder name ("1-trouser-run1") of the unit that the executor under a worker's
     * work folder started, by the driver's notes; null until it has started one.
     */
    private static String unitOnWorker(String driverLog, Path workFolder) throws IOException {
        if (!Files.isDirectory(workFolder)) {
            return null;
        }
        String executor;
        try (Stream<Path> found = Files.find(workFolder, 2, (p, a) -> a.isDirectory() && p.getParent().getFileName().toString().startsWith("app-"))) {
            executor = found.map(p -> p.getFileName().toString()).findFirst().orElse(null);
        }
        Matcher m = Pattern.compile("unit (.+), run (\\d+) \\(attempt 1\\) started on executor " + executor + " ").matcher(driverLog);
        return executor == null || !m.find() ? null
                : "-" + m.group(1).toLowerCase(java.util.Locale.ROOT) + "-run" + (Integer.parseInt(m.group(2)) - 1);
    }

    private static boolean checkpointed(Path out, String unitSuffix) throws IOException {
        Path checkpoints = out.resolve("checkpoints");
        if (unitSuffix == null || !Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".bin") && p.getParent().getFileName().toString().endsWith(unitSuffix));
        }
    }

    /** What the executors under a worker's work folder wrote to stderr. */
    private static String executorOutput(Path workFolder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(workFolder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                text.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
