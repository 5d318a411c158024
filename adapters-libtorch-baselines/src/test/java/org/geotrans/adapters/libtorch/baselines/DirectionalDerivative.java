package org.geotrans.adapters.libtorch.baselines;

import static org.bytedeco.pytorch.global.torch.randn_like;

import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Checks a loss's weight gradient as autograd gives it against a central difference of the loss
 * along one random direction of every trainable tensor. The network is turned to double precision
 * first, so that the difference is exact to about 1e-9 for a small step.
 */
final class DirectionalDerivative {

    /** The derivative along the direction, by autograd and by the central difference. */
    record Result(double analytic, double numeric) {
    }

    private DirectionalDerivative() {
    }

    /** Every tensor of {@code network} in double precision from now on (as PyTorch's {@code Module.double()}). */
    static void toDouble(NetworkTensors network) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (NetworkTensors.Entry e : network.entries()) {
                e.tensor().set_data(e.tensor().to(ScalarType.Double));
            }
        }
    }

    /**
     * d loss / d w along a direction drawn from {@code seed}; {@code loss} must give the same value
     * for the same weights (reseed any randomness it draws inside).
     */
    static Result of(NetworkTensors network, Supplier<Tensor> loss, long seed, double step) {
        List<NetworkTensors.Entry> weights = network.trainable();
        Tensor[] direction = new Tensor[weights.size()];
        double analytic = 0;
        try (PointerScope scope = new PointerScope()) {
            for (NetworkTensors.Entry e : weights) {
                if (e.tensor().grad().defined()) {
                    e.tensor().grad().zero_();
                }
            }
            loss.get().backward();
            torch.manual_seed(seed);
            for (int i = 0; i < direction.length; i++) {
                Tensor w = weights.get(i).tensor();
                direction[i] = randn_like(w);
                analytic += w.grad().mul(direction[i]).sum().item_double();
            }
            move(weights, direction, step);
            double plus = loss.get().item_double();
            move(weights, direction, -2 * step);
            double minus = loss.get().item_double();
            move(weights, direction, step);
            return new Result(analytic, (plus - minus) / (2 * step));
        }
    }

    private static void move(List<NetworkTensors.Entry> weights, Tensor[] direction, double step) {
        try (NoGradGuard noGrad = new NoGradGuard(); Scalar alpha = new Scalar(step)) {
            for (int i = 0; i < direction.length; i++) {
                weights.get(i).tensor().add_(direction[i], alpha);
            }
        }
    }
}
