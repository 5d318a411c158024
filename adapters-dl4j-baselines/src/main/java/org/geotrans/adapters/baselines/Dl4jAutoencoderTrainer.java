package org.geotrans.adapters.baselines;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.geotrans.adapters.dl4j.Dl4jBackend;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageEncoderTrainer;
import org.geotrans.domain.port.ProgressListener;

/** Trains CAE-OC-SVM's convolutional autoencoder ({@link ConvAutoencoder}) to reconstruct the normal images. */
public final class Dl4jAutoencoderTrainer implements ImageEncoderTrainer {

    @Override
    public Dl4jImageEncoder train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        ConvAutoencoder.halvings(shape);
        return Dl4jBackend.withContextClassLoader(() -> {
            Dl4jBackend.ensureInitialised();
            MultiLayerNetwork network = MinibatchTraining.initialised("the convolutional autoencoder for " + shape + " images",
                    ConvAutoencoder.configuration(shape, training));
            MinibatchTraining.fit(network, normalImages, shape, training, input -> input, progress);
            return new Dl4jImageEncoder(network, shape, training.epochs());
        });
    }
}
