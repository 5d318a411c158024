package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --spark on the plain CLI, the checks before any data is read, and the units' own command lines. */
class GridOptionsTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyIdx.write(tmp, 6, 4);
    }

    @Test
    void givenSparkWithoutTheSparkAdapter_thenAUsageErrorNamesTheJarAndNothingIsWritten() {
        Path out = tmp.resolve("no-adapter");
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--out", out.toString(), "--spark", "local[1]");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("geotrans-spark.jar"), r.lastErrLine());
        assertFalse(Files.exists(out), "nothing is written before the engine is found");
    }

    @Test
    void givenSparkWithRelativePaths_thenAUsageErrorAsksForPathsEveryWorkerSees() {
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--out", "relative/out", "--spark", "local[1]");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("absolute path that every worker sees"), r.lastErrLine());
        r = Cli.run("evaluate", "--data", "relative/data", "--out", tmp.resolve("o").toString(), "--spark", "local[1]");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("--data as an absolute path"), r.lastErrLine());
    }

    @Test
    void givenAUnitThatIsNotInTheRun_thenAUsageError() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("unit-out"));
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--out", out.toString(), "--resume", "--unit", "7:x");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("--unit expects CLASS:RUN"), r.lastErrLine());
        r = Cli.run("evaluate", "--data", data.toString(), "--unit", "0:0");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("needs --out and --resume"), r.lastErrLine());
    }

    @Test
    void aUnitsCommandLineIsTheGridsWithoutTheGridOptionsResumedAndRestrictedToTheUnit() {
        List<String> original = List.of("--verbose", "compare", "--data", "/d", "--spark", "spark://m:7077",
                "--spark-conf", "spark.executor.memory=6g", "--cores-per-unit=2", "--force", "--normal-class", "all",
                "--out", "/o", "--resume");
        assertEquals(List.of("--verbose", "compare", "--data", "/d", "--normal-class", "all", "--out", "/o", "--resume",
                "--unit", "3:1"), GridOptions.unitArguments(original, "compare", 3, 1));
    }
}
