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

class ErrorsAndUsageTest {
    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws IOException {
        data = TinyIdx.write(tmp, 6, 4);
    }

    private static void assertOneLineFailure(Cli.Result r, int code, String expectedInMessage) {
        assertEquals(code, r.exitCode(), r.err());
        assertEquals(1, r.errLines().stream().filter(l -> !l.startsWith("[") && !l.startsWith("  ")).count(), r.err());
        assertTrue(r.lastErrLine().contains(expectedInMessage), r.lastErrLine());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("", "train", "score", "evaluate", "compare", "diagnose", "ascend", "ood", "bench")) {
            Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().contains("Usage: geotrans"), r.out());
        }
        assertTrue(Cli.run("compare", "--help").out().contains("--ocsvm-max-train"));
        assertTrue(Cli.run("--version").out().startsWith("geotrans "));
    }

    @Test
    void givenAnUnknownDetector_thenTheDetectorsAreListed() {
        Cli.Result r = Cli.run("compare", "--data", data.toString(), "--detectors", "svdd");
        assertOneLineFailure(r, 2, "--detectors: unknown detector 'svdd'; the detectors are raw-ocsvm, cae-ocsvm, deep-svdd, "
                + "dsebm, dagmm, adgan, geotrans or all");
    }

    @Test
    void givenAdganOnDl4j_thenItIsRefusedBeforeAnyWorkNotAfterTraining() {
        Cli.Result r = Cli.run("compare", "--data", data.toString(), "--detectors", "geotrans,adgan", "--backend", "dl4j");
        assertOneLineFailure(r, 2, "--detectors: adgan runs on libtorch only (on DL4J it was not shown to learn at a"
                + " budget this CPU can run); drop --backend dl4j");
    }

    @Test
    void givenNoCommand_thenUsageErrorInOneLine() {
        assertOneLineFailure(Cli.run(), 2, "choose a command");
    }

    @Test
    void givenAnUnknownOption_thenExitCodeTwoAndOneLine() {
        assertOneLineFailure(Cli.run("evaluate", "--data", data.toString(), "--bogus"), 2, "Unknown option: '--bogus'");
    }

    @Test
    void givenAMissingRequiredOption_thenExitCodeTwo() {
        assertOneLineFailure(Cli.run("train", "--normal-class", "trouser"), 2, "--data");
    }

    @Test
    void givenAnUnknownClass_thenTheClassesAreListed() {
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--normal-class", "trousers", "--preset", "quick");
        assertOneLineFailure(r, 2, "unknown class 'trousers'");
        assertTrue(r.lastErrLine().contains("Trouser"), r.lastErrLine());
    }

    @Test
    void givenAMissingDataPath_thenExitCodeOne() {
        assertOneLineFailure(Cli.run("evaluate", "--data", tmp.resolve("nowhere").toString()), 1, "nowhere");
    }

    @Test
    void givenTruncatedData_thenExitCodeOne() throws IOException {
        Path broken = Files.createDirectories(tmp.resolve("broken-fashion"));
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.copy(data.resolve(name), broken.resolve(name));
        }
        byte[] bytes = Files.readAllBytes(data.resolve("train-images-idx3-ubyte"));
        Files.write(broken.resolve("train-images-idx3-ubyte"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineFailure(Cli.run("evaluate", "--data", broken.toString(), "--preset", "quick"), 1, "train-images-idx3-ubyte");
    }

    @Test
    void givenACorruptModel_thenExitCodeOne() throws IOException {
        Path model = Files.writeString(tmp.resolve("garbage.geotrans"), "not a model");
        assertOneLineFailure(Cli.run("score", "--model", model.toString(), "--data", data.toString(), "--out",
                tmp.resolve("scored-garbage").toString()), 1, "not a GeoTrans model file");
        assertOneLineFailure(Cli.run("score", "--model", tmp.resolve("absent.geotrans").toString(), "--data",
                data.toString(), "--out", tmp.resolve("scored-absent").toString()), 1, "absent.geotrans");
    }

    @Test
    void givenANonEmptyOutWithoutForce_thenExitCodeTwoAndTheFolderIsUntouched() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(out.resolve("results.json"), "mine");
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--normal-class", "trouser", "--out", out.toString());
        assertOneLineFailure(r, 2, "not empty");
        assertEquals("mine", Files.readString(out.resolve("results.json")));
        try (var files = Files.list(out)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void givenABadSetting_thenUsageError() {
        assertOneLineFailure(Cli.run("evaluate", "--data", data.toString(), "--normal-class", "1", "--depth", "11"), 2,
                "depth must be 6n + 4");
        assertOneLineFailure(Cli.run("evaluate", "--data", data.toString(), "--normal-class", "1", "--transforms", "spin"), 2,
                "spin");
        // Fashion-MNIST pads to 32x32, where a shift by 32 either way mirrors the image
        assertOneLineFailure(Cli.run("evaluate", "--data", data.toString(), "--normal-class", "1", "--transforms",
                "identity;tx32;tx-32"), 2, "tx32 and tx-32");
        assertOneLineFailure(Cli.run("evaluate", "--data", data.toString(), "--normal-class", "1", "--transforms",
                "paper72:32"), 2, "act the same on 32x32 images");
    }

    @Test
    void givenVerbose_thenTheStackTraceFollowsTheLine() {
        Cli.Result r = Cli.run("evaluate", "--verbose", "--data", tmp.resolve("nowhere").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void benchPassesItsOptionsThrough() {
        TestModule module = new TestModule();
        Cli.Result r = Cli.run(module.overCliModule(), "bench", "--depth", "10", "--shapes", "32x32x1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(List.of("--depth", "10", "--shapes", "32x32x1")), module.benchmarkCalls);
        assertTrue(r.out().contains("train img/s"));
        assertOneLineFailure(Cli.run("bench", "--bogus", "1"), 2, "unknown option --bogus");
    }
}
