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
    void everyImplementedDetectorGivesColumnsAndTogetherTheyCoverEveryKindButAdgans() {
        Set<DetectorKind> expected = EnumSet.allOf(DetectorKind.class);
        expected.remove(DetectorKind.ADGAN); // refused until it is shown to learn
        assertEquals(expected, DetectorChoice.kindsOf(DetectorChoice.implemented()));
    }

    @Test
    void adganIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DetectorChoice.kindsOf(List.of(DetectorChoice.byName("adgan"))));
        assertTrue(e.getMessage().startsWith("detector 'adgan' is not available: it trains and scores, but is not yet shown"
                + " to learn"), e.getMessage());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorChoice.byName("svdd"));
        assertEquals("unknown detector 'svdd'; the detectors are raw-ocsvm, cae-ocsvm, deep-svdd, dsebm, dagmm, adgan, "
                + "geotrans or all", e.getMessage());
    }

    @Test
    void aDetectorWithoutColumnsIsRefusedNotSkipped() {
        for (DetectorChoice c : DetectorChoice.values()) {
            if (!c.isImplemented()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> DetectorChoice.kindsOf(List.of(DetectorChoice.GEOTRANS, c)));
                assertTrue(e.getMessage().startsWith("detector '" + c.cliName() + "' is not available: "), e.getMessage());
                assertTrue(e.getMessage().endsWith("; this build has "
                        + String.join(", ", DetectorChoice.implemented().stream().map(DetectorChoice::cliName).toList())),
                        e.getMessage());
            }
        }
    }
}
