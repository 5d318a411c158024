package org.geotrans.domain.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

class TransformationSetTest {
    private static final ImageShape CIFAR = new ImageShape(32, 32, 3);

    @Test
    void paper72IsInTheReferenceOrderWithRotationVaryingFastest() {
        TransformationSet set = TransformationSet.paper72(8);
        assertEquals(72, set.size());
        assertEquals(new Transformation(false, 0, 0, 0), set.get(0));
        assertEquals(new Transformation(false, 0, 0, 1), set.get(1));
        assertEquals(new Transformation(false, 0, -8, 0), set.get(4));
        assertEquals(new Transformation(false, 0, 8, 0), set.get(8));
        assertEquals(new Transformation(false, -8, 0, 0), set.get(12));
        assertEquals(new Transformation(false, 8, 8, 3), set.get(35));
        assertEquals(new Transformation(true, 0, 0, 0), set.get(36));
        assertEquals(new Transformation(true, 8, 8, 3), set.get(71));
    }

    @Test
    void paper72TranslatesByAQuarterOfTheSide() {
        assertEquals(new Transformation(false, 0, -8, 0), TransformationSet.parse("paper72", CIFAR).get(4));
        assertEquals(new Transformation(false, 0, -16, 0),
                TransformationSet.parse("paper72", new ImageShape(64, 64, 3)).get(4));
        assertEquals(new Transformation(false, 0, -5, 0), TransformationSet.parse("paper72:5", CIFAR).get(4));
    }

    @Test
    void simple8IsFlipTimesRotations() {
        TransformationSet set = TransformationSet.parse("simple8", CIFAR);
        assertEquals(8, set.size());
        assertEquals(new Transformation(true, 0, 0, 3), set.get(7));
    }

    @Test
    void listSpecsCoverThePapersSectionSixExperiments() {
        assertEquals(List.of(Transformation.IDENTITY, new Transformation(true, 0, 0, 0)),
                TransformationSet.parse("identity;flip", CIFAR).transformations());
        assertEquals(List.of(Transformation.IDENTITY, new Transformation(false, 7, 0, 0)),
                TransformationSet.parse(" id ; tx7 ", CIFAR).transformations());
        assertEquals(new Transformation(true, -3, 2, 2),
                TransformationSet.parse("identity;flip+tx-3+ty2+rot180", CIFAR).get(1));
    }

    @Test
    void aSpecReadsBackAsTheSameSet() {
        for (String spec : new String[] {"paper72", "simple8", "identity;flip+rot90;tx-4+ty4"}) {
            TransformationSet set = TransformationSet.parse(spec, CIFAR);
            assertEquals(set, TransformationSet.parse(set.spec(), CIFAR), spec);
        }
    }

    @Test
    void badSpecsSayWhatWasExpected() {
        assertMessage("identity;spin", "unknown transformation 'spin'");
        assertMessage("identity;;flip", "empty item");
        assertMessage("identity;txA", "integer");
        assertMessage("paper72:x", "integer");
        assertMessage("", "expected paper72");
        assertMessage("identity", "at least 2");
        assertMessage("flip;flip", "twice");
    }

    @Test
    void stepsJoinedByPlusComposeInsteadOfTheLastOneWinning() {
        assertEquals(new Transformation(false, 0, 0, 3), TransformationSet.parse("identity;rot90+rot180", CIFAR).get(1));
        assertEquals(new Transformation(true, 0, 0, 1), TransformationSet.parse("identity;rot270+flip", CIFAR).get(1));
        assertMessage("identity;flip+flip", "twice");
        assertMessage("identity;tx3+tx5", "same axis");
    }

    @Test
    void translationsTooLargeForTheImageAreRefusedWithoutOverflow() {
        assertMessage("identity;tx-2147483648", "too large");
        assertMessage("identity;ty2147483647", "too large");
        assertMessage("identity;tx64", "too large");
        assertMessage("paper72:-2147483648", "too large");
        assertEquals(2, TransformationSet.parse("identity;tx-63", CIFAR).size());
    }

    @Test
    void transformationsThatActTheSameOnTheImagesAreRefusedNamingBoth() {
        // under reflect fill a shift by the full side mirrors the image, whatever its sign
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransformationSet.parse("identity;tx32;tx-32", CIFAR));
        assertTrue(e.getMessage().contains("tx32 and tx-32"), e.getMessage());
        assertMessage("paper72:32", "act the same on 32x32 images");
        assertMessage("identity;tx32;flip+rot180", "tx32 and flip+rot180");
        // the same spec is fine where the images are larger
        assertEquals(3, TransformationSet.parse("identity;tx32;tx-32", new ImageShape(64, 64, 3)).size());
    }

    @Test
    void thePaperSetsAreDistinctOnEveryUsualSize() {
        for (int side : new int[] {4, 8, 28, 32, 64, 96}) {
            ImageShape shape = new ImageShape(side, side, 1);
            assertEquals(72, TransformationSet.parse("paper72", shape).size(), "paper72 on " + side);
            assertEquals(8, TransformationSet.parse("simple8", shape).size(), "simple8 on " + side);
        }
    }

    @Test
    void rotationsOnNonSquareImagesAreRefusedWhenTheSetIsMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransformationSet.parse("simple8", new ImageShape(32, 48, 3)));
        assertTrue(e.getMessage().contains("square"), e.getMessage());
        assertEquals(2, TransformationSet.parse("identity;flip", new ImageShape(32, 48, 3)).size());
    }

    private static void assertMessage(String spec, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransformationSet.parse(spec, CIFAR));
        assertTrue(e.getMessage().contains(expected), "message for '" + spec + "': " + e.getMessage());
    }
}
