package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/ratios.py, which ends bench/side_by_side.sh with issue #10's ratios, on a side-by-side
 * output made of rows measured on 2026-12-02 (adapters-libtorch/BENCHMARK.md): PyTorch's best rates
 * are the maxima over its rows, and each GeoTrans row, libtorch's and DL4J's table alike, is divided
 * by them.
 */
class BenchRatiosTest {
    @TempDir
    Path tmp;

    private static final Path SCRIPT = Path.of("..", "bench", "ratios.py").toAbsolutePath().normalize();

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", SCRIPT.toString(), input.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void eachGeoTransRowIsDividedByPyTorchsBestRates() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        Path sample = Path.of("src", "test", "resources", "bench", "side-by-side-sample.txt");
        Run r = run(sample);
        assertEquals(0, r.exitCode(), r.output());
        List<String> lines = r.output().lines().toList();
        assertTrue(lines.get(0).contains("448.2 img/s"), lines.get(0));
        assertTrue(lines.get(1).contains("1573.7 img/s"), lines.get(1));
        // 488.7 / 448.2 and 1846.2 / 1573.7; 117.9 / 448.2 and 633.7 / 1573.7
        assertTrue(lines.get(2).matches("GeoTrans libtorch bf16 32x32x3 +train +488\\.7 img/s = 1\\.09x, inference +1846\\.2 img/s = 1\\.17x"),
                lines.get(2));
        assertTrue(lines.get(3).matches("GeoTrans dl4j fp32 32x32x3 +train +117\\.9 img/s = 0\\.26x, inference +633\\.7 img/s = 0\\.40x"),
                lines.get(3));
        assertEquals(4, lines.size(), String.join("\n", lines));
    }

    @Test
    void givenAFileWithoutRows_thenItSaysSoAndFails() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "# nothing measured\n");
        Run r = run(empty);
        assertEquals(1, r.exitCode(), r.output());
        assertTrue(r.output().startsWith("ratios: no PyTorch or no GeoTrans rows in"), r.output());
    }
}
