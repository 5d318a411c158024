package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ProgressListener;

/**
 * A trained ADGAN (Deecke et al., 2018) on libtorch: the WGAN's generator and the budget of its
 * latent search. An image's score is minus its reconstruction error after the search
 * ({@link LatentSearchScoring}), higher = more normal.
 */
final class LibtorchAdgan implements ImageDetector, AutoCloseable {
    private final AdganGenerator generator;
    private final AdganSettings settings;

    LibtorchAdgan(AdganGenerator generator, AdganSettings settings) {
        this.generator = generator;
        this.settings = settings;
    }

    /**
     * {@inheritDoc} One image at a time: each needs {@code starts x steps} optimizer steps of its own.
     *
     * @throws IllegalArgumentException when an image's shape is not the training images'
     */
    @Override
    public double[] scores(List<Image> images, ProgressListener progress) {
        for (int i = 0; i < images.size(); i++) {
            if (!images.get(i).shape().equals(shape())) {
                throw new IllegalArgumentException("image " + i + " has shape " + images.get(i).shape()
                        + ", ADGAN was trained on " + shape());
            }
        }
        return new LatentSearchScoring(generator, settings).scores(images, progress);
    }

    @Override
    public String describe() {
        return "ADGAN on libtorch, WGAN-GP (penalty " + (int) WganGpTraining.PENALTY + ", " + AdganGenerator.NOISE
                + "-d noise, DCGAN-shaped generator, critic = the convolutional encoder), " + settings.epochs()
                + " epochs of " + settings.batchesPerEpoch() + " batches of " + settings.batchSize() + ", "
                + settings.starts() + " latent starts x " + settings.steps() + " steps per image, input " + shape();
    }

    /** The image shape the generator was trained on. */
    ImageShape shape() {
        return generator.shape();
    }

    /** Frees the generator's native memory. */
    @Override
    public void close() {
        generator.close();
    }
}
