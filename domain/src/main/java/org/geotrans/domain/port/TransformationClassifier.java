package org.geotrans.domain.port;

import java.io.IOException;
import java.io.OutputStream;
import org.geotrans.domain.image.ImageBatch;
import org.geotrans.domain.image.ImageShape;

/**
 * A trained network that tells which of k transformations was applied to an image. Implemented
 * by an adapter (Deeplearning4j); the domain only sees softmax outputs.
 */
public interface TransformationClassifier {

    /** Input shape the network was built for. */
    ImageShape inputShape();

    /** Number of transformations (softmax outputs). */
    int transformationCount();

    /**
     * Softmax outputs for already transformed images: row-major, {@code count x k}, entry
     * {@code [i * k + j]} the probability that image i underwent transformation j.
     */
    float[] predictSoftmax(ImageBatch transformedImages);

    /** Writes the network in the adapter's own format; {@link TransformationClassifierProvider#load} reads it. */
    void save(OutputStream out) throws IOException;

    /** The engine this classifier runs on; saved detectors record it. */
    ClassifierBackend backend();

    /** A short description for provenance, e.g. "WRN-10-4 on DL4J 1.0.0-M2.1 (CPU)". */
    String describe();
}
