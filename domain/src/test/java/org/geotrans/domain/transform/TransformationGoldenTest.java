package org.geotrans.domain.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.geotrans.domain.GoldenFiles;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * All 72 transformations of two images, computed with the reference code's Keras and numpy calls
 * (see shared/golden/README.md), must come out pixel for pixel, in the reference order.
 */
class TransformationGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"transforms-8x8x2-t3.json.gz", "transforms-32x32x3-t8.json.gz"})
    void everyTransformationMatchesTheReferenceExactly(String file) {
        JsonNode golden = GoldenFiles.readJsonGz(file);
        ImageShape shape = new ImageShape(golden.get("height").asInt(), golden.get("width").asInt(),
                golden.get("channels").asInt());
        Image input = new Image(shape, floats(golden.get("input")));
        TransformationSet set = TransformationSet.paper72(golden.get("translation").asInt());
        JsonNode transforms = golden.get("transforms");
        assertEquals(72, transforms.size());
        for (int i = 0; i < 72; i++) {
            JsonNode t = transforms.get(i);
            Transformation expected = new Transformation(Boolean.parseBoolean(t.get("flip").asText().toLowerCase()),
                    t.get("tx").asInt(), t.get("ty").asInt(), t.get("rot90").asInt());
            assertEquals(expected, set.get(i), "transformation " + i + " in reference order");
            assertArrayEquals(floats(t.get("pixels")), set.get(i).apply(input).pixels(),
                    "pixels of transformation " + i + " (" + expected.label() + ")");
        }
    }

    private static float[] floats(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        return v;
    }
}
