package org.geotrans.application.ood;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.geotrans.application.evaluate.OneVsAllSplit;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.ShapeConformance;
import org.geotrans.domain.metrics.DetectionMetrics;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.port.TwoHeadClassifier;
import org.geotrans.domain.port.TwoHeadClassifierTrainer;
import org.geotrans.domain.port.TwoHeadSoftmax;
import org.geotrans.domain.score.OutOfDistributionScores;
import org.geotrans.domain.training.CategorizedPairBatches;
import org.geotrans.domain.training.TransformedImages;

/**
 * Section 5.5 of the paper: out-of-distribution detection in a labelled multi-class set. A
 * two-headed network learns the categories of the in-distribution images and the transformations
 * applied to them, together; each test image is then scored by the transformation head alone
 * (the mean log-probability of the applied transformation over all of them) and, as the baseline
 * of Hendrycks and Gimpel (2017), by the category head's maximum softmax probability on the image
 * itself. Every out-of-distribution set is ranked against the same in-distribution test images.
 */
public final class DetectOutOfDistributionUseCase {
    static final int SCORING_BATCH = 256;
    /** Seeds the test subsets apart from the training subset and the data order. */
    private static final long TEST_SEED_SALT = 0x5DEECE66DL;

    private final TwoHeadClassifierTrainer trainer;
    private final OneVsAllSplit split = new OneVsAllSplit();

    @Inject
    public DetectOutOfDistributionUseCase(TwoHeadClassifierTrainer trainer) {
        this.trainer = trainer;
    }

    /**
     * @throws IllegalArgumentException when the data do not fit: shapes, an empty class, an
     *     out-of-distribution image that cannot be brought to the network's input
     */
    public OutOfDistributionReport run(OutOfDistributionCommand command, ProgressListener progress) {
        long seed = command.classifier().seed();
        ImageShape input = command.inPreprocessing().outputShape(command.inTrain().shape());
        command.transformations().checkApplicable(input);
        List<Image> trainImages = new ArrayList<>();
        List<Integer> categories = new ArrayList<>();
        collect(command.inTrain(), command.inClasses(), trainImages, categories);
        int[] trainPick = split.trainingSample(trainImages.size(), command.maxTrain(), seed);
        List<Image> train = preprocess(split.pick(trainImages, trainPick), command, input, "training");
        int[] trainCategories = new int[trainPick.length];
        for (int i = 0; i < trainPick.length; i++) {
            trainCategories[i] = categories.get(trainPick[i]);
        }

        List<Integer> inTestIndices = new ArrayList<>();
        for (int i = 0; i < command.inTest().size(); i++) {
            if (command.inClasses().contains(command.inTest().label(i))) {
                inTestIndices.add(i);
            }
        }
        if (inTestIndices.isEmpty()) {
            throw new IllegalArgumentException("the test split has no image of the in-distribution classes");
        }
        long testSeed = seed ^ TEST_SEED_SALT;
        List<Integer> inPicked = split.pick(inTestIndices, split.testSubset(inTestIndices.size(), command.maxTest(), testSeed));
        List<Image> inTest = new ArrayList<>(inPicked.size());
        int[] inTestCategories = new int[inPicked.size()];
        for (int i = 0; i < inPicked.size(); i++) {
            inTest.add(command.inPreprocessing().apply(command.inTest().image(inPicked.get(i))));
            inTestCategories[i] = command.inClasses().indexOf(command.inTest().label(inPicked.get(i)));
        }
        List<List<Image>> outImages = new ArrayList<>();
        for (OutOfDistributionSet set : command.outSets()) {
            List<Image> picked = split.pick(set.images(), split.testSubset(set.images().size(), command.maxTest(), testSeed));
            outImages.add(conform(picked, set, input));
        }

        long started = System.nanoTime();
        CategorizedPairBatches batches = new CategorizedPairBatches(new TransformedImages(train, command.transformations()),
                trainCategories, command.inClasses().size(), command.classifier().batchSize(), seed);
        TwoHeadClassifier network = trainer.train(batches, command.classifier(), progress);
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        long total = (long) (command.transformations().size() + 1) * (inTest.size()
                + outImages.stream().mapToLong(List::size).sum());
        ScoreProgress scoring = new ScoreProgress(progress, total);
        Scored in = score(network, command, inTest, scoring);
        List<OutOfDistributionResult> results = new ArrayList<>();
        for (int s = 0; s < outImages.size(); s++) {
            Scored out = score(network, command, outImages.get(s), scoring);
            results.add(new OutOfDistributionResult(command.outSets().get(s).name(),
                    metrics(in.transformation, out.transformation), metrics(in.maximumSoftmax, out.maximumSoftmax),
                    out.transformation, out.maximumSoftmax));
        }
        double scoreSeconds = (System.nanoTime() - started) / 1e9;
        int correct = 0;
        for (int i = 0; i < inTestCategories.length; i++) {
            correct += in.category[i] == inTestCategories[i] ? 1 : 0;
        }
        List<String> names = command.inClasses().stream().map(c -> command.inTrain().classNames().get(c)).toList();
        return new OutOfDistributionReport(network.describe(), names, train.size(),
                inPicked.stream().mapToInt(Integer::intValue).toArray(), (double) correct / inTestCategories.length,
                in.transformation, in.maximumSoftmax, results, trainSeconds, scoreSeconds);
    }

    private static void collect(LabeledImages data, List<Integer> classes, List<Image> images, List<Integer> categories) {
        for (int i = 0; i < data.size(); i++) {
            int category = classes.indexOf(data.label(i));
            if (category >= 0) {
                images.add(data.image(i));
                categories.add(category);
            }
        }
        for (int c = 0; c < classes.size(); c++) {
            if (!categories.contains(c)) {
                throw new IllegalArgumentException("in-distribution class " + data.classNames().get(classes.get(c))
                        + " has no training image");
            }
        }
    }

    private static List<Image> preprocess(List<Image> raw, OutOfDistributionCommand command, ImageShape input, String what) {
        List<Image> out = new ArrayList<>(raw.size());
        for (Image image : raw) {
            Image p = command.inPreprocessing().apply(image);
            if (!p.shape().equals(input)) {
                throw new IllegalArgumentException(what + " image has shape " + image.shape() + ", expected "
                        + command.inTrain().shape());
            }
            out.add(p);
        }
        return out;
    }

    private static List<Image> conform(List<Image> raw, OutOfDistributionSet set, ImageShape input) {
        List<Image> out = new ArrayList<>(raw.size());
        for (Image image : raw) {
            Image preprocessed = set.preprocessing().apply(image);
            if (!ShapeConformance.fits(preprocessed.shape(), input)) {
                throw new IllegalArgumentException("out-of-distribution set " + set.name() + " has " + preprocessed.shape()
                        + " images, which cannot be padded to the network's " + input + " input: they must be at most as"
                        + " large and have 1 or " + input.channels() + " channels");
            }
            out.add(ShapeConformance.conform(preprocessed, input));
        }
        return out;
    }

    private static DetectionMetrics metrics(double[] in, double[] out) {
        double[] scores = new double[in.length + out.length];
        boolean[] isIn = new boolean[scores.length];
        System.arraycopy(in, 0, scores, 0, in.length);
        System.arraycopy(out, 0, scores, in.length, out.length);
        java.util.Arrays.fill(isIn, 0, in.length, true);
        return DetectionMetrics.of(scores, isIn);
    }

    /** Per image: the transformation head's score, the category head's maximum softmax and its category. */
    private record Scored(double[] transformation, double[] maximumSoftmax, int[] category) {
    }

    private static Scored score(TwoHeadClassifier network, OutOfDistributionCommand command, List<Image> images,
                                ScoreProgress progress) {
        int n = images.size();
        Scored scored = new Scored(new double[n], new double[n], new int[n]);
        TransformedImages transformed = new TransformedImages(images, command.transformations());
        for (int from = 0; from < n; from += SCORING_BATCH) {
            int to = Math.min(n, from + SCORING_BATCH);
            // the baseline sees the image itself, whatever the transformation set holds
            TwoHeadSoftmax plain = network.predict(org.geotrans.domain.image.ImageBatch.of(input(images), images.subList(from, to)));
            OutOfDistributionScores.maximumSoftmax(plain, scored.maximumSoftmax, from);
            OutOfDistributionScores.predictedCategory(plain, scored.category, from);
            progress.add(to - from);
            for (int j = 0; j < command.transformations().size(); j++) {
                OutOfDistributionScores.addTransformationTerm(network.predict(transformed.batch(from, to, j)), j,
                        scored.transformation, from);
                progress.add(to - from);
            }
        }
        return scored;
    }

    private static ImageShape input(List<Image> images) {
        return images.get(0).shape();
    }

    /** Network passes (images x (transformations + 1)) done across all sets, as one progress stage. */
    private static final class ScoreProgress {
        private final ProgressListener listener;
        private final long total;
        private final long started = System.nanoTime();
        private long done;

        ScoreProgress(ProgressListener listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        void add(int passes) {
            done += passes;
            double rate = done / Math.max((System.nanoTime() - started) / 1e9, 1e-9);
            listener.onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, done, total, Double.NaN, rate,
                    (total - done) / rate));
        }
    }
}
