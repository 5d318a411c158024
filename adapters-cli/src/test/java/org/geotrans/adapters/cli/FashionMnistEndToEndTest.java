package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.geotrans.domain.RequiredData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check on real data and the real network, on a tiny budget (simple8, WRN-10-1,
 * 40 training images, 100 test images): evaluate in this process, then train and score each in a
 * new process, give the same per-image scores for the same seed: the default one, 0, which ND4J
 * once took as "random". Skipped without Fashion-MNIST, failed without it under CI=true
 * ({@code bash scripts/install-data.sh} installs it).
 */
class FashionMnistEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void trainThenScoreInNewProcessesReproduceEvaluate() throws Exception {
        Path fashion = RequiredData.fashionMnist();
        List<String> budget = List.of("--data", fashion.toString(), "--normal-class", "trouser", "--preset", "quick",
                "--transforms", "simple8", "--depth", "10", "--widen", "1", "--epochs", "1", "--max-train", "40");
        List<String> evaluate = new ArrayList<>(List.of("evaluate", "--max-test", "100", "--out", tmp.resolve("eval").toString()));
        evaluate.addAll(budget);
        Cli.Result evaluated = Cli.run(new CliModule(), evaluate.toArray(String[]::new));
        assertEquals(0, evaluated.exitCode(), evaluated.err());

        Path model = tmp.resolve("trouser.geotrans");
        List<String> train = new ArrayList<>(List.of("train", "--model", model.toString()));
        train.addAll(budget);
        newProcess(train);
        String scoreOutput = newProcess(List.of("score", "--model", model.toString(), "--data", fashion.toString(),
                "--max-test", "100", "--normal-class", "trouser", "--out", tmp.resolve("scored").toString()));
        assertTrue(scoreOutput.contains("AUROC of 'Trouser'"), scoreOutput);

        List<String> e = Files.readAllLines(tmp.resolve("eval/scores-1-trouser-run0.csv"));
        List<String> s = Files.readAllLines(tmp.resolve("scored/scores.csv"));
        assertEquals(101, s.size());
        assertEquals(e.size(), s.size());
        for (int i = 1; i < s.size(); i++) {
            String[] ev = e.get(i).split(",");
            String[] sc = s.get(i).split(",");
            assertEquals(ev[0], sc[0], "same test image");
            assertEquals(Double.parseDouble(ev[4]), Double.parseDouble(sc[3]), 0.0, "Dirichlet score of test image " + sc[0]);
            assertEquals(Double.parseDouble(ev[5]), Double.parseDouble(sc[4]), 0.0, "simplified score of test image " + sc[0]);
        }
    }

    /** Runs the CLI's main in a new JVM; returns its output, failing with it on a non-zero exit. */
    private String newProcess(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), GeoTransCli.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + output);
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
