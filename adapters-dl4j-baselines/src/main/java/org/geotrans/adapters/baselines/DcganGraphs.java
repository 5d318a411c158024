package org.geotrans.adapters.baselines;

import org.geotrans.domain.image.ImageShape;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The paper's convolutional encoder and decoder, shaped like DCGAN's discriminator and generator
 * (the reference code's {@code conv_encoder} and {@code conv_decoder}): three (four for 64x64
 * images) stride-2 3x3 convolutions with 64, 128, 256 (, 512) filters, batch normalization and
 * ReLU, then a dense representation; the decoder mirrors it from a dense 4x4x256 map with
 * transposed convolutions and ends in tanh. DSEBM, DAGMM and ADGAN build their networks from
 * these two. They are {@link ConvAutoencoder}'s layers as SameDiff graphs: those three train on
 * losses a DL4J layer stack cannot express (an input gradient inside the loss, a mixture fitted
 * to each batch), so they need the graph form; the architecture and Keras's defaults are the same.
 */
final class DcganGraphs {
    private static final int FILTERS = 64;

    private DcganGraphs() {
    }

    /** The representation's activation. */
    enum Activation { LINEAR, TANH, RELU }

    /** Checks that the reference architecture is defined for this shape: square, 32 or 64 pixels. */
    static void checkSide(ImageShape shape) {
        if (shape.height() != shape.width() || (shape.width() != 32 && shape.width() != 64)) {
            throw new IllegalArgumentException("DSEBM, DAGMM and ADGAN take square 32x32 or 64x64 images (as the paper's"
                    + " code), got " + shape);
        }
    }

    /** The encoder of {@code x} (NHWC, side x side x channels) to {@code dimension} values. */
    static SDVariable encoder(GraphBuilder g, String name, SDVariable x, int side, int channels, int dimension,
            Activation activation) {
        SDVariable h = x;
        int in = channels;
        int out = FILTERS;
        int s = side;
        int blocks = side == 64 ? 4 : 3;
        for (int b = 0; b < blocks; b++) {
            s /= 2;
            h = g.conv(name + "/conv" + b, h, in, out);
            h = g.graph().nn().relu(g.batchNorm(name + "/bn" + b, h, out, s * s), 0);
            in = out;
            out *= 2;
        }
        int flat = s * s * in;
        SDVariable rep = g.dense(name + "/rep", h.reshape(-1, flat), flat, dimension);
        return switch (activation) {
            case LINEAR -> rep;
            case TANH -> g.graph().math().tanh(rep);
            case RELU -> g.graph().nn().relu(rep, 0);
        };
    }

    /** The decoder of {@code rep} (rows of {@code dimension} values) to side x side x channels in [-1, 1]. */
    static SDVariable decoder(GraphBuilder g, String name, SDVariable rep, int dimension, int side, int channels) {
        int start = FILTERS * 4;
        SDVariable h = g.dense(name + "/dense", rep, dimension, 4 * 4 * start);
        h = g.graph().nn().relu(g.batchNorm(name + "/bn-dense", h, 4 * 4 * start, 1), 0);
        h = h.reshape(-1, 4, 4, start);
        int[] filters = side == 64 ? new int[] {FILTERS * 2, FILTERS, FILTERS} : new int[] {FILTERS * 2, FILTERS};
        int in = start;
        int s = 4;
        for (int b = 0; b < filters.length; b++) {
            s *= 2;
            h = g.deconv(name + "/deconv" + b, h, in, filters[b]);
            h = g.graph().nn().relu(g.batchNorm(name + "/bn" + b, h, filters[b], s * s), 0);
            in = filters[b];
        }
        return g.graph().math().tanh(g.deconv(name + "/out", h, in, channels));
    }
}
