package org.geotrans.adapters.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A DL4J classifier file of format 1, written once by the build of 2026-12-04 and kept as it is:
 * a change of this adapter, of DL4J or of ModelSerializer that can no longer read it, or reads it
 * into other predictions, fails here. Only a new format may replace it (keep this one reading, or
 * refuse it with a clear message, and add the new one).
 */
class FrozenModelFileTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final TransformationSet ROTATIONS = TransformationSet.parse("identity;rot90;rot180;rot270", SHAPE);
    private static final ImageBatch PROBE = TestData.randomBatch(SHAPE, 3, 99);
    private static final String V1 = "frozen-dl4j-classifier-v1.bin";

    /** Softmax of {@link #PROBE} by the frozen file's network, as the writing build printed it. */
    private static final float[] V1_SOFTMAX = {
        0.28540856f, 0.23414841f, 0.20165609f, 0.2787869f,
        0.3068868f, 0.22938578f, 0.21087603f, 0.25285137f,
        0.28296748f, 0.20746431f, 0.19534785f, 0.31422037f};
    /** Other processors' kernels sum in another order; a changed network moves these by far more. */
    private static final float TOLERANCE = 1e-4f;

    @Test
    void theVersionOneClassifierPredictsAsItDidWhenItWasWritten() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + V1)) {
            TransformationClassifier loaded = new Dl4jTransformationClassifierProvider().load(
                    new ByteArrayInputStream(in.readAllBytes()));

            assertArrayEquals(V1_SOFTMAX, loaded.predictSoftmax(PROBE), TOLERANCE);
        }
    }

    /**
     * Writes the file: {@code mvn -pl adapters-dl4j test -Dtest=FrozenModelFileTest
     * -Dgeotrans.writeFrozenModels=<absolute path of adapters-dl4j/src/test/resources>}, then copy
     * the printed softmax into the constant.
     */
    @Test
    @EnabledIfSystemProperty(named = "geotrans.writeFrozenModels", matches = ".+")
    void writeTheFrozenFile() throws IOException {
        ShuffledPairBatches data = new ShuffledPairBatches(
                new TransformedImages(TestData.randomImages(SHAPE, 16, 5), ROTATIONS), 32, 17);
        TransformationClassifier trained = new Dl4jTransformationClassifierProvider().train(data, TestData.tinySettings(2, 17),
                ProgressListener.SILENT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.save(out);
        Files.write(Path.of(System.getProperty("geotrans.writeFrozenModels")).resolve(V1), out.toByteArray());
        System.out.println("SOFTMAX = " + Arrays.toString(trained.predictSoftmax(PROBE)));
    }
}
