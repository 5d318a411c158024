package org.geotrans.adapters.libtorch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;

/** Run in a child JVM by {@link EmptyCacheTest}: loads libtorch, trains, saves, loads and predicts. */
public final class EmptyCacheProbe {
    private EmptyCacheProbe() {
    }

    public static void main(String[] args) throws IOException {
        ImageShape shape = new ImageShape(8, 8, 3);
        ShuffledPairBatches data = new ShuffledPairBatches(new TransformedImages(TestData.randomImages(shape, 8, 1),
                TransformationSet.parse("identity;rot90", shape)), 8, 1);
        LibtorchTransformationClassifierProvider provider = new LibtorchTransformationClassifierProvider();
        TransformationClassifier trained = provider.train(data, TestData.tinySettings(1, 1), ProgressListener.SILENT);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        trained.save(saved);
        ImageBatch probe = TestData.randomBatch(shape, 3, 2);
        float[] loaded = provider.load(new ByteArrayInputStream(saved.toByteArray())).predictSoftmax(probe);
        System.out.println(Arrays.equals(loaded, trained.predictSoftmax(probe)) ? "probe ok" : "probe: predictions differ");
    }
}
