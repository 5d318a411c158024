/**
 * The deep baselines of the paper's Table 1 on libtorch, beside the Deeplearning4j ones of
 * adapters-dl4j-baselines and behind the same domain ports ({@code ImageEncoderTrainer},
 * {@code ImageDetectorTrainer}): the same architectures and recipes, at libtorch's speed on the
 * CPU. libtorch is loaded, and its threads set, by adapters-libtorch's {@code LibtorchRuntime};
 * images cross into tensors through its {@code Tensors}. Autograd gives the input gradients that
 * DSEBM's score matching and ADGAN's gradient penalty need, second derivatives included.
 */
package org.geotrans.adapters.libtorch.baselines;
