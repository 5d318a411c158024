/**
 * The deep baselines of the paper's Table 1 on Deeplearning4j: the DCGAN-shaped convolutional
 * autoencoder whose codes CAE-OC-SVM hands to the One-Class SVM, One-Class Deep SVDD (the
 * paper's E2E-OC-SVM), and DSEBM, DAGMM and ADGAN. They implement the domain's
 * {@code ImageEncoderTrainer} and {@code ImageDetectorTrainer}; ND4J is started by
 * adapters-dl4j's {@code Dl4jBackend}.
 *
 * <p>DSEBM, DAGMM and ADGAN are SameDiff graphs over the same architecture
 * ({@code DcganGraphs}), because their losses hold what a DL4J layer stack cannot: an input
 * gradient (DSEBM's score matching, ADGAN's gradient penalty; their second derivatives are
 * central differences of first-order gradients) and a Gaussian mixture fitted to each batch
 * (DAGMM; written out in the domain's {@code GaussianMixtureEnergy}, which every backend shares).
 */
package org.geotrans.adapters.baselines;
