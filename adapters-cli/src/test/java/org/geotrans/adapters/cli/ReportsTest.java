package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare with a fake network on a tiny dataset: the table, and every file in --out. */
class ReportsTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Cli.Result result;

    @BeforeAll
    static void compare() throws IOException {
        Path data = TinyIdx.write(tmp, 12, 8);
        out = tmp.resolve("results");
        result = Cli.run("compare", "--data", data.toString(), "--normal-class", "trouser,0", "--preset", "quick",
                "--transforms", "simple8", "--runs", "2", "--seed", "5", "--max-test", "20", "--out", out.toString());
    }

    @Test
    void compareEndsWithATableOfEveryClassAndDetector() {
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("class"), result.out());
        assertEquals(2 + 2 * 4, lines.size(), result.out());
        assertTrue(result.out().matches("(?s).*\nTrouser +GeoTrans \\(Dirichlet\\) .*"), result.out());
        assertTrue(result.out().matches("(?s).*OC-SVM \\(hindsight\\) +\\d\\.\\d{4} \\+- \\d\\.\\d{4}.*"), result.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsJsonHoldsSettingsVersionsTimingsRunsAndSummaries() throws IOException {
        Map<String, Object> json = new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
        Map<String, Object> settings = (Map<String, Object>) json.get("settings");
        assertEquals("simple8", settings.get("transforms"));
        assertEquals(2, settings.get("runs"));
        assertEquals(5, settings.get("seed"));
        assertEquals(20, settings.get("max-test"));
        assertEquals("quick", json.get("preset"));
        Map<String, Object> versions = (Map<String, Object>) json.get("versions");
        assertEquals("fake backend", versions.get("backend"));
        assertNotNull(versions.get("java"));
        assertTrue(((Map<String, Object>) json.get("timings")).containsKey("experiment-seconds"));
        assertEquals(2 * 4 * 2, ((List<Object>) json.get("runs")).size());
        assertEquals(2 * 4, ((List<Object>) json.get("summaries")).size());
        Map<String, Object> run = (Map<String, Object>) ((List<Object>) json.get("runs")).get(0);
        assertTrue(run.containsKey("auroc") && run.containsKey("details") && !run.containsKey("scores"), run.toString());
    }

    @Test
    void csvAndMarkdownTables() throws IOException {
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 16, csv.size());
        assertTrue(csv.get(0).startsWith("class_index,class,detector,run,seed,auroc"));
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| class | detector | AUROC mean \u00b1 SEM | AUPR-in | AUPR-out | runs |"), md);
        assertTrue(md.contains("| Trouser | OC-SVM (no hindsight) |"), md);
    }

    @Test
    void pngsDecodeWithTheChartSize() throws IOException {
        for (String name : List.of("roc-1-trouser.png", "roc-0-t-shirt-top.png", "hist-1-trouser-geotrans-dirichlet.png",
                "hist-1-trouser-geotrans-simplified.png", "hist-1-trouser-ocsvm.png", "hist-0-t-shirt-top-ocsvm-hindsight.png")) {
            BufferedImage image = ImageIO.read(out.resolve(name).toFile());
            assertNotNull(image, name);
            assertEquals(800, image.getWidth(), name);
            assertEquals(600, image.getHeight(), name);
        }
    }

    @Test
    void perImageScoresOfEveryClassAndRun() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("scores-1-trouser-run1.csv"));
        assertEquals("index,label,class,normal,ocsvm,ocsvm-hindsight,geotrans-dirichlet,geotrans-simplified", rows.get(0));
        assertEquals(1 + 20, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            assertEquals(f[1].equals("1") ? "1" : "0", f[3], row);
        }
    }

    @Test
    void progressGoesToStderrWithStagesAndTimes() {
        assertTrue(result.err().contains("] reading "), result.err());
        assertTrue(result.err().contains("Trouser / GeoTrans (Dirichlet), run 2: AUROC"), result.err());
        assertTrue(result.err().contains("wrote "), result.err());
    }

    @Test
    void givenForce_thenTheFolderIsWrittenAgain() throws IOException {
        Path data = tmp.resolve("fashion-tiny");
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("results.md"), "old");
        Cli.Result again = Cli.run("evaluate", "--data", data.toString(), "--normal-class", "2", "--preset", "quick",
                "--transforms", "simple8", "--max-test", "20", "--out", taken.toString(), "--force");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.readString(taken.resolve("results.md")).contains("Pullover"));
    }
}
