package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.junit.jupiter.api.Test;

/**
 * Weka's default preprocessing is the domain's paper rule, the one the command line applies to
 * the data it reads (DataLoader): the same raw 28x28 image becomes the same 32x32 network input.
 */
class PaperPreprocessingTest {
    private static final ImageShape MNIST = new ImageShape(28, 28, 1);

    @Test
    void aRaw28x28ImageBecomesTheSame32x32InputAsOnTheCommandLine() {
        List<Image> raw = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < 2; i++) {
            float[] v = new float[MNIST.size()];
            for (int p = 0; p < v.length; p++) {
                v[p] = random.nextInt(256);
            }
            raw.add(new Image(MNIST, v));
        }
        Preprocessing weka = GeoTransSettings.builder().build().command(raw, MNIST, DetectorProvenance.empty()).preprocessing();
        Preprocessing commandLine = Preprocessing.paperFor(MNIST);
        assertEquals(new ImageShape(32, 32, 1), weka.outputShape(MNIST));
        assertEquals(commandLine.apply(raw.get(0)), weka.apply(raw.get(0)));
    }

    @Test
    void explicitPaddingStillWinsAndZeroMeansNone() {
        GeoTransSettings.Builder none = GeoTransSettings.builder();
        none.padTo = 0;
        assertEquals(Preprocessing.SCALE_ONLY, none.build().preprocessing(MNIST));
        GeoTransSettings.Builder forty = GeoTransSettings.builder();
        forty.padTo = 40;
        assertEquals(new Preprocessing(40), forty.build().preprocessing(MNIST));
    }
}
