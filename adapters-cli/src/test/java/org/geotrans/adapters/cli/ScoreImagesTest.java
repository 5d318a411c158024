package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score --images with a deterministic fake network: files, folders, zips, skipped files, ranking, thresholds. */
class ScoreImagesTest {
    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void train() throws IOException {
        Path data = TinyIdx.write(tmp, 20, 4);
        model = tmp.resolve("m.geotrans");
        Cli.Result train = Cli.run("train", "--data", data.toString(), "--normal-class", "0", "--model", model.toString(),
                "--transforms", "simple8", "--preset", "quick", "--calibration-share", "0.25");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("decision threshold at a false-alarm rate of 0.05 on 5 normal images"), train.out());
    }

    private static void png(Path file, int height, int width, boolean rgb, long seed) throws IOException {
        BufferedImage image = new BufferedImage(width, height, rgb ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private Path folderWithOneBrokenFile() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("new"));
        png(folder.resolve("a.png"), 28, 28, false, 1);
        png(folder.resolve("b, wide.png"), 30, 50, true, 2);
        png(folder.resolve("c.png"), 300, 200, true, 3);
        png(folder.resolve(".hidden.png"), 28, 28, false, 4);
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        Files.createDirectories(folder.resolve("sub"));
        png(folder.resolve("sub/ignored.png"), 28, 28, false, 5);
        return folder;
    }

    @Test
    void aFolderIsScoredWithDecisionsAndItsUnreadableFileIsListedSkippedAndToldByTheExitCode() throws IOException {
        Path folder = folderWithOneBrokenFile();
        Cli.Result r = Cli.run("score", "--model", model.toString(), "--images", folder.toString(), "--out",
                tmp.resolve("s").toString());
        assertEquals(ImageScoring.EXIT_SKIPPED, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("s/scores.csv"));
        assertEquals("file,dirichlet,simplified,decision", csv.get(0));
        assertEquals(4, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("a.png,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("\"b, wide.png\","), csv.get(2));
        for (String row : csv.subList(1, 4)) {
            assertTrue(row.endsWith(",anomaly") || row.endsWith(",normal"), row);
        }
        List<String> skipped = Files.readAllLines(tmp.resolve("s/skipped.txt"));
        assertEquals(1, skipped.size(), String.join("\n", skipped));
        assertTrue(skipped.get(0).contains("notes.txt"), skipped.get(0));
        assertTrue(r.err().contains("skipped: ") && r.err().contains("notes.txt"), r.err());
        assertTrue(r.out().contains("skipped 1 unreadable file"), r.out());
    }

    @Test
    void aZipAndASingleFileAreScoredLikeTheFolderWithExitCodeZeroWhenNothingIsSkipped() throws IOException {
        Path folder = folderWithOneBrokenFile();
        Cli.Result fromFolder = Cli.run("score", "--model", model.toString(), "--images", folder.toString(), "--out",
                tmp.resolve("f").toString());
        Path zip = tmp.resolve("images.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("a.png", "b, wide.png", "c.png")) {
                out.putNextEntry(new ZipEntry("batch/" + name));
                out.write(Files.readAllBytes(folder.resolve(name)));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("__MACOSX/batch/._a.png"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        Cli.Result fromZip = Cli.run("score", "--model", model.toString(), "--images", zip.toString(), "--out",
                tmp.resolve("z").toString());
        assertEquals(0, fromZip.exitCode(), fromZip.err());
        assertFalse(Files.exists(tmp.resolve("z/skipped.txt")));
        List<String> f = Files.readAllLines(tmp.resolve("f/scores.csv"));
        List<String> z = Files.readAllLines(tmp.resolve("z/scores.csv"));
        assertEquals(f.size(), z.size());
        for (int i = 1; i < f.size(); i++) {
            assertEquals(f.get(i).substring(f.get(i).indexOf(".png") + 4),
                    z.get(i).substring(z.get(i).indexOf(".png") + 4), "same scores and decision, row " + i);
        }
        Cli.Result single = Cli.run("score", "--model", model.toString(), "--images", folder.resolve("c.png").toString(),
                "--out", tmp.resolve("one").toString());
        assertEquals(0, single.exitCode(), single.err());
        List<String> one = Files.readAllLines(tmp.resolve("one/scores.csv"));
        assertEquals(2, one.size());
        assertEquals(f.get(3), one.get(1));
    }

    @Test
    void topKeepsTheMostAnomalousFirstAndDrawsThemAndAThresholdGivenByTheUserOverridesTheModels() throws IOException {
        Path folder = folderWithOneBrokenFile();
        Cli.Result r = Cli.run("score", "--model", model.toString(), "--images", folder.toString(), "--top", "2",
                "--score", "simplified", "--threshold", "1e9", "--out", tmp.resolve("t").toString());
        assertEquals(ImageScoring.EXIT_SKIPPED, r.exitCode(), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("t/scores.csv"));
        assertEquals(3, csv.size());
        double first = Double.parseDouble(csv.get(1).split(",")[csv.get(1).split(",").length - 2]);
        double second = Double.parseDouble(csv.get(2).split(",")[csv.get(2).split(",").length - 2]);
        assertTrue(first <= second, "most anomalous (lowest simplified score) first: " + csv);
        assertTrue(csv.get(1).endsWith(",anomaly") && csv.get(2).endsWith(",anomaly"), "everything is below 1e9");
        assertTrue(r.out().contains("given by the user"), r.out());
        BufferedImage sheet = ImageIO.read(tmp.resolve("t/contact-sheet.png").toFile());
        assertTrue(sheet.getWidth() > 2 * 128 && sheet.getHeight() > 128, sheet.getWidth() + "x" + sheet.getHeight());
    }

    @Test
    void aModelWithoutThresholdScoresWithAnEmptyDecisionAndSaysWhy() throws IOException {
        Path data = TinyIdx.write(tmp.resolve("d2"), 20, 4);
        Path plain = tmp.resolve("plain.geotrans");
        Cli.Result train = Cli.run("train", "--data", data.toString(), "--normal-class", "0", "--model", plain.toString(),
                "--transforms", "simple8", "--preset", "quick", "--calibration-share", "0");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("no decision threshold"), train.out());
        Path folder = folderWithOneBrokenFile();
        Cli.Result r = Cli.run("score", "--model", plain.toString(), "--images", folder.resolve("a.png").toString(),
                "--out", tmp.resolve("p").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("no calibrated threshold"), r.out());
        assertTrue(Files.readAllLines(tmp.resolve("p/scores.csv")).get(1).endsWith(","), "empty decision");
    }

    @Test
    void usageErrorsNameTheConflict() throws IOException {
        Path folder = folderWithOneBrokenFile();
        Cli.Result both = Cli.run("score", "--model", model.toString(), "--images", folder.toString(), "--data",
                folder.toString(), "--out", tmp.resolve("u1").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.lastErrLine().contains("one of the two"), both.err());
        Cli.Result topWithData = Cli.run("score", "--model", model.toString(), "--data", folder.toString(), "--top", "3",
                "--out", tmp.resolve("u2").toString());
        assertEquals(2, topWithData.exitCode());
        Cli.Result missing = Cli.run("score", "--model", model.toString(), "--images", tmp.resolve("nope").toString(),
                "--out", tmp.resolve("u3").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.lastErrLine().contains("nope"), missing.err());
    }
}
