package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageEncoderTrainer;
import org.geotrans.domain.port.ProgressListener;

/**
 * Trains CAE-OC-SVM's convolutional autoencoder ({@link ConvAutoencoder}) to reconstruct the
 * normal images on libtorch, with Adam at Keras' epsilon as the paper's reference code.
 */
public final class LibtorchAutoencoderTrainer implements ImageEncoderTrainer {

    @Override
    public LibtorchImageEncoder train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        ConvAutoencoder.halvings(shape);
        ConvAutoencoder network = new ConvAutoencoder(shape, training.seed());
        try {
            MinibatchTraining.fit(network.tensors(), normalImages, shape, training, AdamStep.KERAS_EPSILON,
                    network::loss, progress);
            return new LibtorchImageEncoder(network, training.epochs());
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }
}
