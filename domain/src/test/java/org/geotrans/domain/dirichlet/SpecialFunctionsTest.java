package org.geotrans.domain.dirichlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
    private static final double DIGAMMA_ONE_VALUE = -0.5772156649015329;

    // Reference values from mpmath at 30 digits.
    @ParameterizedTest(name = "x = {0}")
    @CsvSource({
            "1e-8,   18.420680738180208884,  -100000000.57721564636,  10000000000000001.226",
            "0.001,  6.9071788853838536617,  -1000.5755719318102797,  1000001.6425331958273",
            "0.1,    2.252712651734205902,   -10.423754940411076232,  101.4332991507927477",
            "0.5,    0.57236494292470008707, -1.9635100260214234794,  4.9348022005446793094",
            "2.5,    0.28468287047291915963, 0.70315664064524318723,  0.49035775610023486497",
            "3.7,    1.4280723266653881292,  1.1671535393615114409,   0.31003785767003830216",
            "10,     12.801827480081469611,  2.2517525890667211076,   0.10516633568168574612",
            "15.5,   26.536914491115613624,  2.7082352425903654326,   0.066642013583275970629",
            "100,    359.13420536957539878,  4.6001618527380874002,   0.010050166663333571395",
            "1e5,    1051287.7089736568949,  11.512920464961895087,   0.000010000050000166666667",
            "1e10,   220258509288.81058147,  23.02585092989045684,    1.00000000005e-10",
    })
    void logGammaDigammaAndTrigammaMatchReferenceValuesTo1e10Relative(double x, double logGamma, double digamma,
                                                                      double trigamma) {
        assertRelative(logGamma, SpecialFunctions.logGamma(x), 1e-10);
        assertRelative(digamma, SpecialFunctions.digamma(x), 1e-10);
        assertRelative(trigamma, SpecialFunctions.trigamma(x), 1e-10);
    }

    @Test
    void digammaAtOneAndOneHalfAreTheKnownConstants() {
        assertRelative(-0.5772156649015329, SpecialFunctions.digamma(1.0), 1e-14);
        assertRelative(-1.9635100260214235, SpecialFunctions.digamma(0.5), 1e-14);
        assertEquals(SpecialFunctions.DIGAMMA_ONE, SpecialFunctions.digamma(1.0), 1e-15);
    }

    @Test
    void trigammaAtOneIsPiSquaredOverSix() {
        assertRelative(Math.PI * Math.PI / 6, SpecialFunctions.trigamma(1.0), 1e-14);
        assertRelative(Math.PI * Math.PI / 2, SpecialFunctions.trigamma(0.5), 1e-14);
    }

    @Test
    void logGammaVanishesAtOneAndTwoAndIsAccurateInAbsoluteTermsNearThem() {
        assertEquals(0.0, SpecialFunctions.logGamma(1.0));
        assertEquals(0.0, SpecialFunctions.logGamma(2.0));
        // mpmath: loggamma(1.5), loggamma(1.001)
        assertEquals(-0.12078223763524522235, SpecialFunctions.logGamma(1.5), 1e-14);
        assertEquals(-5.76393598283369541e-4, SpecialFunctions.logGamma(1.001), 1e-14);
    }

    @Test
    void logGammaOfIntegersIsLogFactorial() {
        double logFactorial = 0.0;
        for (int n = 1; n <= 30; n++) {
            assertRelative(logFactorial, SpecialFunctions.logGamma(n), 1e-13, "logGamma(" + n + ")");
            logFactorial += Math.log(n);
        }
    }

    @Test
    void theRecurrencesHoldAcrossTheSwitchToTheAsymptoticSeries() {
        for (double x = 0.05; x < 40; x += 0.37) {
            assertEquals(SpecialFunctions.digamma(x) + 1 / x, SpecialFunctions.digamma(x + 1), 1e-13, "digamma at " + x);
            assertRelative(SpecialFunctions.trigamma(x) - 1 / (x * x), SpecialFunctions.trigamma(x + 1), 1e-12,
                    "trigamma at " + x);
            assertEquals(SpecialFunctions.logGamma(x) + Math.log(x), SpecialFunctions.logGamma(x + 1), 1e-12,
                    "logGamma at " + x);
        }
    }

    @Test
    void digammaIsTheDerivativeOfLogGammaAndTrigammaTheDerivativeOfDigamma() {
        double h = 1e-5;
        for (double x : new double[] {0.3, 1.7, 9.9, 10.1, 42}) {
            double dLogGamma = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h);
            double dDigamma = (SpecialFunctions.digamma(x + h) - SpecialFunctions.digamma(x - h)) / (2 * h);
            assertEquals(SpecialFunctions.digamma(x), dLogGamma, 1e-7, "at " + x);
            assertEquals(SpecialFunctions.trigamma(x), dDigamma, 1e-6 * SpecialFunctions.trigamma(x), "at " + x);
        }
    }

    @ParameterizedTest(name = "y = {0}")
    @ValueSource(doubles = {-1e6, -500, -30, -5, -2.5, -2.22, -2.21, -1, DIGAMMA_ONE_VALUE, 0, 0.5, 1, 3, 10, 50, 300})
    void inverseDigammaInvertsDigamma(double y) {
        double x = SpecialFunctions.inverseDigamma(y);
        assertTrue(x > 0, "inverse digamma must be positive, got " + x);
        assertEquals(y, SpecialFunctions.digamma(x), 1e-12 * Math.max(1, Math.abs(y)), "digamma(inverseDigamma(" + y + "))");
    }

    @Test
    void inverseDigammaOfDigammaGivesTheArgumentBack() {
        for (double x : new double[] {1e-6, 0.01, 0.3, 1, 1.4616, 2, 7.5, 123, 1e5}) {
            assertRelative(x, SpecialFunctions.inverseDigamma(SpecialFunctions.digamma(x)), 1e-10, "x = " + x);
        }
    }

    @Test
    void givenArgumentsOutsideTheDomain_thenTheFunctionsSaySo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.digamma(0));
        assertTrue(e.getMessage().contains("positive") && e.getMessage().contains("0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.logGamma(-1));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.trigamma(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.inverseDigamma(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpecialFunctions.inverseDigamma(Double.NEGATIVE_INFINITY));
    }

    @Test
    void infiniteArgumentsHaveTheirLimits() {
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.logGamma(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.digamma(Double.POSITIVE_INFINITY));
        assertEquals(0.0, SpecialFunctions.trigamma(Double.POSITIVE_INFINITY));
    }

    static void assertRelative(double expected, double actual, double tolerance) {
        assertRelative(expected, actual, tolerance, "");
    }

    static void assertRelative(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.abs(expected), Double.MIN_NORMAL);
        assertTrue(Math.abs(actual - expected) <= tolerance * scale,
                what + " expected " + expected + " within " + tolerance + " relative, got " + actual
                        + " (relative error " + Math.abs(actual - expected) / scale + ")");
    }
}
