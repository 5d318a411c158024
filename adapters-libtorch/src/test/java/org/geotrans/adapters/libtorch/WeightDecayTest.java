package org.geotrans.adapters.libtorch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ClassifierSettings;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.LabeledBatch;
import org.junit.jupiter.api.Test;

/**
 * The reference puts {@code l2(wd)} on every convolution kernel, the dense kernel and bias, and
 * batch norm's gamma and beta: on each of them a step's gradient must be the cross-entropy's plus
 * {@code 2 wd w}; the running statistics are no parameters and get none.
 */
class WeightDecayTest {
    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final double WD = ClassifierSettings.PAPER_WEIGHT_DECAY;

    @Test
    void everyTensorTheReferenceRegularizesGetsTheL2Gradient() {
        LabeledBatch batch = new LabeledBatch(TestData.randomBatch(SHAPE, 16, 3),
                new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3});
        try (WideResNet plain = network(0); WideResNet decayed = network(WD);
             LibtorchTrainer plainTrainer = new LibtorchTrainer(plain, LibtorchTuning.of(Precision.FP32), ProgressListener.SILENT);
             LibtorchTrainer decayedTrainer = new LibtorchTrainer(decayed, LibtorchTuning.of(Precision.FP32), ProgressListener.SILENT)) {
            // biases and betas start at zero, where L2 adds nothing: move them away first
            awayFromZero(plain);
            awayFromZero(decayed);
            List<float[]> before = decayed.trainable().stream().map(e -> Tensors.values(e.tensor())).toList();

            plainTrainer.step(batch);
            decayedTrainer.step(batch);

            for (int i = 0; i < before.size(); i++) {
                WideResNet.Entry entry = decayed.trainable().get(i);
                float[] withL2 = Tensors.values(entry.tensor().grad());
                float[] without = Tensors.values(plain.trainable().get(i).tensor().grad());
                float[] w = before.get(i);
                for (int j = 0; j < w.length; j++) {
                    assertEquals(2 * WD * w[j], withL2[j] - without[j], 1e-5 + 1e-4 * Math.abs(without[j]),
                            entry.name() + "[" + j + "]");
                }
            }
        }
    }

    private static WideResNet network(double weightDecay) {
        return new WideResNet(new NetworkSpec(SHAPE, 4, new ClassifierSettings(10, 1, 1, 16, 1e-3, weightDecay, 7)));
    }

    private static void awayFromZero(WideResNet network) {
        for (WideResNet.Entry e : network.trainable()) {
            if (e.kind() == WideResNet.Kind.DENSE_BIAS || e.kind() == WideResNet.Kind.BN_BETA) {
                float[] values = new float[(int) e.tensor().numel()];
                Arrays.fill(values, 0.5f);
                Tensors.assign(e.tensor(), values);
            }
        }
    }
}
