package org.geotrans.adapters.baselines;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;

/**
 * Layers for one SameDiff graph over the weights of a {@link ParameterStore}, NHWC. Batch
 * normalization is written out (batch moments in training, moving statistics otherwise) so that
 * its gradient is plain autodiff and the trainer can read the batch moments to update the moving
 * statistics itself, as Keras does (momentum 0.99, epsilon 1e-3).
 */
final class GraphBuilder {
    static final double BN_MOMENTUM = 0.99;
    static final double BN_EPSILON = 1e-3;

    /** Whether batch normalization uses the batch's moments or the moving statistics. */
    enum Mode { TRAINING, INFERENCE }

    /**
     * The batch moments of one BN layer in a training graph.
     *
     * @param valuesPerImage values each image adds to one channel's moments (height x width)
     */
    record BatchMoments(String statistic, SDVariable mean, SDVariable variance, int valuesPerImage) {
    }

    private final SameDiff sd;
    private final ParameterStore store;
    private final Mode mode;
    private final List<BatchMoments> moments = new ArrayList<>();

    /** Layers in {@code sd}; a network built twice in one graph shares its weight variables. */
    GraphBuilder(SameDiff sd, ParameterStore store, Mode mode) {
        this.sd = sd;
        this.store = store;
        this.mode = mode;
    }

    SameDiff graph() {
        return sd;
    }

    /** The BN layers' batch moments (empty in inference graphs), in the order built. */
    List<BatchMoments> moments() {
        return Collections.unmodifiableList(moments);
    }

    /** 3x3 convolution, stride 2, 'same' padding, with bias (Keras Conv2D). */
    SDVariable conv(String name, SDVariable in, int inChannels, int outChannels) {
        SDVariable w = weight(name + "/W", store.kernel(name + "/W", 9 * inChannels, 9 * outChannels, 3, 3, inChannels, outChannels));
        SDVariable b = weight(name + "/b", store.filled(name + "/b", 0, outChannels));
        return sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(3).kW(3).sH(2).sW(2)
                .paddingMode(PaddingMode.SAME).dataFormat("NHWC").build());
    }

    /** 3x3 transposed convolution, stride 2, 'same' padding, with bias (Keras Conv2DTranspose). */
    SDVariable deconv(String name, SDVariable in, int inChannels, int outChannels) {
        SDVariable w = weight(name + "/W", store.kernel(name + "/W", 9 * inChannels, 9 * outChannels, 3, 3, outChannels, inChannels));
        SDVariable b = weight(name + "/b", store.filled(name + "/b", 0, outChannels));
        return sd.cnn().deconv2d(in, w, b, DeConv2DConfig.builder().kH(3).kW(3).sH(2).sW(2)
                .isSameMode(true).dataFormat("NHWC").build());
    }

    /** A dense layer without activation (Keras Dense). */
    SDVariable dense(String name, SDVariable in, int inputs, int outputs) {
        SDVariable w = weight(name + "/W", store.kernel(name + "/W", inputs, outputs, inputs, outputs));
        SDVariable b = weight(name + "/b", store.filled(name + "/b", 0, outputs));
        return in.mmul(w).add(b);
    }

    /**
     * Batch normalization over every axis but the last (channels, or features of a dense layer).
     *
     * @param valuesPerImage height x width for a convolution's output, 1 for a dense layer's
     */
    SDVariable batchNorm(String name, SDVariable in, int channels, int valuesPerImage) {
        // as rows of channels: reductions and row-vector broadcasts are ND4J's fast paths
        SDVariable rows = valuesPerImage == 1 ? in : in.reshape(-1, channels);
        SDVariable gamma = weight(name + "/gamma", store.filled(name + "/gamma", 1, channels));
        SDVariable beta = weight(name + "/beta", store.filled(name + "/beta", 0, channels));
        INDArray movingMean = store.statistic(name + "/mean", 0, channels);
        INDArray movingVar = store.statistic(name + "/var", 1, channels);
        SDVariable mean;
        SDVariable variance;
        if (mode == Mode.TRAINING) {
            // E[x^2] - E[x]^2 and a per-channel scale and shift: two fewer full-size ops in each
            // direction than (x - mean) / sqrt(var + eps), which halves the step's time
            mean = rows.mean(0);
            variance = rows.mul(rows).mean(0).sub(mean.mul(mean));
            moments.add(new BatchMoments(name, mean, variance, valuesPerImage));
        } else {
            mean = sd.constant(movingMean);
            variance = sd.constant(movingVar);
        }
        SDVariable scale = gamma.div(sd.math().sqrt(variance.add(BN_EPSILON)));
        SDVariable out = rows.mul(scale).add(beta.sub(mean.mul(scale)));
        return valuesPerImage == 1 ? out : sd.reshape(out, in.shape());
    }

    /** The graph variable of a stored weight: one per graph, shared by every use of the weight. */
    private SDVariable weight(String name, INDArray array) {
        if (sd.hasVariable(name)) {
            return sd.getVariable(name);
        }
        return sd.var(name, array);
    }

    /** A fresh placeholder of float images, NHWC with any batch size. */
    static SDVariable images(SameDiff sd, String name, int side, int channels) {
        return sd.placeHolder(name, DataType.FLOAT, -1, side, side, channels);
    }
}
