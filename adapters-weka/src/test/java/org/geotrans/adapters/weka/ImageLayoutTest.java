package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.Instances;

class ImageLayoutTest {

    private static Instances header(List<String> names) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        names.forEach(n -> attributes.add(new Attribute(n)));
        attributes.add(new Attribute("class", List.of("a", "b")));
        Instances data = new Instances("h", attributes, 0);
        data.setClassIndex(data.numAttributes() - 1);
        return data;
    }

    private static List<String> pixelNames(int h, int w, int c) {
        List<String> names = new ArrayList<>();
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                for (int ch = 0; ch < c; ch++) {
                    names.add(ImageLayout.attributeName(r, col, ch));
                }
            }
        }
        return names;
    }

    @Test
    void theLoadersAttributeNamesGiveTheShape() {
        assertEquals(new ImageShape(2, 3, 3), ImageLayout.shape(header(pixelNames(2, 3, 3)), ""));
    }

    @Test
    void plainAttributesFormASquareGreyOrColourImage() {
        List<String> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add("a" + i);
        }
        assertEquals(new ImageShape(4, 4, 1), ImageLayout.shape(header(sixteen), null));
        assertEquals(new ImageShape(2, 2, 3), ImageLayout.shape(header(sixteen.subList(0, 12)), ""));
        assertEquals(new ImageShape(2, 8, 1), ImageLayout.shape(header(sixteen), "2x8x1"));
    }

    @Test
    void attributesThatFormNoImageAreAClearError() {
        List<String> five = List.of("a", "b", "c", "d", "e");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageLayout.shape(header(five), ""));
        assertTrue(e.getMessage().contains("do not form an image"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ImageLayout.shape(header(five), "2x2x1"));
        assertTrue(e.getMessage().contains("needs 4 pixel attributes"), e.getMessage());
        List<String> swapped = new ArrayList<>(pixelNames(2, 2, 1));
        swapped.set(1, ImageLayout.attributeName(1, 0, 0));
        swapped.set(2, ImageLayout.attributeName(0, 1, 0));
        e = assertThrows(IllegalArgumentException.class, () -> ImageLayout.shape(header(swapped), ""));
        assertTrue(e.getMessage().contains("row-major"), e.getMessage());
    }
}
