package org.geotrans.domain.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PreprocessingInputIndicesTest {

    @Test
    void eachRawValueIsFoundAtItsIndexInThePaddedImage() {
        ImageShape raw = new ImageShape(28, 28, 1);
        Preprocessing padding = new Preprocessing(32);
        float[] v = new float[raw.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 256;
        }
        float[] padded = padding.apply(new Image(raw, v)).pixels();
        int[] map = padding.inputIndices(raw);
        for (int i = 0; i < v.length; i++) {
            assertEquals(Preprocessing.scale(v[i]), padded[map[i]], "raw value " + i);
        }
        assertEquals(new ImageShape(32, 32, 1).index(2, 2, 0), map[0]);
    }
}
