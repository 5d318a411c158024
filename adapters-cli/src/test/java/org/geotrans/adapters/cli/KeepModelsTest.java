package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare --keep-models: the network behind a table, kept, scores the same test images bit for bit. */
class KeepModelsTest {
    @TempDir
    Path tmp;

    @Test
    void givenKeepModels_thenEachUnitsDetectorScoresLikeTheComparison() throws IOException {
        Path data = TinyIdx.write(tmp, 12, 10);
        Path out = tmp.resolve("compare");
        Cli.Result compare = Cli.run("compare", "--data", data.toString(), "--normal-class", "pullover,trouser",
                "--preset", "quick", "--transforms", "simple8", "--seed", "3", "--max-train", "8", "--max-test", "16",
                "--keep-models", "--out", out.toString());
        assertEquals(0, compare.exitCode(), compare.err());
        Path model = out.resolve("models/2-pullover-run0.geotrans");
        assertTrue(Files.isRegularFile(model), "models: " + list(out.resolve("models")));
        assertTrue(Files.isRegularFile(out.resolve("models/1-trouser-run0.geotrans")), "models: " + list(out.resolve("models")));

        Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", data.toString(), "--max-test", "16",
                "--seed", "3", "--normal-class", "pullover", "--out", tmp.resolve("scored").toString());
        assertEquals(0, score.exitCode(), score.err());
        List<String> compared = Files.readAllLines(out.resolve("scores-2-pullover-run0.csv"));
        List<String> scored = Files.readAllLines(tmp.resolve("scored/scores.csv"));
        assertEquals(compared.size(), scored.size());
        String header = compared.get(0);
        int dirichlet = List.of(header.split(",")).indexOf("geotrans-dirichlet");
        int simplified = List.of(header.split(",")).indexOf("geotrans-simplified");
        assertTrue(dirichlet > 0 && simplified > 0, header);
        for (int i = 1; i < scored.size(); i++) {
            String[] c = compared.get(i).split(",");
            String[] s = scored.get(i).split(",");
            assertEquals(c[0], s[0], "same test image");
            assertEquals(c[dirichlet], s[3], "Dirichlet score of test image " + s[0]);
            assertEquals(c[simplified], s[4], "simplified score of test image " + s[0]);
        }
    }

    @Test
    void withoutKeepModels_thenNoModelsFolder() throws IOException {
        Path data = TinyIdx.write(tmp, 4, 2);
        Path out = tmp.resolve("plain");
        Cli.Result compare = Cli.run("compare", "--data", data.toString(), "--normal-class", "0", "--preset", "quick",
                "--transforms", "simple8", "--out", out.toString());
        assertEquals(0, compare.exitCode(), compare.err());
        assertFalse(Files.exists(out.resolve("models")));
    }

    @Test
    void givenKeepModelsWithoutOut_thenAUsageErrorSaysWhereTheyWouldGo() throws IOException {
        Path data = TinyIdx.write(tmp, 4, 2);
        Cli.Result compare = Cli.run("compare", "--data", data.toString(), "--normal-class", "0", "--preset", "quick",
                "--keep-models");
        assertEquals(2, compare.exitCode(), compare.err());
        assertTrue(compare.lastErrLine().contains("--keep-models saves the detectors into --out DIR/models"),
                compare.err());
    }

    @Test
    void givenKeepModelsWithoutGeoTrans_thenAUsageErrorNamesTheDetectors() throws IOException {
        Path data = TinyIdx.write(tmp, 4, 2);
        Cli.Result compare = Cli.run("compare", "--data", data.toString(), "--normal-class", "0", "--preset", "quick",
                "--detectors", "raw-ocsvm", "--keep-models", "--out", tmp.resolve("svm").toString());
        assertEquals(2, compare.exitCode(), compare.err());
        assertTrue(compare.lastErrLine().contains("--detectors has no geotrans"), compare.err());
    }

    private static String list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "(no " + dir + ")";
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }
}
