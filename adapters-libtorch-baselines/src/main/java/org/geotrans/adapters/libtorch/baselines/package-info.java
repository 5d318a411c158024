/**
 * The deep baselines of the paper's Table 1 on libtorch, beside the Deeplearning4j ones of
 * adapters-dl4j-baselines and behind the same domain ports ({@code ImageEncoderTrainer},
 * {@code ImageDetectorTrainer}): the same architectures and recipes, at libtorch's speed on the
 * CPU. libtorch is loaded, and its threads set, by adapters-libtorch's {@code LibtorchRuntime};
 * images cross into tensors through its {@code Tensors}. Autograd gives the input gradients that
 * DSEBM's score matching and ADGAN's gradient penalty need, second derivatives included.
 *
 * <p>What every baseline is built of: a network's named tensors in one {@code NetworkTensors}
 * (Keras' initialisation from the seed, the order of the saved bytes), shared by its parts
 * ({@code DcganEncoder}, {@code DcganDecoder}, or its own {@code Layers}); {@code MinibatchTraining}
 * (seeded shuffles, one {@code AdamStep} per batch, non-finite losses refused) and
 * {@code BatchedInference} for the outputs; {@code TensorFormat} for the bytes of a trained
 * network, inside each detector's own {@code toBytes}. fp32 throughout: the networks are small.
 */
package org.geotrans.adapters.libtorch.baselines;
