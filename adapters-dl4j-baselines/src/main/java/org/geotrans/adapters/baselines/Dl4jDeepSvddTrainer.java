package org.geotrans.adapters.baselines;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.svdd.Hypersphere;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-Class Deep SVDD (Ruff et al., ICML 2018): the centre c is the mean of the untrained
 * network's representations of the normal images (entries closer to 0 than 0.1 pushed out to
 * +-0.1, since a zero entry is matched trivially by zero weights), then the network is trained to
 * bring every normal image's representation close to c. Ruff et al. start from the encoder of a
 * pretrained autoencoder; this trains from the random initialisation.
 */
public final class Dl4jDeepSvddTrainer implements ImageDetectorTrainer {
    @Override
    public Dl4jDeepSvdd train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        DeepSvddNetwork.representationLayer(shape);
        return Dl4jBackend.withContextClassLoader(() -> {
            Dl4jBackend.ensureInitialised();
            MultiLayerNetwork network = MinibatchTraining.initialised("Deep SVDD's network for " + shape + " images",
                    DeepSvddNetwork.configuration(shape, training));
            Hypersphere sphere = hypersphere(network, normalImages, shape);
            try (INDArray c = Nd4j.create(sphere.centre(), new long[] {1, sphere.dimension()}, 'c')) {
                MinibatchTraining.fit(network, normalImages, shape, training,
                        input -> c.repeat(0, input.size(0)), progress);
            }
            return new Dl4jDeepSvdd(network, shape, sphere, training.epochs());
        });
    }

    /** The hypersphere around the images' representations in inference mode. */
    static Hypersphere hypersphere(MultiLayerNetwork network, List<Image> images, ImageShape shape) {
        float[][] representations = Dl4jDeepSvdd.representations(network, images, shape);
        return Hypersphere.around(representations);
    }
}
