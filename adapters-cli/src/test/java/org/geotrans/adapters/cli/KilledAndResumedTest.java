package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.geotrans.domain.RequiredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare on real Fashion-MNIST and the real network, at a tiny size, in child JVMs: killed with
 * SIGTERM during training (a checkpoint is written on the way out), then with SIGKILL during
 * training, during the Dirichlet fit and during scoring (each after a checkpoint of its own) and
 * between units, each time continued with --resume (once with the newest checkpoint damaged): the
 * per-image scores and the AUROCs equal an uninterrupted run's exactly. Skipped without
 * Fashion-MNIST.
 */
class KilledAndResumedTest {
    private static final Path FASHION = RequiredData.FASHION_MNIST;
    private static final List<String> RUN = List.of("compare", "--data", FASHION.toString(),
            "--normal-class", "trouser,sandal", "--preset", "quick", "--transforms", "simple8", "--depth", "10",
            "--widen", "1", "--epochs", "2", "--batch-size", "8", "--max-train", "200", "--held-out", "0.9",
            "--max-test", "600");
    private static final String FIRST_UNIT = "1-trouser-run0";

    @TempDir
    Path tmp;

    @Test
    void killedAtEveryStageAndResumedGivesTheUninterruptedScores() throws Exception {
        RequiredData.fashionMnist();
        Path reference = tmp.resolve("reference");
        Child uninterrupted = start(reference, "reference");
        assertEquals(0, uninterrupted.waitFor(), uninterrupted.log());

        Path out = tmp.resolve("interrupted");
        Path checkpoints = out.resolve("checkpoints").resolve(FIRST_UNIT);

        // SIGTERM during training: the trainer saves at its next step boundary before the JVM exits
        Child terminated = start(out, "sigterm");
        terminated.when(() -> terminated.log().contains("train epoch"));
        terminated.process.destroy();
        assertEquals(143, terminated.waitFor(), terminated.log());
        assertTrue(terminated.log().contains("checkpoint written before exit"), terminated.log());
        long signalled = newestStep(checkpoints);

        // SIGKILL during training, a few checkpoints later
        Child training = start(out, "training", "--resume", "--checkpoint-every", "0.0001");
        training.when(() -> training.log().contains(String.format("resumed at step %d of 36", signalled))
                && newestStep(checkpoints) >= signalled + 4);
        training.kill();
        // the newest two are kept; a kill between a rename and the pruning leaves a third, pruned by the next save
        List<Path> kept = checkpointFiles(checkpoints);
        assertTrue(kept.size() == 2 || kept.size() == 3, kept.toString());
        Path newest = kept.get(kept.size() - 1);
        long previous = step(kept.get(kept.size() - 2));
        try (RandomAccessFile f = new RandomAccessFile(newest.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xFF);
        }

        // SIGKILL during the Dirichlet fit, once it saved some transformations' predictions; the
        // damaged training checkpoint is passed over for the previous one
        Child fit = start(out, "fit", "--resume", "--checkpoint-every", "0.0001");
        fit.when(() -> !checkpointFiles(checkpoints.resolve("dirichlet-fit")).isEmpty());
        fit.kill();
        assertEquals(1, fit.log().lines().filter(l -> l.contains("is damaged")).count(), fit.log());
        assertTrue(fit.log().contains(newest.getFileName() + " is damaged (its checksum does not match); using the previous one"),
                fit.log());
        assertTrue(fit.log().contains(String.format("resumed at step %d of 36", previous)), fit.log());

        // SIGKILL during scoring, once it saved a chunk: neither training nor the fit's saved part is repeated
        Child scoring = start(out, "scoring", "--resume", "--checkpoint-every", "0.0001");
        scoring.when(() -> !checkpointFiles(checkpoints.resolve("scoring")).isEmpty());
        scoring.kill();
        assertTrue(scoring.log().contains("resumed at step 36 of 36"), scoring.log());
        assertTrue(Pattern.compile("resumed the Dirichlet fit with [1-7] of 8 transformations done").matcher(scoring.log()).find(),
                scoring.log());

        // SIGKILL between units: the first one is on disk
        Child between = start(out, "between", "--resume");
        between.when(() -> Files.exists(out.resolve("units").resolve(FIRST_UNIT + ".json")));
        between.kill();
        assertTrue(Pattern.compile("resumed scoring with (256|512) of 600 images done").matcher(between.log()).find(),
                between.log());

        Child last = start(out, "last", "--resume");
        assertEquals(0, last.waitFor(), last.log());
        assertTrue(last.log().contains("Trouser, run 1: finished before, read back"), last.log());

        for (String scores : List.of("scores-1-trouser-run0.csv", "scores-5-sandal-run0.csv")) {
            assertEquals(Files.readString(reference.resolve(scores)), Files.readString(out.resolve(scores)), scores);
        }
        assertEquals(Files.readString(reference.resolve("results.md")), Files.readString(out.resolve("results.md")));
        assertEquals(Files.readAllLines(reference.resolve("units/5-sandal-run0.json")).size(),
                Files.readAllLines(out.resolve("units/5-sandal-run0.json")).size());
        assertTrue(checkpointFiles(checkpoints).isEmpty(), "a recorded unit's checkpoints are deleted");
    }

    private Child start(Path out, String name, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), GeoTransCli.class.getName()));
        command.addAll(RUN);
        command.addAll(List.of("--out", out.toString()));
        command.addAll(List.of(extra));
        Path log = tmp.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GEOTRANS_PROGRESS", "bar"); // every progress event, so the kill points show at once
        return new Child(builder.start(), log);
    }

    private record Child(Process process, Path logFile) {
        String log() {
            try {
                return Files.readString(logFile, StandardCharsets.UTF_8).replace('\r', '\n');
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        /** Waits until the condition holds while the child runs; fails when it ends first. */
        void when(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    fail("the run ended (exit " + process.exitValue() + ") before the kill point: " + log());
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    fail("the kill point never came: " + log());
                }
                Thread.sleep(10);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertEquals(137, waitFor(), "killed by SIGKILL");
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("timed out: " + log());
            }
            return process.exitValue();
        }
    }

    private static List<Path> checkpointFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().matches("checkpoint-\\d+\\.bin")).sorted().toList();
        } catch (IOException e) {
            return List.of(); // the folder went away between the check and the listing
        }
    }

    private static long newestStep(Path folder) {
        List<Path> files = checkpointFiles(folder);
        return files.isEmpty() ? -1 : step(files.get(files.size() - 1));
    }

    private static long step(Path checkpoint) {
        Matcher m = Pattern.compile("checkpoint-(\\d+)\\.bin").matcher(checkpoint.getFileName().toString());
        assertTrue(m.matches(), checkpoint.toString());
        return Long.parseLong(m.group(1));
    }
}
