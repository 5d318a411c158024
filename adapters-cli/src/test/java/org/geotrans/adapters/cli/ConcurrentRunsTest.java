package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs started together that write to the same new file or folder, without --force:
 * exactly one succeeds, the other is a usage error (exit 2), and what the first wrote stays.
 */
class ConcurrentRunsTest {
    private static final int ROUNDS = 3;
    private static ExecutorService pool;
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void start() throws IOException {
        data = TinyIdx.write(tmp, 6, 4);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoTrainsToTheSameNewModel() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path model = tmp.resolve("model-" + round + ".geotrans");
            List<Cli.Result> results = together("train", "--data", data.toString(), "--normal-class", "1", "--preset",
                    "quick", "--transforms", "simple8", "--model", model.toString());
            assertOneWinner(results, "round " + round);
            assertTrue(loser(results).lastErrLine().contains("already exists"), loser(results).lastErrLine());
            Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", data.toString(), "--out",
                    tmp.resolve("scored-" + round).toString());
            assertEquals(0, score.exitCode(), "the winner's model is whole: " + score.err());
        }
    }

    @Test
    void twoEvaluationsToTheSameNewFolder() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path out = tmp.resolve("results-" + round);
            List<Cli.Result> results = together("evaluate", "--data", data.toString(), "--normal-class", "1", "--preset",
                    "quick", "--transforms", "simple8", "--out", out.toString());
            assertOneWinner(results, "round " + round);
            String told = loser(results).lastErrLine();
            assertTrue(told.contains("being written by another run") || told.contains("not empty"), told);
            assertTrue(Files.isRegularFile(out.resolve("results.json")));
            try (FolderLock released = FolderLock.acquire(out.resolve(OutputOptions.CLAIM), "still locked")) {
                assertTrue(Files.isRegularFile(out.resolve(OutputOptions.CLAIM)), "the lock is released once the run ends");
            }
        }
    }

    @Test
    void twoTrainsIntoTheSameNewOutFolder() throws Exception {
        Path out = tmp.resolve("trained");
        List<Cli.Result> results = together("train", "--data", data.toString(), "--normal-class", "1", "--preset",
                "quick", "--transforms", "simple8", "--out", out.toString());
        assertOneWinner(results, "train --out");
        try (var files = Files.list(out)) {
            // besides the model: the folder's lock marker and the run's record for --resume; no temporary files
            assertEquals(List.of(out.resolve(TrainCommand.MODEL_FILE)), files
                    .filter(f -> !f.getFileName().toString().equals(OutputOptions.CLAIM))
                    .filter(f -> !f.getFileName().toString().equals(org.geotrans.adapters.cli.report.RunManifest.FILE))
                    .toList());
        }
    }

    private static List<Cli.Result> together(String... args) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Cli.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return Cli.run(args);
            }));
        }
        List<Cli.Result> results = new ArrayList<>();
        for (Future<Cli.Result> run : runs) {
            results.add(run.get());
        }
        return results;
    }

    private static void assertOneWinner(List<Cli.Result> results, String what) {
        List<Integer> codes = results.stream().map(Cli.Result::exitCode).sorted().toList();
        assertEquals(List.of(0, 2), codes, what + ": " + results.get(0).err() + " | " + results.get(1).err());
    }

    private static Cli.Result loser(List<Cli.Result> results) {
        return results.get(0).exitCode() == 2 ? results.get(0) : results.get(1);
    }
}
