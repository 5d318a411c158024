package org.geotrans.adapters.libtorch.baselines;

/** A baseline's network: its tensors in one {@link NetworkTensors}, freed by {@link #close()}. */
interface TensorNetwork extends AutoCloseable {

    /** Every tensor of the network, in its fixed order. */
    NetworkTensors tensors();

    @Override
    default void close() {
        tensors().close();
    }
}
