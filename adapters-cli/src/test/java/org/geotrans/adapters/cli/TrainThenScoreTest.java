package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a deterministic fake network: train + score give evaluate's per-image scores, bit for bit. */
class TrainThenScoreTest {
    @TempDir
    Path tmp;

    @Test
    void trainThenScoreReproducesEvaluate() throws IOException {
        Path data = TinyIdx.write(tmp, 12, 10);
        String[] common = {"--data", data.toString(), "--normal-class", "pullover", "--preset", "quick", "--transforms",
            "simple8", "--seed", "3", "--max-train", "8"};
        Cli.Result evaluate = Cli.run(Cli.concat(new String[] {"evaluate", "--max-test", "16", "--out",
            tmp.resolve("eval").toString()}, common));
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        Path model = tmp.resolve("pullover.geotrans");
        Cli.Result train = Cli.run(Cli.concat(new String[] {"train", "--model", model.toString()}, common));
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("saved to"), train.out());
        Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", data.toString(), "--max-test", "16",
                "--seed", "3", "--normal-class", "pullover", "--out", tmp.resolve("scored").toString());
        assertEquals(0, score.exitCode(), score.err());
        assertTrue(score.out().contains("AUROC of 'Pullover'"), score.out());

        List<String> evaluated = Files.readAllLines(tmp.resolve("eval/scores-2-pullover-run0.csv"));
        List<String> scored = Files.readAllLines(tmp.resolve("scored/scores.csv"));
        assertEquals("index,label,class,dirichlet,simplified,decision", scored.get(0));
        assertEquals(evaluated.size(), scored.size());
        for (int i = 1; i < scored.size(); i++) {
            String[] e = evaluated.get(i).split(",");
            String[] s = scored.get(i).split(",");
            assertEquals(e[0], s[0], "same test image");
            assertEquals(e[4], s[3], "Dirichlet score of test image " + s[0]);
            assertEquals(e[5], s[4], "simplified score of test image " + s[0]);
        }
    }

    @Test
    void anEditedModelIsRefusedWithExitCodeOneAndOneLineNamingTheFile() throws IOException {
        Path data = TinyIdx.write(tmp, 4, 2);
        Path model = tmp.resolve("edited.geotrans");
        Cli.Result train = Cli.run("train", "--data", data.toString(), "--normal-class", "0", "--model", model.toString(),
                "--transforms", "simple8", "--preset", "quick");
        assertEquals(0, train.exitCode(), train.err());
        // one alpha raised to 1e308, written back with a zip tool: the scores would be -Infinity
        Path unzipped = Files.createDirectories(tmp.resolve("unzipped"));
        try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(model))) {
            java.util.zip.ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                Files.write(unzipped.resolve(e.getName()), zip.readAllBytes());
            }
        }
        String alphas = Files.readString(unzipped.resolve("dirichlet.txt"));
        Files.writeString(unzipped.resolve("dirichlet.txt"), "1.0E308" + alphas.substring(alphas.indexOf(' ')));
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(model));
             var names = Files.list(unzipped)) {
            for (Path part : names.sorted().toList()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part.getFileName().toString()));
                zip.write(Files.readAllBytes(part));
                zip.closeEntry();
            }
        }
        Cli.Result score = Cli.run("score", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("scored").toString());
        assertEquals(1, score.exitCode(), score.err());
        assertTrue(score.lastErrLine().contains(model.toString()) && score.lastErrLine().contains("altered"),
                score.lastErrLine());
        assertTrue(!score.err().contains("\tat "), score.err());
    }

    @Test
    void trainRefusesToReplaceAModelWithoutForce() throws IOException {
        Path data = TinyIdx.write(tmp, 4, 2);
        Path model = Files.writeString(tmp.resolve("existing.geotrans"), "keep me");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--normal-class", "0", "--model", model.toString(),
                "--transforms", "simple8");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("keep me", Files.readString(model));
    }
}
