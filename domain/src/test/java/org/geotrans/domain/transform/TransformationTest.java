package org.geotrans.domain.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * Conventions pinned on a small asymmetric 3x4 (or 4x4) grey image whose expected outputs are
 * written out by hand. Pixel values are 10 * row + column, so a value names its source position.
 */
class TransformationTest {

    /** 10*r + c on a rows x cols grey image. */
    private static Image grid(int rows, int cols) {
        float[] v = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r * cols + c] = 10 * r + c;
            }
        }
        return new Image(new ImageShape(rows, cols, 1), v);
    }

    private static float[] apply(Transformation t, Image image) {
        return t.apply(image).pixels();
    }

    @Test
    void identityLeavesTheImageUnchanged() {
        Image image = grid(3, 4);
        assertEquals(image, Transformation.IDENTITY.apply(image));
    }

    @Test
    void flipMirrorsTheColumns() {
        assertArrayEquals(new float[] {
            3, 2, 1, 0,
            13, 12, 11, 10,
            23, 22, 21, 20}, apply(new Transformation(true, 0, 0, 0), grid(3, 4)));
    }

    @Test
    void positiveTxReadsRowsBelowAndReflectsAtTheBottomEdge() {
        // out[r][c] = in[r + 1][c]; row 3 does not exist, so reflect repeats the edge row 2
        assertArrayEquals(new float[] {
            10, 11, 12, 13,
            20, 21, 22, 23,
            20, 21, 22, 23}, apply(new Transformation(false, 1, 0, 0), grid(3, 4)));
    }

    @Test
    void negativeTyReadsColumnsToTheLeftAndReflectsAtTheLeftEdge() {
        // out[r][c] = in[r][c - 2]; columns -1, -2 reflect to 0, 1 (b a | a b c d)
        assertArrayEquals(new float[] {
            1, 0, 0, 1,
            11, 10, 10, 11,
            21, 20, 20, 21}, apply(new Transformation(false, 0, -2, 0), grid(3, 4)));
    }

    @Test
    void shiftsLargerThanTheImageKeepReflecting() {
        // 1-pixel-high image, shift 5 along columns of width 3: indices 5,6,7 -> reflect period 6
        Image row = new Image(new ImageShape(1, 3, 1), new float[] {0, 1, 2});
        // i=5 -> 0, i=6 -> 0, i=7 -> 1  (c b a | a b c | c b a | a b c)
        assertArrayEquals(new float[] {0, 0, 1}, apply(new Transformation(false, 0, 5, 0), row));
    }

    @Test
    void oneQuarterTurnIsCounterClockwiseAsNumpyRot90() {
        // numpy.rot90([[0,1],[10,11]]) == [[1,11],[0,10]]
        Image image = grid(2, 2);
        assertArrayEquals(new float[] {1, 11, 0, 10}, apply(new Transformation(false, 0, 0, 1), image));
        assertArrayEquals(new float[] {11, 10, 1, 0}, apply(new Transformation(false, 0, 0, 2), image));
        assertArrayEquals(new float[] {10, 0, 11, 1}, apply(new Transformation(false, 0, 0, 3), image));
    }

    @Test
    void stepsComposeAsFlipThenTranslateThenRotate() {
        Image image = grid(4, 4);
        Transformation all = new Transformation(true, 1, -1, 1);
        Image stepwise = new Transformation(false, 0, 0, 1).apply(
                new Transformation(false, 1, -1, 0).apply(new Transformation(true, 0, 0, 0).apply(image)));
        assertEquals(stepwise, all.apply(image));
    }

    @Test
    void stepsWrittenInAnyOrderComposeToTheSamePixelsAsApplyingThemOneByOne() {
        Random random = new Random(3);
        Transformation[] steps = {Transformation.flipStep(), Transformation.shiftStep(2, 0), Transformation.shiftStep(-3, 0),
            Transformation.shiftStep(0, 1), Transformation.shiftStep(0, -7), Transformation.rotationStep(1),
            Transformation.rotationStep(2), Transformation.rotationStep(3)};
        for (ImageShape shape : new ImageShape[] {new ImageShape(5, 5, 1), new ImageShape(6, 6, 2)}) {
            Image image = distinct(shape);
            int checked = 0;
            while (checked < 300) {
                Transformation composed = Transformation.IDENTITY;
                Image stepwise = image;
                try {
                    for (int n = 1 + random.nextInt(5); n > 0; n--) {
                        Transformation step = steps[random.nextInt(steps.length)];
                        composed = composed.then(step);
                        stepwise = step.apply(stepwise);
                    }
                } catch (IllegalArgumentException twoShiftsOnOneAxis) {
                    continue;
                }
                assertEquals(stepwise, composed.apply(image), composed.label() + " on " + shape);
                checked++;
            }
        }
    }

    @Test
    void halfTurnsAndFlipsComposeOnNonSquareImagesToo() {
        Image image = distinct(new ImageShape(4, 7, 1));
        Transformation composed = Transformation.shiftStep(1, 0).then(Transformation.rotationStep(2))
                .then(Transformation.flipStep()).then(Transformation.shiftStep(0, 3));
        Image stepwise = Transformation.shiftStep(0, 3).apply(Transformation.flipStep().apply(
                Transformation.rotationStep(2).apply(Transformation.shiftStep(1, 0).apply(image))));
        assertEquals(stepwise, composed.apply(image));
    }

    @Test
    void rotationsAddUpAndTwoFlipsCancel() {
        assertEquals(Transformation.rotationStep(3), Transformation.rotationStep(1).then(Transformation.rotationStep(2)));
        assertEquals(Transformation.IDENTITY, Transformation.flipStep().then(Transformation.flipStep()));
        assertEquals(Transformation.IDENTITY, Transformation.rotationStep(2).then(Transformation.rotationStep(2)));
    }

    @Test
    void twoShiftsAlongOneAxisAreRefusedBecauseReflectFillLosesTheEdge() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transformation.shiftStep(3, 0).then(Transformation.shiftStep(5, 0)));
        assertTrue(e.getMessage().contains("same axis"), e.getMessage());
        // a quarter turn between them moves the second shift onto the other axis: fine
        assertEquals(new Transformation(false, 3, -5, 1),
                Transformation.shiftStep(3, 0).then(Transformation.rotationStep(1)).then(Transformation.shiftStep(5, 0)));
    }

    @Test
    void hugeShiftsAreRefusedBeforeAnyArithmetic() {
        assertThrows(IllegalArgumentException.class, () -> Transformation.shiftStep(Integer.MIN_VALUE, 0));
        assertThrows(IllegalArgumentException.class, () -> new Transformation(false, 0, Integer.MAX_VALUE, 0));
    }

    /** Every value different, so equal outputs mean equal pixel maps. */
    private static Image distinct(ImageShape shape) {
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return new Image(shape, v);
    }

    @Test
    void channelsMoveTogether() {
        float[] v = new float[2 * 2 * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        Image image = new Image(new ImageShape(2, 2, 2), v);
        // flip: pixel (0,0) <- (0,1) = values 2,3 ; (0,1) <- (0,0) = 0,1
        assertArrayEquals(new float[] {2, 3, 0, 1, 6, 7, 4, 5}, apply(new Transformation(true, 0, 0, 0), image));
    }

    @Test
    void quarterTurnsOnANonSquareImageAreRefusedWithTheShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Transformation(false, 0, 0, 1).apply(grid(3, 4)));
        assertTrue(e.getMessage().contains("square") && e.getMessage().contains("3x4"), e.getMessage());
        // half turns are fine on any shape
        assertArrayEquals(new float[] {23, 22, 21, 20, 13, 12, 11, 10, 3, 2, 1, 0},
                apply(new Transformation(false, 0, 0, 2), grid(3, 4)));
    }

    @Test
    void rotationsOutsideZeroToThreeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Transformation(false, 0, 0, 4));
    }

    @Test
    void labelsNameTheSteps() {
        assertEquals("identity", Transformation.IDENTITY.label());
        assertEquals("flip+tx-8+ty8+rot270", new Transformation(true, -8, 8, 3).label());
    }
}
