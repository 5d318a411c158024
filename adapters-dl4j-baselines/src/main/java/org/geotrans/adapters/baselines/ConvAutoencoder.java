package org.geotrans.adapters.baselines;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.BaselineTraining;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The convolutional autoencoder of the paper's CAE-OC-SVM, shaped like DCGAN as in the reference
 * code's {@code conv_encoder} and {@code conv_decoder}: the encoder halves the side with 3x3
 * stride-2 convolutions (64, 128, 256, then 512 channels, each followed by batch normalisation
 * and ReLU) down to 4x4 and ends in a dense tanh code of 256; the decoder maps the code densely to
 * 4x4x256 (batch norm, ReLU) and doubles the side with 3x3 stride-2 transposed convolutions (128,
 * 64, then 64 channels, batch norm, ReLU) to a tanh image, trained on the mean squared error.
 *
 * <p>Keras's defaults where the reference relies on them: Glorot-uniform kernels, zero biases,
 * batch norm with momentum 0.99 and epsilon 1e-3, Adam's epsilon 1e-7.
 */
final class ConvAutoencoder {
    static final int CODE_LENGTH = 256;
    private static final int FILTERS = 64;
    private static final int BOTTOM_SIDE = 4;
    private static final double KERAS_BN_DECAY = 0.99;
    private static final double KERAS_BN_EPSILON = 1e-3;
    private static final double KERAS_ADAM_EPSILON = 1e-7;

    private ConvAutoencoder() {
    }

    /**
     * The number of halvings from the side to 4.
     *
     * @throws IllegalArgumentException for images that are not square with a side of 4 x 2^n, n >= 1
     */
    static int halvings(ImageShape shape) {
        int side = shape.height();
        int n = 0;
        while (side > BOTTOM_SIDE && side % 2 == 0) {
            side /= 2;
            n++;
        }
        if (shape.height() != shape.width() || side != BOTTOM_SIDE || n < 1) {
            throw new IllegalArgumentException("the convolutional autoencoder needs square images with a side of 4 x 2^n "
                    + "(8, 16, 32, 64, ...), got " + shape);
        }
        return n;
    }

    /** The index of the code layer: its activations are the codes. */
    static int codeLayer(ImageShape shape) {
        return 3 * halvings(shape);
    }

    static MultiLayerConfiguration configuration(ImageShape shape, BaselineTraining training) {
        int halvings = halvings(shape);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(MinibatchTraining.nd4jSeed(training.seed()))
                .dataType(DataType.FLOAT)
                .updater(new Adam(training.learningRate(), Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY, Adam.DEFAULT_ADAM_BETA2_VAR_DECAY,
                        KERAS_ADAM_EPSILON))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .l2(training.weightDecay())
                .convolutionMode(ConvolutionMode.Same)
                .list();
        int layer = 0;
        for (int i = 0; i < halvings; i++) {
            list.layer(layer++, new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(FILTERS << i)
                    .activation(Activation.IDENTITY).build());
            list.layer(layer++, batchNorm());
            list.layer(layer++, new ActivationLayer(Activation.RELU));
        }
        list.layer(layer++, new DenseLayer.Builder().nOut(CODE_LENGTH).activation(Activation.TANH).build());
        int bottomChannels = 4 * FILTERS;
        list.layer(layer++, new DenseLayer.Builder().nOut(bottomChannels * BOTTOM_SIDE * BOTTOM_SIDE)
                .activation(Activation.IDENTITY).build());
        list.layer(layer++, batchNorm());
        list.layer(layer++, new ActivationLayer(Activation.RELU));
        list.inputPreProcessor(layer, new FeedForwardToCnnPreProcessor(BOTTOM_SIDE, BOTTOM_SIDE, bottomChannels));
        for (int i = 0; i < halvings - 1; i++) {
            int channels = Math.max(FILTERS, bottomChannels >> (i + 1));
            list.layer(layer++, new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(channels)
                    .activation(Activation.IDENTITY).build());
            list.layer(layer++, batchNorm());
            list.layer(layer++, new ActivationLayer(Activation.RELU));
        }
        list.layer(layer++, new Deconvolution2D.Builder(3, 3).stride(2, 2).nOut(shape.channels())
                .activation(Activation.IDENTITY).build());
        list.layer(layer, new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.TANH).build());
        return list.setInputType(InputType.convolutional(shape.height(), shape.width(), shape.channels())).build();
    }

    private static BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().decay(KERAS_BN_DECAY).eps(KERAS_BN_EPSILON).build();
    }
}
