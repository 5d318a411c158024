/**
 * The transformation classifier on Deeplearning4j 1.0.0-M2.1: the paper's Wide ResNet, trained
 * on a prefetched stream of transformed batches, saved in a versioned, checksummed file.
 *
 * <p>Public: {@link org.geotrans.adapters.dl4j.Dl4jTransformationClassifierProvider} (the port
 * implementation the wiring instantiates), {@link org.geotrans.adapters.dl4j.Dl4jBackend}
 * (backend start-up and class-loader help for hosts such as Weka) and
 * {@link org.geotrans.adapters.dl4j.ClassifierBenchmark} (the {@code geotrans bench} entry
 * point). Everything else is package-private.
 *
 * <p>Speed on CPU rests on DL4J's oneDNN layer helpers, which M2.1 never enables by itself; see
 * {@link org.geotrans.adapters.dl4j.Dl4jBackend} and the shim {@code org.nd4j.nativeblas.Nd4jCpu}.
 */
package org.geotrans.adapters.dl4j;
