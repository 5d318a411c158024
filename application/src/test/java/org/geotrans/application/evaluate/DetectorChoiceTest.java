package org.geotrans.application.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectorChoiceTest {

    @Test
    void namesAreTheCommandLinesAndTheirOrderIsTable1s() {
        assertEquals(List.of("raw-ocsvm", "cae-ocsvm", "deep-svdd", "dsebm", "dagmm", "adgan", "geotrans"),
                List.of(DetectorChoice.values()).stream().map(DetectorChoice::cliName).toList());
        assertEquals(DetectorChoice.CAE_OCSVM, DetectorChoice.byName(" CAE-OCSVM "));
    }

    @Test
    void theDefaultIsGeoTransAndTheRawPixelSvmAsBefore() {
        assertEquals(EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED, DetectorKind.OCSVM,
                DetectorKind.OCSVM_HINDSIGHT), DetectorChoice.kindsOf(DetectorChoice.DEFAULT));
    }

    @Test
    void togetherTheDetectorsCoverEveryResultColumnOnce() {
        Set<DetectorKind> seen = EnumSet.noneOf(DetectorKind.class);
        for (DetectorChoice c : DetectorChoice.values()) {
            for (DetectorKind kind : c.kinds()) {
                assertTrue(seen.add(kind), kind + " belongs to two detectors");
            }
        }
        assertEquals(EnumSet.allOf(DetectorKind.class), seen);
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorChoice.byName("svdd"));
        assertEquals("unknown detector 'svdd'; the detectors are raw-ocsvm, cae-ocsvm, deep-svdd, dsebm, dagmm, adgan, "
                + "geotrans or all", e.getMessage());
    }
}
