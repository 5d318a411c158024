package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.svdd.Hypersphere;

/**
 * One-Class Deep SVDD (Ruff et al., ICML 2018) on libtorch, as adapters-dl4j-baselines'
 * {@code Dl4jDeepSvddTrainer}: the centre c is the mean of the untrained network's
 * representations of the normal images in inference mode (entries closer to 0 than 0.1 pushed out
 * to +-0.1, since a zero entry is matched trivially by zero weights), then the network is trained
 * to bring every normal image's representation close to c: the loss is the batch's mean squared
 * distance to c. Adam at PyTorch's epsilon, as Ruff et al. and the DL4J version train it. Ruff et
 * al. start from the encoder of a pretrained autoencoder; this trains from the random
 * initialisation.
 */
public final class LibtorchDeepSvddTrainer implements ImageDetectorTrainer {
    @Override
    public LibtorchDeepSvdd train(List<Image> normalImages, BaselineTraining training, ProgressListener progress) {
        ImageShape shape = ImageShape.sharedBy(normalImages, 2);
        DeepSvddNetwork.checkShape(shape);
        DeepSvddNetwork network = new DeepSvddNetwork(shape, training.seed());
        Hypersphere sphere = hypersphere(network, normalImages);
        try (Tensor c = Tensors.copyOf(sphere.centre(), 0, 1, DeepSvddNetwork.REPRESENTATION)) {
            MinibatchTraining.fit(network.tensors(), normalImages, shape, training, AdamStep.PYTORCH_EPSILON,
                    x -> LibtorchDeepSvdd.squaredDistances(network.representations(x, true), c).mean(), progress);
            return new LibtorchDeepSvdd(network, sphere, training.epochs());
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /** The hypersphere around the images' representations in inference mode. */
    static Hypersphere hypersphere(DeepSvddNetwork network, List<Image> images) {
        float[][] representations = BatchedInference.rows(images, network.shape(), x -> network.representations(x, false),
                ProgressListener.SILENT);
        return Hypersphere.around(representations);
    }
}
