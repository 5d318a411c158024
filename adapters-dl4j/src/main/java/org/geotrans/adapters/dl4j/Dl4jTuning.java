package org.geotrans.adapters.dl4j;

import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * Backend choices that change speed and memory, not results. The defaults are the measured best
 * on CPU (see BENCHMARK.md); the benchmark varies them.
 *
 * @param format tensor layout inside the network for training (input always arrives NHWC)
 * @param inferenceFormat layout of the copy of the trained network that predicts; the weights do
 *        not depend on the layout, and oneDNN's NHWC kernels are faster for inference only
 * @param workspaceMode DL4J workspaces for training and inference
 * @param inferenceBatch images per forward pass when predicting
 * @param prefetch training batches built ahead on the background thread
 * @param cacheMode DL4J's cache of forward activations for the backward pass: DEVICE trained
 *        about 20 % faster than NONE here for about 350 MB more peak memory (BENCHMARK.md)
 */
record Dl4jTuning(CNN2DFormat format, CNN2DFormat inferenceFormat, WorkspaceMode workspaceMode, int inferenceBatch,
                  int prefetch, CacheMode cacheMode) {
    /** Inference batch 256: within 10 % of 512's speed and keeps peak memory under 2 GB for WRN-10-4. */
    static final Dl4jTuning DEFAULT = new Dl4jTuning(CNN2DFormat.NCHW, CNN2DFormat.NHWC,
            WorkspaceMode.ENABLED, 256, 2, CacheMode.DEVICE);

    Dl4jTuning {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(inferenceFormat, "inferenceFormat");
        Objects.requireNonNull(workspaceMode, "workspaceMode");
        Objects.requireNonNull(cacheMode, "cacheMode");
        if (inferenceBatch < 1) {
            throw new IllegalArgumentException("inference batch must be at least 1, got " + inferenceBatch);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch depth must be at least 1 batch, got " + prefetch);
        }
    }

    /** The same layout for training and inference. */
    Dl4jTuning withFormat(CNN2DFormat f) {
        return new Dl4jTuning(f, f, workspaceMode, inferenceBatch, prefetch, cacheMode);
    }

    Dl4jTuning withFormats(CNN2DFormat training, CNN2DFormat inference) {
        return new Dl4jTuning(training, inference, workspaceMode, inferenceBatch, prefetch, cacheMode);
    }

    Dl4jTuning withWorkspaceMode(WorkspaceMode w) {
        return new Dl4jTuning(format, inferenceFormat, w, inferenceBatch, prefetch, cacheMode);
    }

    Dl4jTuning withInferenceBatch(int b) {
        return new Dl4jTuning(format, inferenceFormat, workspaceMode, b, prefetch, cacheMode);
    }

    Dl4jTuning withCacheMode(CacheMode c) {
        return new Dl4jTuning(format, inferenceFormat, workspaceMode, inferenceBatch, prefetch, c);
    }
}
