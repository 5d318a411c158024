package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare --detectors with the deep baselines (the real DL4J networks, one epoch) beside a fake
 * GeoTrans on a tiny dataset: every chosen detector's rows, in the column order of the paper's
 * Table 1 whatever order they were asked in, in the table, the CSV files and results.json.
 */
class CompareBaselinesTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Cli.Result result;

    @BeforeAll
    static void compare() throws IOException {
        Path data = TinyIdx.write(tmp, 12, 8);
        out = tmp.resolve("results");
        result = Cli.run("compare", "--data", data.toString(), "--normal-class", "trouser", "--preset", "quick",
                "--transforms", "simple8", "--detectors", "deep-svdd,geotrans,cae-ocsvm", "--baseline-epochs", "1",
                "--seed", "5", "--max-test", "20", "--out", out.toString());
    }

    @Test
    void theTableListsTheChosenDetectorsInTable1sOrder() {
        assertEquals(0, result.exitCode(), result.err());
        List<String> detectors = result.out().lines().skip(2).map(l -> l.substring("Trouser  ".length()).split("  ")[0])
                .toList();
        assertEquals(List.of("CAE-OC-SVM (no hindsight)", "CAE-OC-SVM (hindsight)", "E2E-OC-SVM (Deep SVDD)",
                "GeoTrans (Dirichlet)", "GeoTrans (simplified)"), detectors, result.out());
        assertTrue(result.err().contains("CAE-OC-SVM: training the autoencoder on 12 'Trouser' images, 1 epochs"), result.err());
    }

    @Test
    void theCsvFilesFollowTheSameOrder() throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(List.of("CAE_OCSVM", "CAE_OCSVM_HINDSIGHT", "DEEP_SVDD", "GEOTRANS_DIRICHLET", "GEOTRANS_SIMPLIFIED"),
                rows.stream().skip(1).map(r -> r.split(",")[2]).toList());
        assertEquals("index,label,class,normal,cae-ocsvm,cae-ocsvm-hindsight,deep-svdd,geotrans-dirichlet,geotrans-simplified",
                Files.readAllLines(out.resolve("scores-1-trouser-run0.csv")).get(0));
        assertTrue(Files.size(out.resolve("roc-1-trouser.png")) > 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void resultsJsonSaysHowTheBaselinesTrained() throws IOException {
        Map<String, Object> json = new ObjectMapper().readValue(out.resolve("results.json").toFile(), Map.class);
        assertEquals(1, ((Map<String, Object>) json.get("settings")).get("baseline-epochs"));
        List<Map<String, Object>> runs = (List<Map<String, Object>>) json.get("runs");
        Map<String, Object> svdd = runs.stream().filter(r -> r.get("detector").equals("DEEP_SVDD")).findFirst().orElseThrow();
        Map<String, Object> details = (Map<String, Object>) svdd.get("details");
        assertEquals("1", details.get("epochs"));
        assertTrue(details.get("network").toString().startsWith("One-Class Deep SVDD"), details.toString());
        Map<String, Object> cae = runs.stream().filter(r -> r.get("detector").equals("CAE_OCSVM_HINDSIGHT")).findFirst()
                .orElseThrow();
        assertTrue(((Map<String, Object>) cae.get("details")).get("autoencoder").toString().startsWith("DCGAN-shaped"));
    }
}
