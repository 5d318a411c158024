package org.geotrans.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
    private static BenchmarkOptions parse(String... args) {
        return BenchmarkOptions.parse(args, Map.of("precision", "bf16"));
    }

    private static String refusal(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    @Test
    void givenNoArguments_thenTheSharedAndTheBackendsDefaultsHold() {
        BenchmarkOptions options = parse();
        assertEquals(List.of(ImageShape.parse("32x32x1"), ImageShape.parse("32x32x3")), options.shapes());
        assertEquals("WRN-10-4", options.settings().networkName());
        assertEquals(72, options.transformations(ImageShape.parse("32x32x3")).size());
        assertEquals("bf16", options.get("precision"));
    }

    @Test
    void givenValues_thenTheyReplaceTheDefaults() {
        BenchmarkOptions options = parse("--widen", "1", "--shapes", "28x28x1", "--infer", "false", "--precision", "fp32");
        assertEquals("WRN-10-1", options.settings().networkName());
        assertEquals(List.of(ImageShape.parse("28x28x1")), options.shapes());
        assertFalse(options.flag("infer"));
        assertEquals("fp32", options.get("precision"));
    }

    @Test
    void givenOutOfBoundsSharedOptions_thenEachIsRefusedByNameBeforeAnyBackendStarts() {
        assertEquals("--iterations must be 1..100000, got 0", refusal("--iterations", "0"));
        assertEquals("--warmup must be 0..1000, got -1", refusal("--warmup", "-1"));
        assertEquals("--images must be 1..100000, got 0", refusal("--images", "0"));
        assertEquals("--shapes: sides must be 1..1024, got 2048x8x3", refusal("--shapes", "2048x8x3"));
        assertEquals("--train must be true or false, got 'yes'", refusal("--train", "yes"));
        assertEquals("--depth expects an integer, got 'ten'", refusal("--depth", "ten"));
        refusal("--widen", "100000");
        refusal("--train-batch", "0");
    }

    @Test
    void givenUnknownOptionsOrLoneValues_thenTheyAreRefused() {
        assertEquals("unknown option --format; known: ", refusal("--format", "NCHW").replaceAll("\\[.*]", ""));
        assertEquals("expected --option value pairs, got '--iterations'", refusal("--iterations"));
        assertEquals("expected --option value pairs, got 'iterations'", refusal("iterations", "3"));
    }

    @Test
    void givenAnEnumOption_thenItsConstantsAreNamedWhenTheValueIsWrong() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--mode", "FAST"}, Map.of("mode", "DL4J"));
        assertEquals("--mode must be one of [DL4J, LIBTORCH], got 'FAST'",
                assertThrows(IllegalArgumentException.class, () -> options.enumOption("mode", ClassifierBackend.class))
                        .getMessage());
    }
}
