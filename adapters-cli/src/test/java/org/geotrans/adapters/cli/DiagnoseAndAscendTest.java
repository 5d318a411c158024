package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.geotrans.domain.RequiredData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * diagnose and ascend on real Fashion-MNIST with a tiny detector (WRN-10-1, one epoch on 200
 * trouser images, {identity, flip}: the paper's section 6 pair), trained once.
 */
class DiagnoseAndAscendTest {
    @TempDir
    static Path tmp;
    private static Path fashion;
    private static Path model;

    @BeforeAll
    static void trainOnce() {
        fashion = RequiredData.fashionMnist();
        model = tmp.resolve("trouser.geotrans");
        Cli.Result trained = Cli.run(new CliModule(), "train", "--data", fashion.toString(), "--normal-class", "trouser",
                "--preset", "quick", "--transforms", "identity;flip", "--epochs", "1", "--max-train", "200",
                "--model", model.toString());
        assertEquals(0, trained.exitCode(), trained.err());
    }

    @Test
    void diagnoseWritesPerTransformationFiguresAndAHeatMapOnTheTwoClassesAsked() throws Exception {
        Path out = tmp.resolve("diagnosed");
        Cli.Result r = Cli.run(new CliModule(), "diagnose", "--model", model.toString(), "--data", fashion.toString(),
                "--anomaly-classes", "sandal", "--max-test", "300", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("| 1 | flip |"), r.out());

        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("diagnostics.json").toFile());
        assertEquals("Trouser", json.get("normal-class").asText());
        assertEquals(List.of("Sandal"), List.of(json.get("anomaly-classes").get(0).asText()));
        // 300 of the 2,000 trouser and sandal test images, about half of each
        int normals = json.get("normal-images").asInt();
        int anomalies = json.get("anomalous-images").asInt();
        assertEquals(300, normals + anomalies);
        assertTrue(normals > 100 && anomalies > 100, normals + " / " + anomalies);
        JsonNode confusion = json.get("confusion");
        for (int j = 0; j < 2; j++) {
            assertEquals(1.0, confusion.get(j).get(0).asDouble() + confusion.get(j).get(1).asDouble(), 1e-9);
        }
        JsonNode flip = json.get("per-transformation").get(1);
        assertEquals("flip", flip.get("transformation").asText());
        assertEquals(confusion.get(1).get(1).asDouble(), flip.get("accuracy").asDouble(), 1e-12);
        double auroc = json.get("auroc-dirichlet").asDouble();
        assertTrue(auroc > 0 && auroc < 1, "AUROC " + auroc);
        for (String part : List.of("auroc-dirichlet-own-part", "auroc-dirichlet-tail-part")) {
            assertTrue(json.get(part).asDouble() >= 0 && json.get(part).asDouble() <= 1, part + " " + json.get(part));
        }
        assertTrue(r.out().contains("AUROC of the Dirichlet score's parts alone: "), r.out());

        List<String> csv = Files.readAllLines(out.resolve("diagnostics.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(2).startsWith("1,flip,"), csv.get(2));
        BufferedImage heat = ImageIO.read(out.resolve("confusion.png").toFile());
        assertTrue(heat.getWidth() >= 600 && heat.getHeight() >= 600);
    }

    @Test
    void ascendRaisesTheScoreOfASandalAndWritesTheStripAndTheScores() throws Exception {
        Path out = tmp.resolve("ascended");
        // test image 8 of Fashion-MNIST is a sandal
        Cli.Result r = Cli.run(new CliModule(), "ascend", "--model", model.toString(), "--data", fashion.toString(),
                "--test-index", "8", "--steps", "20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("test image 8 ('Sandal')"), r.out());

        List<String> scores = Files.readAllLines(out.resolve("ascent.csv"));
        assertEquals(22, scores.size(), "a header and the score before each of 20 steps and after the last");
        double first = Double.parseDouble(scores.get(1).split(",")[1]);
        double last = Double.parseDouble(scores.get(21).split(",")[1]);
        assertTrue(last > first, first + " -> " + last);
        BufferedImage before = ImageIO.read(out.resolve("before.png").toFile());
        assertEquals(28, before.getWidth());
        assertTrue(ImageIO.read(out.resolve("ascent.png").toFile()).getWidth() > 3 * 28);

        // the image written before the ascent starts it again, from a file
        Cli.Result again = Cli.run(new CliModule(), "ascend", "--model", model.toString(), "--image",
                out.resolve("before.png").toString(), "--steps", "1", "--out", tmp.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.err());
        List<String> one = Files.readAllLines(tmp.resolve("again/ascent.csv"));
        assertEquals(first, Double.parseDouble(one.get(1).split(",")[1]), 1e-6);
    }

    @Test
    void ascendRunsOnALibtorchModelToo() throws Exception {
        Path libtorch = tmp.resolve("trouser-libtorch.geotrans");
        Cli.Result trained = Cli.run(new CliModule(), "train", "--data", fashion.toString(), "--normal-class", "trouser",
                "--preset", "quick", "--transforms", "identity;flip", "--epochs", "1", "--max-train", "200",
                "--backend", "libtorch", "--model", libtorch.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        Path out = tmp.resolve("ascended-libtorch");
        Cli.Result r = Cli.run(new CliModule(), "ascend", "--model", libtorch.toString(), "--data", fashion.toString(),
                "--test-index", "8", "--steps", "20", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> scores = Files.readAllLines(out.resolve("ascent.csv"));
        double first = Double.parseDouble(scores.get(1).split(",")[1]);
        double last = Double.parseDouble(scores.get(21).split(",")[1]);
        assertTrue(last > first, first + " -> " + last);
    }

    @Test
    void badAscentRequestsAreUsageErrorsOfOneLine() throws Exception {
        Cli.Result both = Cli.run(new CliModule(), "ascend", "--model", model.toString(), "--image", "x.png", "--data",
                fashion.toString(), "--test-index", "1", "--out", tmp.resolve("u1").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.lastErrLine().contains("--image FILE, or --data PATH"), both.err());

        Cli.Result steps = Cli.run(new CliModule(), "ascend", "--model", model.toString(), "--data", fashion.toString(),
                "--test-index", "1", "--steps", "0", "--out", tmp.resolve("u2").toString());
        assertEquals(2, steps.exitCode());
        assertTrue(steps.lastErrLine().contains("steps must be 1..100000, found 0"), steps.err());

        BufferedImage wrong = new BufferedImage(30, 28, BufferedImage.TYPE_BYTE_GRAY);
        Path file = tmp.resolve("wrong.png");
        ImageIO.write(wrong, "png", file.toFile());
        Cli.Result size = Cli.run(new CliModule(), "ascend", "--model", model.toString(), "--image", file.toString(),
                "--out", tmp.resolve("u3").toString());
        assertEquals(2, size.exitCode());
        assertTrue(size.lastErrLine().contains("is 30x28, the detector takes 28x28 images"), size.err());

        Path text = tmp.resolve("not-an-image.png");
        Files.writeString(text, "hello");
        Cli.Result notImage = Cli.run(new CliModule(), "ascend", "--model", model.toString(), "--image", text.toString(),
                "--out", tmp.resolve("u6").toString());
        assertEquals(1, notImage.exitCode(), "unreadable data is a failure, as elsewhere");
        assertTrue(notImage.lastErrLine().contains("is not an image Java can read"), notImage.err());
    }

    @Test
    void aRefitShareRefitsTheDirichletsOnSomeNormalTestImagesAndMeasuresOnTheRest() throws Exception {
        Path out = tmp.resolve("refit");
        Cli.Result r = Cli.run(new CliModule(), "diagnose", "--model", model.toString(), "--data", fashion.toString(),
                "--anomaly-classes", "sandal", "--max-test", "300", "--refit-share", "0.5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Dirichlet refitted on "), r.out());

        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("diagnostics.json").toFile());
        JsonNode refit = json.get("refit");
        int normals = json.get("normal-images").asInt();
        assertEquals(Math.round(normals * 0.5), refit.get("fitted-on-normal-images").asInt());
        assertEquals(normals, refit.get("fitted-on-normal-images").asInt() + refit.get("measured-on-normal-images").asInt());
        assertEquals(json.get("anomalous-images").asInt(), refit.get("measured-on-anomalous-images").asInt());
        for (String auroc : List.of("auroc-model-dirichlet", "auroc-refit-dirichlet", "auroc-simplified")) {
            double v = refit.get(auroc).asDouble();
            assertTrue(v > 0 && v < 1, auroc + " " + v);
        }

        Cli.Result bad = Cli.run(new CliModule(), "diagnose", "--model", model.toString(), "--data", fashion.toString(),
                "--refit-share", "1", "--out", tmp.resolve("u6").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.lastErrLine().contains("--refit-share must be at least 0 and below 1"), bad.err());
        Cli.Result tooFew = Cli.run(new CliModule(), "diagnose", "--model", model.toString(), "--data", fashion.toString(),
                "--anomaly-classes", "sandal", "--max-test", "20", "--refit-share", "0.01", "--out", tmp.resolve("u7").toString());
        assertEquals(2, tooFew.exitCode(), tooFew.err());
        assertTrue(tooFew.lastErrLine().contains("leaves fewer than 2 to fit on"), tooFew.err());
        assertFalse(tooFew.err().contains("score ["), "refused before the network scores anything: " + tooFew.err());
    }

    @Test
    void anAnomalyClassThatIsNormalOrUnknownIsAUsageError() {
        Cli.Result normal = Cli.run(new CliModule(), "diagnose", "--model", model.toString(), "--data", fashion.toString(),
                "--anomaly-classes", "trouser", "--out", tmp.resolve("u4").toString());
        assertEquals(2, normal.exitCode());
        assertTrue(normal.lastErrLine().contains("'Trouser' is a normal class here"), normal.err());

        Cli.Result unknown = Cli.run(new CliModule(), "evaluate", "--data", fashion.toString(), "--normal-class", "trouser",
                "--anomaly-classes", "spaceship", "--preset", "quick", "--out", tmp.resolve("u5").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.lastErrLine().contains("spaceship"), unknown.err());
    }
}
