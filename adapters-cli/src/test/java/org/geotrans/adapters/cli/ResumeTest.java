package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume with a fake network: units on disk, read back, and runs that are not the same refused. */
class ResumeTest {
    @TempDir
    Path tmp;
    Path data;
    Path out;

    @BeforeEach
    void data() throws IOException {
        data = TinyIdx.write(tmp, 12, 8);
        out = tmp.resolve("results");
    }

    private Cli.Result compare(String... extra) {
        List<String> args = new ArrayList<>(List.of("compare", "--data", data.toString(), "--normal-class", "trouser,0",
                "--preset", "quick", "--transforms", "simple8", "--runs", "2", "--seed", "5", "--max-test", "20",
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private List<String> units() throws IOException {
        try (Stream<Path> s = Files.list(out.resolve("units"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyFinishedUnitIsOnDiskAndAResumedRunReadsThemBackToTheSameResults() throws IOException {
        Cli.Result first = compare();
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(List.of("0-t-shirt-top-run0.json", "0-t-shirt-top-run1.json", "1-trouser-run0.json",
                "1-trouser-run1.json"), units());
        assertTrue(Files.exists(out.resolve("geotrans-run.json")));
        String scores = Files.readString(out.resolve("scores-1-trouser-run1.csv"));
        List<String> aurocs = aurocColumn(Files.readAllLines(out.resolve("results.csv")));

        // as if killed after three units: the last unit and the reports are missing
        Files.delete(out.resolve("units/1-trouser-run1.json"));
        for (String f : List.of("results.json", "results.csv", "results.md", "scores-1-trouser-run1.csv")) {
            Files.delete(out.resolve(f));
        }
        Cli.Result resumed = compare("--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(3, resumed.err().lines().filter(l -> l.contains("finished before, read back")).count(), resumed.err());
        assertEquals(first.out(), resumed.out(), "the same table");
        assertEquals(scores, Files.readString(out.resolve("scores-1-trouser-run1.csv")));
        assertEquals(aurocs, aurocColumn(Files.readAllLines(out.resolve("results.csv"))));
    }

    @Test
    void aResumeIntoANewFolderStartsTheRun_asTheReproductionScriptDoesForEveryClass() throws IOException {
        Cli.Result first = compare("--resume");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.exists(out.resolve("results.json")));
        assertEquals(4, units().size());
    }

    @Test
    void aResumeWithOtherSettingsIsAUsageErrorNamingTheDifference() {
        assertEquals(0, compare().exitCode());
        Cli.Result r = compare("--resume", "--epochs", "2");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().stream().filter(l -> l.startsWith("geotrans")).count(), r.err());
        assertTrue(r.lastErrLine().matches("geotrans compare: --resume: the run in .* is another: different epochs: 1 there, 2 now"),
                r.lastErrLine());
    }

    @Test
    void aResumeInAnotherPrecisionSaysWhichOptionContinuesIt_asOnAProcessorWithAnotherDefault() {
        assertEquals(0, compare("--backend", "libtorch", "--precision", "fp32").exitCode());
        Cli.Result r = compare("--resume", "--backend", "libtorch", "--precision", "bf16");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().endsWith("different version: geotrans " + VersionInfo.geotrans() + ", backend libtorch (fp32) there, "
                + "geotrans " + VersionInfo.geotrans() + ", backend libtorch (bf16) now; it was begun on libtorch in fp32: "
                + "add --precision fp32 to continue it"), r.lastErrLine());
        assertEquals(0, compare("--resume", "--backend", "libtorch", "--precision", "fp32").exitCode(), "the hint's options work");
    }

    @Test
    void aResumeOnAnotherBackendSaysWhichOptionContinuesIt() {
        assertEquals(0, compare("--backend", "dl4j").exitCode());
        Cli.Result r = compare("--resume", "--backend", "libtorch", "--precision", "fp32");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().endsWith("; it was begun on dl4j: add --backend dl4j to continue it"), r.lastErrLine());
    }

    @Test
    void aResumeOfAnotherCommandIsAUsageError() {
        assertEquals(0, compare().exitCode());
        Cli.Result r = Cli.run("evaluate", "--data", data.toString(), "--normal-class", "trouser,0", "--preset", "quick",
                "--transforms", "simple8", "--runs", "2", "--seed", "5", "--max-test", "20", "--out", out.toString(), "--resume");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("different command: compare there, evaluate now"), r.lastErrLine());
    }

    @Test
    void aFolderThatIsNotEmptyStillNeedsResumeOrForce() throws IOException {
        assertEquals(0, compare().exitCode());
        String before = Files.readString(out.resolve("results.json"));
        Cli.Result r = compare();
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("add --resume to continue the run there or --force to replace its files"),
                r.lastErrLine());
        assertEquals(before, Files.readString(out.resolve("results.json")));
    }

    @Test
    void forceStartsOverInsteadOfReadingUnitsBack() {
        assertEquals(0, compare().exitCode());
        Cli.Result r = compare("--force", "--epochs", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("read back"), r.err());
    }

    @Test
    void aTrainResumedIntoANewFolderStartsTheTraining_asTheSection6ScriptDoes() {
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--normal-class", "trouser", "--preset", "quick",
                "--transforms", "simple8", "--out", out.toString(), "--resume");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("model.geotrans")), r.out());
        assertTrue(Files.exists(out.resolve("geotrans-run.json")), "the manifest a later --resume checks");
    }

    @Test
    void aResumedTrainWhoseModelIsSavedHasNothingToDo() throws IOException {
        String[] train = {"train", "--data", data.toString(), "--normal-class", "trouser", "--preset", "quick",
            "--transforms", "simple8", "--out", out.toString()};
        assertEquals(0, Cli.run(train).exitCode());
        Path model = out.resolve("model.geotrans");
        byte[] saved = Files.readAllBytes(model);
        String[] again = java.util.Arrays.copyOf(train, train.length + 1);
        again[train.length] = "--resume";
        Cli.Result r = Cli.run(again);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("already trained"), r.out());
        assertEquals(java.util.Arrays.toString(saved), java.util.Arrays.toString(Files.readAllBytes(model)));
    }

    @Test
    void aCheckpointIntervalThatIsNotPositiveIsAUsageError() {
        Cli.Result r = compare("--checkpoint-every", "0");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.lastErrLine().contains("--checkpoint-every must be a positive number of minutes"), r.lastErrLine());
    }

    private static List<String> aurocColumn(List<String> csv) {
        return csv.stream().map(l -> {
            String[] f = l.split(",");
            return f[0] + "," + f[2] + "," + f[3] + "," + f[5];
        }).toList();
    }
}
