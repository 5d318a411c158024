package org.geotrans.adapters.libtorch.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.ImageShape;
import org.junit.jupiter.api.Test;

/**
 * The gradient penalty's weight gradient, a second derivative through libtorch's autograd, against
 * central differences of the penalty itself on a tiny critic (8x8 images, a batch of 4). In double
 * precision: the penalty is a function of the critic's input gradient, which jumps wherever a ReLU
 * changes side, so the differences need steps too small for float.
 */
class LtAdganPenaltyTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final double STEP = 1e-6;

    @Test
    void thePenaltysWeightGradientMatchesItsCentralDifferences() {
        try (AdganCritic critic = new AdganCritic(SHAPE, 5); PointerScope scope = new PointerScope()) {
            inDoublePrecision(critic);
            Tensor at = images(4, 11);
            List<Tensor> weights = critic.tensors().trainable().stream().map(NetworkTensors.Entry::tensor).toList();
            WganGpTraining.gradientPenalty(critic, at).backward();
            // the critic's last bias does not move its input gradient: it gets no gradient at all
            List<Tensor> gradient = weights.stream().map(w -> w.grad().defined() ? w.grad().clone() : torch.zeros_like(w))
                    .toList();
            assertTrue(norm(gradient) > 1e-3, "the penalty reaches the weights: |gradient| " + norm(gradient));
            // the slope along the gradient is its norm; along any direction v it is gradient . v
            for (List<Tensor> direction : List.of(unit(gradient), unit(randomLike(gradient, 13)))) {
                double analytic = dot(gradient, direction);
                double numeric = (penaltyAt(critic, at, weights, direction, STEP)
                        - penaltyAt(critic, at, weights, direction, -STEP)) / (2 * STEP);
                assertEquals(analytic, numeric, 1e-4 * Math.abs(analytic) + 1e-8, "slope along a direction");
            }
        }
    }

    /** Every tensor of the critic in double precision, in place. */
    private static void inDoublePrecision(AdganCritic critic) {
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (NetworkTensors.Entry e : critic.tensors().entries()) {
                e.tensor().__dispatch_set_data(e.tensor().to(ScalarType.Double));
            }
        }
    }

    /** The penalty with every weight moved by {@code h} x {@code direction}, the weights restored after. */
    private static double penaltyAt(AdganCritic critic, Tensor at, List<Tensor> weights, List<Tensor> direction, double h) {
        List<Tensor> saved = new ArrayList<>();
        try (NoGradGuard noGrad = new NoGradGuard()) {
            for (int i = 0; i < weights.size(); i++) {
                saved.add(weights.get(i).clone());
                weights.get(i).add_(direction.get(i), new Scalar(h));
            }
        }
        try {
            return WganGpTraining.gradientPenalty(critic, at).item_double();
        } finally {
            try (NoGradGuard noGrad = new NoGradGuard()) {
                for (int i = 0; i < weights.size(); i++) {
                    weights.get(i).copy_(saved.get(i));
                }
            }
        }
    }

    private static Tensor images(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * SHAPE.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Tensors.copyOf(values, 0, n, SHAPE.channels(), SHAPE.height(), SHAPE.width()).to(ScalarType.Double);
    }

    private static List<Tensor> randomLike(List<Tensor> like, long seed) {
        Random random = new Random(seed);
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : like) {
            float[] values = new float[Math.toIntExact(t.numel())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            out.add(Tensors.copyOf(values, 0, t.sizes().vec().get()).to(ScalarType.Double));
        }
        return out;
    }

    private static List<Tensor> unit(List<Tensor> v) {
        Scalar n = new Scalar(norm(v));
        return v.stream().map(t -> t.div(n)).toList();
    }

    private static double norm(List<Tensor> v) {
        return Math.sqrt(dot(v, v));
    }

    private static double dot(List<Tensor> a, List<Tensor> b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += a.get(i).mul(b.get(i)).sum().item_double();
        }
        return sum;
    }
}
