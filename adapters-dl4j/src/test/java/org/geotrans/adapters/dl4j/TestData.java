package org.geotrans.adapters.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;

/** Small random inputs and tiny networks shared by the tests. */
final class TestData {
    private TestData() {
    }

    static List<Image> randomImages(ImageShape shape, int count, long seed) {
        return org.geotrans.domain.port.BenchmarkMeasures.randomImages(shape, count, seed);
    }

    static ImageBatch randomBatch(ImageShape shape, int count, long seed) {
        return ImageBatch.of(shape, randomImages(shape, count, seed));
    }

    /** WRN-10-1: the smallest network of the family, for CI. */
    static ClassifierSettings tinySettings(int epochs, long seed) {
        return new ClassifierSettings(10, 1, epochs, 32, 1e-3, ClassifierSettings.PAPER_WEIGHT_DECAY, seed);
    }

    static NetworkSpec tinySpec(ImageShape shape, int classes, CNN2DFormat format) {
        return new NetworkSpec(shape, classes, tinySettings(1, 3), Dl4jTuning.DEFAULT.withFormat(format));
    }
}
