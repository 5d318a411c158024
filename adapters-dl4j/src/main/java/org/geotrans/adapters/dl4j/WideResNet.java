package org.geotrans.adapters.dl4j;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.geotrans.domain.port.ClassifierSettings;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * WRN-depth-k as in the paper's reference code (wide_residual_network.py): pre-activation basic
 * blocks, a 1x1 projection shortcut from the first BN-ReLU output where the channel count changes,
 * groups of 16k, 32k, 64k channels at strides 1, 2, 2 after a 16-channel stem, a final BN-ReLU,
 * average pooling over 8x8 windows and a softmax over the transformations.
 *
 * <p>Details that follow the reference rather than DL4J's defaults: convolution kernels from
 * N(0, 2 / fan_in) (He, not truncated), the dense kernel from U(-1/sqrt(fan_in), +1/sqrt(fan_in)),
 * Adam with Keras' epsilon 1e-7, and the L2 penalty on the convolution and dense kernels, the
 * dense bias and batch norm's gamma and beta ({@link RegularizedBatchNormalization}). Keras'
 * {@code l2(wd)} adds {@code wd * sum(w^2)} to the loss, DL4J's {@code l2(c)} adds
 * {@code c/2 * sum(w^2)}; the coefficient is doubled so the gradients match the reference.
 */
final class WideResNet {
    static final String INPUT = "input";
    static final String OUTPUT = "softmax";
    /** In a folded network: the identity right after the input, whose epsilon is the input gradient. */
    static final String GRADIENT_TAP = "input_gradient";
    /** The two-headed network's outputs, in this order. */
    static final String CATEGORY_OUTPUT = "category_softmax";
    static final String TRANSFORMATION_OUTPUT = "transformation_softmax";
    private static final String POOLED = "pool";
    private static final double BN_MOMENTUM = 0.9;
    private static final double BN_EPSILON = 1e-5;
    private static final long SEED_SALT = 0x9E3779B97F4A7C15L;
    /** Keras' Adam epsilon (K.epsilon()); DL4J's default is 1e-8. */
    static final double ADAM_EPSILON = 1e-7;
    /** The reference's AveragePooling2D(8) after the last group. */
    static final int POOL = ClassifierSettings.POOL_WINDOW;

    private final NetworkSpec spec;
    private final GraphBuilder graph;
    /** Batch normalisation as the fixed per-channel affine map it is at inference (for input gradients). */
    private final boolean foldedNormalization;

    private WideResNet(NetworkSpec spec, boolean foldedNormalization) {
        this.spec = spec;
        this.foldedNormalization = foldedNormalization;
        double l2 = 2 * spec.settings().weightDecay();
        this.graph = new NeuralNetConfiguration.Builder()
                .seed(nd4jSeed(spec.settings().seed()))
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.settings().learningRate(), Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY,
                        Adam.DEFAULT_ADAM_BETA2_VAR_DECAY, ADAM_EPSILON))
                .weightInit(WeightInit.RELU)
                .l2(l2)
                .l2Bias(l2)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(spec.workspaceMode())
                .inferenceWorkspaceMode(spec.workspaceMode())
                .cacheMode(spec.cacheMode())
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(spec.shape().height(), spec.shape().width(),
                        spec.shape().channels(), spec.format()));
    }

    /**
     * The seed handed to ND4J for a user's seed. ND4J's native generator takes seed 0 to mean
     * "seed me from the clock", so seed 0 (the CLI's default) gave different weights on every run.
     * XOR with a fixed odd constant is one-to-one and moves 0 away; the single user seed that would
     * land on 0 (the constant itself) shares the constant with seed 0.
     */
    static long nd4jSeed(long seed) {
        long mixed = seed ^ SEED_SALT;
        return mixed != 0 ? mixed : SEED_SALT;
    }

    /** The graph configuration, not yet initialised. */
    static ComputationGraphConfiguration configuration(NetworkSpec spec) {
        return new WideResNet(spec, false).build();
    }

    /**
     * The same graph with every batch normalisation replaced by a 1x1 depthwise convolution with
     * bias (layer names kept), into which {@link FoldedNormalization} copies a trained network's
     * inference-time normalisation: backpropagation through it is the gradient of the network as
     * it predicts, which DL4J's batch normalisation layer, built for training, does not give.
     */
    static ComputationGraph createFolded(NetworkSpec spec) {
        ComputationGraph network = new ComputationGraph(new WideResNet(spec, true).build());
        network.init();
        return network;
    }

    /** A freshly initialised network (seeded weights). */
    static ComputationGraph create(NetworkSpec spec) {
        ComputationGraph network = new ComputationGraph(configuration(spec));
        network.init();
        return network;
    }

    private ComputationGraphConfiguration build() {
        graph.addLayer(OUTPUT, softmax(spec.classes()), body());
        graph.setOutputs(OUTPUT);
        return graph.build();
    }

    /**
     * The two-headed network of the paper's section 5.5 (multiclass_experiment.py): the same body,
     * and beside the transformation softmax a softmax over {@code categories} labelled categories,
     * both on the pooled features. Training sums the two heads' cross-entropies.
     */
    static ComputationGraph createTwoHead(NetworkSpec spec, int categories) {
        if (categories < 2) {
            throw new IllegalArgumentException("the category head needs at least 2 categories, got " + categories);
        }
        WideResNet builder = new WideResNet(spec, false);
        String features = builder.body();
        builder.graph.addLayer(CATEGORY_OUTPUT, softmax(categories), features);
        builder.graph.addLayer(TRANSFORMATION_OUTPUT, softmax(spec.classes()), features);
        builder.graph.setOutputs(CATEGORY_OUTPUT, TRANSFORMATION_OUTPUT);
        ComputationGraph network = new ComputationGraph(builder.graph.build());
        network.init();
        return network;
    }

    private static OutputLayer softmax(int outputs) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.UNIFORM) // U(-1/sqrt(fan_in), +1/sqrt(fan_in)), as the reference's dense kernel
                .nOut(outputs)
                .build();
    }

    /** Stem, groups, final BN-ReLU and pooling; returns the pooled features' vertex. */
    private String body() {
        int widen = spec.settings().widen();
        int blocks = spec.settings().blocksPerGroup();
        String first = INPUT;
        if (foldedNormalization) {
            graph.addVertex(GRADIENT_TAP, new GradientTapVertex(), INPUT);
            first = GRADIENT_TAP;
        }
        String x = conv("stem", first, 16, 3, 1);
        int[] channels = {16 * widen, 32 * widen, 64 * widen};
        int[] strides = {1, 2, 2};
        int in = 16;
        for (int g = 0; g < channels.length; g++) {
            for (int b = 0; b < blocks; b++) {
                x = basicBlock("g" + (g + 1) + "b" + (b + 1), x, in, channels[g], b == 0 ? strides[g] : 1);
                in = channels[g];
            }
        }
        x = bnRelu("final", x);
        graph.addLayer(POOLED, pooling(), x);
        return POOLED;
    }

    /** The reference's pooling ({@link ClassifierSettings#pooledCells}): 8x8 windows, or global where those don't fit. */
    private org.deeplearning4j.nn.conf.layers.Layer pooling() {
        if (ClassifierSettings.pooledCells(spec.shape()) == 1) {
            return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
        }
        return new SubsamplingLayer.Builder(PoolingType.AVG)
                .kernelSize(POOL, POOL)
                .stride(POOL, POOL)
                .convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(spec.format())
                .build();
    }

    /** BN-ReLU, conv3x3(stride), BN-ReLU, conv3x3, plus the shortcut. Returns the block's output vertex. */
    private String basicBlock(String name, String input, int inChannels, int outChannels, int stride) {
        String act1 = bnRelu(name + "_1", input);
        String conv1 = conv(name + "_conv1", act1, outChannels, 3, stride);
        String act2 = bnRelu(name + "_2", conv1);
        String conv2 = conv(name + "_conv2", act2, outChannels, 3, 1);
        String shortcut = inChannels == outChannels && stride == 1
                ? input
                : conv(name + "_shortcut", act1, outChannels, 1, stride);
        graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), conv2, shortcut);
        return name + "_add";
    }

    private String conv(String name, String input, int channels, int kernel, int stride) {
        graph.addLayer(name, new ConvolutionLayer.Builder(kernel, kernel)
                .stride(stride, stride)
                .nOut(channels)
                .hasBias(false)
                .activation(Activation.IDENTITY)
                .dataFormat(spec.format())
                .build(), input);
        return name;
    }

    private String bnRelu(String name, String input) {
        CNN2DFormat format = spec.format();
        if (foldedNormalization) {
            graph.addLayer(name + "_bn", new DepthwiseConvolution2D.Builder(1, 1)
                    .depthMultiplier(1)
                    .hasBias(true)
                    .activation(Activation.IDENTITY)
                    .dataFormat(format)
                    .build(), input);
        } else {
            graph.addLayer(name + "_bn", RegularizedBatchNormalization.of(new BatchNormalization.Builder()
                    .decay(BN_MOMENTUM)
                    .eps(BN_EPSILON)
                    .dataFormat(format)
                    .build()), input);
        }
        graph.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + "_bn");
        return name + "_relu";
    }
}
