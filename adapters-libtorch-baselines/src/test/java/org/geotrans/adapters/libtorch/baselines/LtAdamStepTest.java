package org.geotrans.adapters.libtorch.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.geotrans.adapters.libtorch.Tensors;
import org.junit.jupiter.api.Test;

/** Adam's moment decays reach libtorch in the right order (its options hold them in a std::tuple). */
class LtAdamStepTest {

    /**
     * A weight w with the loss w, then -w: the second step moves w by lr x m^ / sqrt(v^), where
     * with beta1 = 0 m^ = -1 and v^ = 1 whatever beta2 is, so w gains exactly lr; with beta1 = 0.9
     * and beta2 = 0 (the two swapped) m^ = -0.01 / 0.19 and w would gain only lr / 19.
     */
    @Test
    void beta1AndBeta2AreTheOnesGiven() {
        double lr = 0.1;
        try (NetworkTensors t = new NetworkTensors(1)) {
            Tensor w = t.filled("w", NetworkTensors.Kind.BIAS, 0f, 1);
            try (AdamStep adam = new AdamStep(t.trainable(), lr, 0, 0.9, 0, 0)) {
                adam.step(() -> w.sum());
                double afterFirst = Tensors.values(w)[0];
                adam.step(() -> w.sum().mul(new Scalar(-1.0)));
                double afterSecond = Tensors.values(w)[0];
                assertEquals(-lr, afterFirst, 1e-6);
                assertEquals(lr, afterSecond - afterFirst, 1e-6);
            }
        }
    }
}
