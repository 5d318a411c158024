package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.geotrans.application.checkpoint.Fingerprint.Mismatch;
import org.junit.jupiter.api.Test;

/** Which options a refused --resume suggests: only the engine's, and only within one GeoTrans version. */
class EngineHintTest {
    private static Optional<String> hint(String part, String there, String now) {
        return Resumption.engineHint(new Mismatch(part, there, now));
    }

    @Test
    void fromLibtorchInFp32ToDl4jBothOptionsAreNamed() {
        assertEquals(Optional.of("; it was begun on libtorch in fp32: add --backend libtorch --precision fp32 to continue it"),
                hint("version", "geotrans 0.1.0, backend libtorch (fp32)", "geotrans 0.1.0, backend dl4j"));
    }

    @Test
    void theTrainingCheckpointsVersionPartGetsTheSameHint() {
        // TrainDetectorUseCase appends " on BACKEND" to the command line's version
        assertEquals(Optional.of("; it was begun on libtorch in bf16: add --precision bf16 to continue it"),
                hint("version", "geotrans development build, backend libtorch (bf16) on libtorch",
                        "geotrans development build, backend libtorch (fp32) on libtorch"));
    }

    @Test
    void anotherGeoTransVersionOrAnotherPartGetsNoHint() {
        assertEquals(Optional.empty(), hint("version", "geotrans 0.1.0, backend libtorch (fp32)",
                "geotrans 0.2.0, backend libtorch (bf16)"), "no option makes an older version's run resumable");
        assertEquals(Optional.empty(), hint("epochs", "1", "2"));
        assertEquals(Optional.empty(), hint("version", "geotrans 0.1.0, backend libtorch (fp32)", null));
        assertEquals(Optional.empty(), hint("version", "something else", "geotrans 0.1.0, backend dl4j"));
    }

    @Test
    void theVersionPartReadsBackAsItWasWritten() {
        EngineVersion libtorch = new EngineVersion("0.1.0", "libtorch", "fp32");
        EngineVersion dl4j = new EngineVersion("development build", "dl4j", null);
        assertEquals("geotrans 0.1.0, backend libtorch (fp32)", libtorch.toString(), "the form run folders on disk record");
        assertEquals(Optional.of(libtorch), EngineVersion.parse(libtorch.toString()));
        assertEquals(Optional.of(dl4j), EngineVersion.parse(dl4j.toString()));
        assertEquals(Optional.of(dl4j), EngineVersion.parse(dl4j + " on dl4j"), "the training checkpoint's part");
        assertEquals(Optional.empty(), EngineVersion.parse("backend dl4j"));
    }
}
