package org.geotrans.adapters.libtorch.baselines;

import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BoolOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.geotrans.adapters.libtorch.Tensors;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.training.TrainingProgressMeter;

/**
 * ADGAN's Wasserstein GAN as the reference's {@code train_wgan_with_grad_penalty} trains it, with
 * {@code _adgan_experiment}'s penalty weight: per generator step, {@value #CRITIC_STEPS} critic
 * steps, each on a batch of real images drawn without replacement, a batch generated in inference
 * mode and their random interpolations, minimising mean D(fake) - mean D(real) +
 * {@value #PENALTY} x mean((|dD/dx| - 1)^2) at the interpolations (two-sided); then one generator
 * step minimising -mean D(G(z)). Adam with beta1 0, beta2 0.9 and Keras' epsilon for both, each
 * network its own optimizer. The penalty's gradient is a second derivative: libtorch's autograd
 * builds the input gradient's graph ({@code create_graph}) and back-propagates through it.
 *
 * <p>The noise, the mixing weights and the real batches are drawn from one {@code Random(seed)},
 * in a fixed order, so the same seed trains the same generator.
 */
final class WganGpTraining {
    /** The penalty's weight, {@code _adgan_experiment}'s {@code grad_pen_coef}. */
    static final double PENALTY = 20;
    /** Critic steps per generator step, the reference's {@code critic_gen_train_ratio}. */
    static final int CRITIC_STEPS = 2;
    static final double BETA1 = 0;
    static final double BETA2 = 0.9;

    private final AdganGenerator generator;
    private final AdganCritic critic;
    private final List<Image> images;
    private final ImageShape shape;
    private final int batch;
    private final Random random;
    private final int[] pool;

    private WganGpTraining(AdganGenerator generator, AdganCritic critic, List<Image> images, AdganSettings settings) {
        this.generator = generator;
        this.critic = critic;
        this.images = images;
        this.shape = generator.shape();
        this.batch = Math.min(settings.batchSize(), images.size());
        this.random = new Random(settings.seed());
        this.pool = MinibatchTraining.identity(images.size());
    }

    /**
     * A generator trained on the normal {@code images} (all of the generator's shape).
     *
     * @throws IllegalStateException when the critic's loss stops being finite
     */
    static AdganGenerator train(List<Image> images, ImageShape shape, AdganSettings settings, ProgressListener listener) {
        BaselineRuntime.start();
        AdganGenerator generator = new AdganGenerator(shape, settings.seed());
        try (AdganCritic critic = new AdganCritic(shape, settings.seed());
             AdamStep criticAdam = adam(critic.tensors(), settings);
             AdamStep generatorAdam = adam(generator.tensors(), settings)) {
            new WganGpTraining(generator, critic, images, settings).run(settings, criticAdam, generatorAdam, listener);
            return generator;
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
    }

    private static AdamStep adam(NetworkTensors tensors, AdganSettings settings) {
        return new AdamStep(tensors.trainable(), settings.learningRate(), BETA1, BETA2, AdamStep.KERAS_EPSILON, 0);
    }

    private void run(AdganSettings settings, AdamStep criticAdam, AdamStep generatorAdam, ProgressListener listener) {
        TrainingProgressMeter progress = new TrainingProgressMeter(listener, settings.epochs(), settings.generatorSteps(),
                settings.generatorSteps() * batch);
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            for (int b = 0; b < settings.batchesPerEpoch(); b++) {
                double criticLoss = 0;
                for (int c = 0; c < CRITIC_STEPS; c++) {
                    criticLoss += criticStep(criticAdam);
                }
                criticLoss /= CRITIC_STEPS;
                if (!Double.isFinite(criticLoss)) {
                    throw new IllegalStateException("ADGAN training diverged: the critic's loss is " + criticLoss
                            + " in epoch " + epoch);
                }
                generatorStep(generatorAdam);
                progress.batchDone(epoch, batch, criticLoss, b == settings.batchesPerEpoch() - 1);
            }
        }
    }

    /** One critic step; its loss (Wasserstein estimate plus weighted penalty). */
    private double criticStep(AdamStep criticAdam) {
        try (PointerScope scope = new PointerScope()) {
            Tensor real = ImageTensors.gather(images, sampleWithoutReplacement(), 0, batch, shape);
            Tensor fake;
            try (NoGradGuard noGrad = new NoGradGuard()) {
                fake = generator.generate(noise(random, batch), false);
            }
            Tensor mix = Tensors.copyOf(uniform(batch), 0, batch, 1, 1, 1);
            Tensor interpolated = real.mul(mix).add(fake.mul(mix.neg().add(new Scalar(1.0))));
            return criticAdam.step(() -> critic.score(fake).mean().sub(critic.score(real).mean())
                    .add(gradientPenalty(critic, interpolated).mul(new Scalar(PENALTY))));
        }
    }

    /** One generator step, the critic's weights frozen meanwhile (their gradients are not needed). */
    private void generatorStep(AdamStep generatorAdam) {
        try (PointerScope scope = new PointerScope()) {
            Tensor z = noise(random, batch);
            critic.recordGradients(false);
            try {
                double loss = generatorAdam.step(() -> critic.score(generator.generate(z, true)).mean().neg());
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("ADGAN training diverged: the generator's loss is " + loss);
                }
            } finally {
                critic.recordGradients(true);
            }
        }
    }

    /**
     * mean over the batch of (|dD/dx| - 1)^2 at {@code at}, as a tensor whose graph reaches the
     * critic's weights through the input gradient (the reference's {@code GradPenLayer}).
     */
    static Tensor gradientPenalty(AdganCritic critic, Tensor at) {
        Tensor x = at.detach().requires_grad_(true);
        TensorVector gradient = torch.grad(new TensorVector(critic.score(x).sum()), new TensorVector(x),
                new TensorVector(), new BoolOptional(true), true, false);
        Tensor norms = gradient.get(0).flatten(1, -1).square().sum(1).sqrt();
        return norms.sub(new Scalar(1.0)).square().mean();
    }

    /** {@code n} x {@value AdganGenerator#NOISE} N(0, 1) draws from {@code random}, the reference's {@code prior_gen}. */
    static Tensor noise(Random random, int n) {
        float[] values = new float[n * AdganGenerator.NOISE];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return Tensors.copyOf(values, 0, n, AdganGenerator.NOISE);
    }

    /** {@code batch} distinct image indices, as the reference's {@code np.random.choice(..., replace=False)}. */
    private int[] sampleWithoutReplacement() {
        for (int i = 0; i < batch; i++) {
            int j = i + random.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return pool;
    }

    private float[] uniform(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }
}
