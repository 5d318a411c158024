package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One exact AUROC, end to end through the command line: data written by TinyIdx, the seeded
 * subsets, the transformations, the training stream and the Dirichlet fit and scores are the
 * production code; only the network is TestModule's deterministic fake, so the figures are the
 * same on every machine (a real network's last digits depend on the CPU's oneDNN kernels). A change
 * anywhere on that path that moves a score moves these figures, where a floor would not notice.
 */
class PinnedAurocTest {
    @TempDir
    Path tmp;

    @Test
    void evaluateOnTinyIdxWithSeedThreeGivesExactlyThePinnedAurocs() throws IOException {
        Path data = TinyIdx.write(tmp, 12, 10);
        Path out = tmp.resolve("eval");
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--normal-class", "0", "--preset", "quick",
                "--transforms", "simple8", "--seed", "3", "--max-train", "10", "--max-test", "0", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());

        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(lines.get(0).startsWith("class_index,class,detector,run,seed,auroc,aupr_in,"), lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            rows.put(cells[2], cells);
        }
        // obtained by running this very command once (2026-12-01, commit of this test) and copying
        // results.csv's auroc and aupr_in columns: 30 test images, 10 of them T-shirt/top
        assertEquals(1.0, Double.parseDouble(rows.get("GEOTRANS_DIRICHLET")[5]), 1e-9);
        assertEquals(0.505, Double.parseDouble(rows.get("GEOTRANS_SIMPLIFIED")[5]), 1e-9);
        assertEquals(0.332137687733663, Double.parseDouble(rows.get("GEOTRANS_SIMPLIFIED")[6]), 1e-9);
    }
}
