package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every option is checked against its bounds before anything is read (issue #9, kind 6): the data
 * path here does not exist, so a refusal with exit code 2 (not 1 for the missing data) proves the
 * check came first; the --out folder is not created. And the last line of defence (kind 1): an
 * Error from deep inside a command is one line, exit code 1.
 */
class OptionBoundsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "evaluate | --image-size      | 30000   | image size must be 0 (automatic) or 1..1024",
        "evaluate | --image-size      | -1      | image size must be 0 (automatic) or 1..1024",
        "evaluate | --widen           | 100000  | at most 200,000,000 are allowed",
        "evaluate | --widen           | 0       | widening factor must be at least 1",
        "evaluate | --depth           | 11      | depth must be 6n + 4",
        "evaluate | --depth           | 100000  | depth must be 6n + 4 (10, 16, 22, 28, ...) up to 1000",
        "evaluate | --held-out        | 0.99    | held-out fraction must be in [0, 0.9]",
        "evaluate | --held-out        | -0.1    | held-out fraction must be in [0, 0.9]",
        "evaluate | --max-train       | 1       | must be 0 (all) or at least 2",
        "evaluate | --max-test        | 1       | must be 0 (all) or at least 2",
        "compare  | --ocsvm-max-train | 1       | must be 0 (all) or at least 2",
        "compare  | --baseline-epochs | 0       | baseline epochs must be 1..10000",
        "compare  | --baseline-epochs | 20000   | baseline epochs must be 1..10000",
        "evaluate | --epochs          | -1      | epochs must be 1..10000 (or 0 for the paper's rule)",
        "evaluate | --epochs          | 20000   | epochs must be 1..10000 (or 0 for the paper's rule)",
        "evaluate | --batch-size      | 0       | batch size must be 1..8192",
        "evaluate | --batch-size      | 1000000 | batch size must be 1..8192",
        "evaluate | --learning-rate   | 0       | learning rate must be in (0, 10.0]",
        "evaluate | --learning-rate   | NaN     | learning rate must be in (0, 10.0]",
        "evaluate | --weight-decay    | 2       | weight decay must be in [0, 1.0]",
        "evaluate | --runs            | 0       | runs must be 1..1000",
        "evaluate | --runs            | 5000    | runs must be 1..1000",
        "train    | --widen           | 100000  | at most 200,000,000 are allowed",
        "train    | --held-out        | 0.99    | held-out fraction must be in [0, 0.9]",
        "train    | --image-size      | 30000   | image size must be 0 (automatic) or 1..1024",
        "score    | --image-size      | 30000   | image size must be 0 (automatic) or 1..1024",
        "score    | --max-test        | -1      | --max-test must be 0 (all) or positive",
    })
    void kind6_anOptionOutOfBounds_isAUsageErrorBeforeTheDataIsRead(String command, String option, String value,
                                                                   String expected) {
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(command, "--data", tmp.resolve("nowhere").toString(), option, value,
                "--out", out.toString()));
        if (command.equals("train")) {
            args.addAll(List.of("--normal-class", "1"));
        }
        if (command.equals("score")) {
            args.addAll(List.of("--model", tmp.resolve("absent.geotrans").toString()));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.lastErrLine().contains(expected), r.lastErrLine());
        assertFalse(Files.exists(out), "--out was created before the options were checked");
    }

    @Test
    void kind6_benchOptionsOutOfBounds_areUsageErrors() {
        for (List<String> bad : List.of(List.of("--iterations", "0"), List.of("--warmup", "-1"), List.of("--images", "0"),
                List.of("--widen", "100000"), List.of("--shapes", "30000x30000x3"), List.of("--train-batch", "0"),
                List.of("--format", "NCWH"), List.of("--train", "yes"), List.of("--threads", "0"))) {
            for (String backend : List.of("dl4j", "libtorch")) { // each backend's benchmark checks before it starts
                List<String> args = new ArrayList<>(List.of("bench", "--backend", backend));
                args.addAll(bad);
                Cli.Result r = Cli.run(new CliModule(), args.toArray(String[]::new));
                assertEquals(2, r.exitCode(), backend + " " + bad + ": " + r.err());
                assertEquals(1, r.errLines().size(), r.err());
            }
        }
    }

    @Test
    void kind1_anErrorInsideACommand_isOneLineNamingTheDataAndExitCodeOne() {
        for (Error error : List.of(new OutOfMemoryError("Java heap space"), new StackOverflowError(),
                new ExceptionInInitializerError("native library failed"))) {
            var throwing = Modules.override(new TestModule().overCliModule()).with(new AbstractModule() {
                @Override
                protected void configure() {
                    bind(DatasetOpener.class).toInstance((location, format, side, progress) -> {
                        throw error;
                    });
                }
            });
            Path data = tmp.resolve("data");
            Cli.Result r = Cli.run(throwing, "evaluate", "--data", data.toString(), "--normal-class", "1");
            assertEquals(1, r.exitCode(), r.err());
            List<String> lines = r.errLines().stream().filter(l -> !l.startsWith("[") && !l.startsWith("  ")).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("geotrans evaluate: error: "), r.err());
            assertTrue(lines.get(0).contains("--data " + data), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
