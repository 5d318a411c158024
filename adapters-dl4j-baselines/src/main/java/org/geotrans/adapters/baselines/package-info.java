/**
 * The deep baselines of the paper's Table 1 on Deeplearning4j: the DCGAN-shaped convolutional
 * autoencoder whose codes CAE-OC-SVM hands to the One-Class SVM, and One-Class Deep SVDD (the
 * paper's E2E-OC-SVM). They implement the domain's {@code ImageEncoderTrainer} and
 * {@code ImageDetectorTrainer}; ND4J is started by adapters-dl4j's {@code Dl4jBackend}.
 */
package org.geotrans.adapters.baselines;
