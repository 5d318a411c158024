package org.geotrans.adapters.dl4j;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Moves domain batches into ND4J arrays: one copy from the Java heap into native memory. */
final class NdArrays {
    private NdArrays() {
    }

    /**
     * Images {@code from .. from + count} of the batch as a network input in {@code format}. The
     * NHWC array is wrapped as is (a slice is copied only when the batch is split); NCHW costs
     * one more native permute-copy.
     */
    static INDArray features(ImageBatch batch, int from, int count, CNN2DFormat format) {
        ImageShape s = batch.shape();
        float[] data = batch.data();
        float[] slice = from == 0 && count == batch.count() ? data
                : Arrays.copyOfRange(data, from * s.size(), (from + count) * s.size());
        INDArray nhwc = Nd4j.create(slice, new long[] {count, s.height(), s.width(), s.channels()}, 'c');
        if (format == CNN2DFormat.NHWC) {
            return nhwc;
        }
        INDArray nchw = nhwc.permute(0, 3, 1, 2).dup('c');
        nhwc.close();
        return nchw;
    }

    /** One-hot rows for the labels. */
    static INDArray oneHot(int[] labels, int classes) {
        float[] data = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at position " + i
                        + " is outside 0.." + (classes - 1));
            }
            data[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(data, new long[] {labels.length, classes}, 'c');
    }
}
