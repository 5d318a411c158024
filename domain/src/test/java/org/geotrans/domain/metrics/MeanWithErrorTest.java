package org.geotrans.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanWithErrorTest {

    @Test
    void theStandardErrorIsTheSampleStandardDeviationOverRootN() {
        // mean 5, squared deviations 9 + 1 + 1 + 9 = 20, sample variance 20 / 3, SEM sqrt(20/3) / 2
        MeanWithError m = MeanWithError.of(2, 4, 6, 8);
        assertEquals(5.0, m.mean(), 1e-15);
        assertEquals(Math.sqrt(20.0 / 3) / 2, m.standardError(), 1e-15);
        assertEquals(4, m.count());
    }

    @Test
    void givenOneValue_thenTheStandardErrorIsNaN() {
        MeanWithError m = MeanWithError.of(0.93);
        assertEquals(0.93, m.mean());
        assertTrue(Double.isNaN(m.standardError()));
    }

    @Test
    void givenEqualValues_thenTheStandardErrorIsZero() {
        assertEquals(0.0, MeanWithError.of(0.5, 0.5, 0.5).standardError(), 0.0);
        // 0.1 + 0.1 + 0.1 is not 0.3 in binary, so only rounding noise is left
        assertEquals(0.0, MeanWithError.of(0.1, 0.1, 0.1).standardError(), 1e-16);
    }

    @Test
    void givenNoValuesOrANonFiniteOne_thenItSaysSo() {
        assertThrows(IllegalArgumentException.class, MeanWithError::of);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeanWithError.of(1, Double.NaN));
        assertTrue(e.getMessage().contains("value 1 is NaN"), e.getMessage());
    }

    @Test
    void itPrintsAsMeanPlusMinusError() {
        assertEquals("5.0000 ± 1.2910 (n=4)", MeanWithError.of(2, 4, 6, 8).toString());
    }
}
