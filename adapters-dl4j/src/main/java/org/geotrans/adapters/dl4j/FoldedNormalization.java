package org.geotrans.adapters.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DepthwiseConvolutionParamInitializer;
import org.geotrans.domain.image.ImageBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.deeplearning4j.nn.conf.CNN2DFormat;

/**
 * Input gradients of a trained WRN: a copy of the network whose batch normalisations are folded
 * into fixed per-channel affine maps, {@code gamma (x - mean) / sqrt(var + eps) + beta}, exactly
 * what they compute at inference. Backpropagating the output layer's cross-entropy through it
 * gives the gradient of the predicting network; workspaces are off so that the input's epsilon
 * outlives the backward pass.
 */
final class FoldedNormalization {
    private final ComputationGraph folded;
    private final NetworkSpec spec;
    /** A backward pass leaves arrays whose native memory only the collector frees, as training steps do. */
    private final CollectionPacer collections = CollectionPacer.fromSystemProperty();

    private FoldedNormalization(ComputationGraph folded, NetworkSpec spec) {
        this.folded = folded;
        this.spec = spec;
    }

    /** The folded copy of {@code trained}, built for {@code spec}. */
    static FoldedNormalization of(ComputationGraph trained, NetworkSpec spec) {
        NetworkSpec plain = new NetworkSpec(spec.shape(), spec.classes(), spec.settings(),
                spec.tuning().withFormat(CNN2DFormat.NCHW).withWorkspaceMode(WorkspaceMode.NONE)
                        .withCacheMode(org.deeplearning4j.nn.conf.CacheMode.NONE));
        ComputationGraph folded = WideResNet.createFolded(plain);
        for (Layer layer : trained.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            Layer target = folded.getLayer(name);
            if (layer instanceof org.deeplearning4j.nn.layers.normalization.BatchNormalization bn) {
                fold(bn, target);
            } else {
                layer.paramTable().forEach((key, value) -> target.setParam(key, value.dup()));
            }
        }
        return new FoldedNormalization(folded, plain);
    }

    private static void fold(org.deeplearning4j.nn.layers.normalization.BatchNormalization bn, Layer target) {
        org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
        double[] gamma = bn.getParam(BatchNormalizationParamInitializer.GAMMA).toDoubleVector();
        double[] beta = bn.getParam(BatchNormalizationParamInitializer.BETA).toDoubleVector();
        double[] mean = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).toDoubleVector();
        double[] std = conf.isUseLogStd()
                ? bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).toDoubleVector()
                : bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).toDoubleVector();
        double[] scale = new double[gamma.length];
        double[] shift = new double[gamma.length];
        for (int c = 0; c < gamma.length; c++) {
            // DL4J keeps log10(sqrt(var + eps)) when it uses the log form
            double s = conf.isUseLogStd() ? Math.pow(10, std[c]) : Math.sqrt(std[c] + conf.getEps());
            scale[c] = gamma[c] / s;
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        INDArray w = target.getParam(DepthwiseConvolutionParamInitializer.WEIGHT_KEY);
        INDArray b = target.getParam(DepthwiseConvolutionParamInitializer.BIAS_KEY);
        target.setParam(DepthwiseConvolutionParamInitializer.WEIGHT_KEY,
                Nd4j.create(scale, w.shape(), 'c').castTo(w.dataType()));
        target.setParam(DepthwiseConvolutionParamInitializer.BIAS_KEY, Nd4j.create(shift, b.shape(), 'c').castTo(b.dataType()));
    }

    /** Softmax outputs of the folded network: equal to the trained one's up to rounding. */
    synchronized float[] softmax(ImageBatch images) {
        try (INDArray input = NdArrays.features(images, 0, images.count(), spec.format())) {
            return folded.output(false, input)[0].reshape((long) images.count() * spec.classes()).toFloatVector();
        }
    }

    /**
     * The gradient of each image's softmax output for its class. The output layer backpropagates
     * {@code p - onehot}, the gradient of {@code -log p_c} for each image alone; times {@code -p_c}
     * it is the gradient of {@code p_c}.
     */
    synchronized float[] softmaxGradient(ImageBatch images, int[] classes) {
        int n = images.count();
        int k = spec.classes();
        float[] p = softmax(images);
        INDArray input = NdArrays.features(images, 0, n, spec.format());
        folded.setInputs(input);
        folded.setLabels(NdArrays.oneHot(classes, k));
        folded.computeGradientAndScore();
        INDArray epsilon = ((GradientTapVertex.Tap) folded.getVertex(WideResNet.GRADIENT_TAP)).lastGradient();
        if (epsilon == null) {
            throw new IllegalStateException("DL4J gave no gradient at the network's input");
        }
        // NCHW back to the domain's NHWC
        float[] nhwc = epsilon.permute(0, 2, 3, 1).dup('c').reshape((long) n * images.shape().size()).toFloatVector();
        int size = images.shape().size();
        for (int i = 0; i < n; i++) {
            float factor = -p[i * k + classes[i]];
            for (int v = 0; v < size; v++) {
                nhwc[i * size + v] *= factor;
            }
        }
        folded.clearLayersStates();
        input.close();
        collections.afterStep();
        return nhwc;
    }
}
