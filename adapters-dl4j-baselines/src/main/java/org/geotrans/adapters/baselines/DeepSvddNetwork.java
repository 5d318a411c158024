package org.geotrans.adapters.baselines;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossL2;

/**
 * Ruff et al.'s CIFAR-10 LeNet-type network for One-Class Deep SVDD: three 5x5 convolutions (32,
 * 64, 128 channels), each followed by batch normalisation without affine parameters (epsilon
 * 1e-4), leaky ReLU (slope 0.01) and 2x2 max pooling, then a dense map to a 128-d
 * representation. No layer has a bias term: with biases (or an affine batch norm) the network
 * could map every image onto the centre and the hypersphere would collapse.
 *
 * <p>The loss layer compares the representation with the centre c, given as the label of every
 * image: the sum of squared differences per image, averaged over the batch, i.e. the mean squared
 * distance to c that Deep SVDD minimises; DL4J's {@code l2(wd)} adds {@code wd * w} to the
 * gradient as PyTorch's Adam {@code weight_decay} does.
 */
final class DeepSvddNetwork {
    static final int REPRESENTATION = 128;
    private static final double BN_EPSILON = 1e-4;
    private static final int[] CHANNELS = {32, 64, 128};

    private DeepSvddNetwork() {
    }

    /**
     * The index of the representation layer.
     *
     * @throws IllegalArgumentException for images whose sides are not multiples of 8
     */
    static int representationLayer(ImageShape shape) {
        if (shape.height() % 8 != 0 || shape.width() % 8 != 0) {
            throw new IllegalArgumentException("Deep SVDD's network halves the sides three times: it needs sides that are "
                    + "multiples of 8, got " + shape);
        }
        return 4 * CHANNELS.length;
    }

    static MultiLayerConfiguration configuration(ImageShape shape, BaselineTraining training) {
        int representation = representationLayer(shape);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(MinibatchTraining.nd4jSeed(training.seed()))
                .dataType(DataType.FLOAT)
                .updater(new Adam(training.learningRate()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .l2(training.weightDecay())
                .convolutionMode(ConvolutionMode.Same)
                .list();
        int layer = 0;
        for (int channels : CHANNELS) {
            list.layer(layer++, new ConvolutionLayer.Builder(5, 5).nOut(channels).hasBias(false)
                    .activation(Activation.IDENTITY).build());
            list.layer(layer++, new BatchNormalization.Builder().eps(BN_EPSILON).lockGammaBeta(true).gamma(1).beta(0).build());
            list.layer(layer++, new ActivationLayer(new ActivationLReLU(0.01)));
            list.layer(layer++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                    .build());
        }
        list.layer(layer++, new DenseLayer.Builder().nOut(REPRESENTATION).hasBias(false).activation(Activation.IDENTITY)
                .build());
        if (layer - 1 != representation) {
            throw new IllegalStateException("representation at layer " + (layer - 1) + ", expected " + representation);
        }
        list.layer(layer, new LossLayer.Builder().lossFunction(new LossL2()).activation(Activation.IDENTITY).build());
        return list.setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels())).build();
    }
}
