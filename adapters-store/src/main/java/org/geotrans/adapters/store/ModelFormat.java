package org.geotrans.adapters.store;

import java.util.List;

/**
 * The entries of a model file, version 3:
 * <ul>
 *   <li>{@code geotrans.properties}: format, version, backend, shapes, transformations, score
 *       type, clipping, provenance and the calibrated decision threshold when there is one, as
 *       Java properties;</li>
 *   <li>{@code dirichlet.txt}: one line of alphas per transformation, written with
 *       {@link Double#toString} so that they read back exactly;</li>
 *   <li>{@code classifier.bin}: the network in its backend's own format;</li>
 *   <li>{@code manifest.sha256}: the SHA-256 and size of each entry above;</li>
 *   <li>{@code manifest.sha256.digest}: the SHA-256 of the manifest.</li>
 * </ul>
 * Version 2 had the same entries without a threshold (read as a detector without one); version 1
 * had the first three only (refused).
 */
final class ModelFormat {
    static final String FORMAT = "geotrans-detector";
    static final int VERSION = 3;
    /** The oldest version this build reads. */
    static final int OLDEST_READABLE = 2;
    static final String META = "geotrans.properties";
    static final String ALPHAS = "dirichlet.txt";
    static final String NETWORK = "classifier.bin";
    static final String MANIFEST = "manifest.sha256";
    static final String MANIFEST_DIGEST = "manifest.sha256.digest";
    /** The parts the manifest covers, in the order they are written. */
    static final List<String> PARTS = List.of(META, ALPHAS, NETWORK);
    /** Every entry name a model file may hold. */
    static final List<String> ENTRIES = List.of(META, ALPHAS, NETWORK, MANIFEST, MANIFEST_DIGEST);

    private ModelFormat() {
    }
}
