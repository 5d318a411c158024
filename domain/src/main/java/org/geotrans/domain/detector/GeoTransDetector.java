package org.geotrans.domain.detector;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.NormalityScorer;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.score.SimplifiedNormalityScorer;
import org.geotrans.domain.score.TransformedSoftmax;
import org.geotrans.domain.training.TransformedImages;
import org.geotrans.domain.transform.TransformationSet;

/**
 * A trained GeoTrans detector: preprocessing, the transformation set, the classifier that tells
 * the transformations apart, and one Dirichlet per transformation fitted on normal images.
 * Scores raw images (values 0..255); higher = more normal.
 */
public final class GeoTransDetector {
    /** Images per chunk when scoring: bounds memory to chunk x k x k floats. */
    public static final int DEFAULT_SCORING_BATCH = 256;

    private final ImageShape rawShape;
    private final Preprocessing preprocessing;
    private final TransformationSet transformations;
    private final TransformationClassifier classifier;
    private final DirichletNormalityScorer dirichlet;
    private final ScoreType defaultScore;
    private final DetectorProvenance provenance;
    private final DecisionThreshold threshold;

    /** A detector without a calibrated decision threshold. */
    public GeoTransDetector(ImageShape rawShape, Preprocessing preprocessing, TransformationSet transformations,
                            TransformationClassifier classifier, DirichletNormalityScorer dirichlet,
                            ScoreType defaultScore, DetectorProvenance provenance) {
        this(rawShape, preprocessing, transformations, classifier, dirichlet, defaultScore, provenance, null);
    }

    /**
     * @param threshold the calibrated decision threshold, or null when the detector has none
     *     (trained without calibration images, or saved before detectors had one)
     */
    public GeoTransDetector(ImageShape rawShape, Preprocessing preprocessing, TransformationSet transformations,
                            TransformationClassifier classifier, DirichletNormalityScorer dirichlet,
                            ScoreType defaultScore, DetectorProvenance provenance, DecisionThreshold threshold) {
        ImageShape input = preprocessing.outputShape(rawShape);
        if (!classifier.inputShape().equals(input)) {
            throw new IllegalArgumentException("classifier expects " + classifier.inputShape() + " images but "
                    + rawShape + " images preprocess to " + input);
        }
        if (classifier.transformationCount() != transformations.size()) {
            throw new IllegalArgumentException("classifier tells " + classifier.transformationCount()
                    + " transformations apart but the set has " + transformations.size());
        }
        if (dirichlet.transformationCount() != transformations.size()) {
            throw new IllegalArgumentException("there are " + dirichlet.transformationCount()
                    + " fitted Dirichlets but " + transformations.size() + " transformations");
        }
        transformations.checkApplicable(input);
        this.rawShape = rawShape;
        this.preprocessing = preprocessing;
        this.transformations = transformations;
        this.classifier = classifier;
        this.dirichlet = dirichlet;
        this.defaultScore = defaultScore;
        this.provenance = provenance;
        this.threshold = threshold;
    }

    /** This detector with a (new) decision threshold. */
    public GeoTransDetector withThreshold(DecisionThreshold newThreshold) {
        return new GeoTransDetector(rawShape, preprocessing, transformations, classifier, dirichlet, defaultScore,
                provenance, newThreshold);
    }

    /** Scores raw images with the default score type. */
    public double[] score(List<Image> rawImages, ProgressListener progress) {
        return score(rawImages, defaultScore, DEFAULT_SCORING_BATCH, progress);
    }

    /**
     * Scores raw images: each is preprocessed, transformed k ways and classified; the score type
     * turns the k softmax outputs into one number, higher = more normal.
     */
    public double[] score(List<Image> rawImages, ScoreType type, int batchSize, ProgressListener progress) {
        return scores(rawImages, batchSize, progress).get(type);
    }

    /**
     * Both scores of every raw image from one pass of the network (the expensive part), in
     * chunks of {@code batchSize} images.
     */
    public Map<ScoreType, double[]> scores(List<Image> rawImages, int batchSize, ProgressListener progress) {
        return scores(rawImages, batchSize, progress, TrainingCheckpoints.NONE);
    }

    /**
     * As above, saving the scores of the finished chunks through {@code checkpoints} (a step is
     * one image) and continuing after the ones a checkpoint holds.
     */
    public Map<ScoreType, double[]> scores(List<Image> rawImages, int batchSize, ProgressListener progress,
                                           TrainingCheckpoints checkpoints) {
        NormalityScorer simplified = new SimplifiedNormalityScorer();
        int n = rawImages.size();
        double[] byDirichlet = new double[n];
        double[] bySimplified = new double[n];
        InferenceCheckpoints saved = InferenceCheckpoints.begin(checkpoints, n, (in, done) -> {
            InferenceCheckpoints.readDoubles(in, byDirichlet, (int) done);
            InferenceCheckpoints.readDoubles(in, bySimplified, (int) done);
        });
        try {
            int first = (int) saved.done();
            long t0 = System.nanoTime();
            for (int from = first; from < n; from += batchSize) {
                int to = Math.min(n, from + batchSize);
                TransformedSoftmax outputs = predictAll(classifier, transformations, preprocess(rawImages.subList(from, to), from),
                        batchSize);
                System.arraycopy(dirichlet.score(outputs), 0, byDirichlet, from, to - from);
                System.arraycopy(simplified.score(outputs), 0, bySimplified, from, to - from);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double rate = (to - first) / Math.max(seconds, 1e-9);
                progress.onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, to, n, Double.NaN,
                        rate * transformations.size(), (n - to) / rate));
                saved.maybeSave(to, out -> {
                    InferenceCheckpoints.writeDoubles(out, byDirichlet, to);
                    InferenceCheckpoints.writeDoubles(out, bySimplified, to);
                });
            }
        } finally {
            saved.end();
        }
        Map<ScoreType, double[]> out = new EnumMap<>(ScoreType.class);
        out.put(ScoreType.DIRICHLET, byDirichlet);
        out.put(ScoreType.SIMPLIFIED, bySimplified);
        return out;
    }

    /** Preprocesses raw images, checking their shape. */
    public List<Image> preprocess(List<Image> rawImages, int firstIndex) {
        List<Image> out = new ArrayList<>(rawImages.size());
        for (int i = 0; i < rawImages.size(); i++) {
            Image raw = rawImages.get(i);
            if (!raw.shape().equals(rawShape)) {
                throw new IllegalArgumentException("image " + (firstIndex + i) + " has shape " + raw.shape()
                        + ", the detector was trained on " + rawShape + " images");
            }
            out.add(preprocessing.apply(raw));
        }
        return out;
    }

    /**
     * The classifier's softmax for every preprocessed image under every transformation, in
     * batches of at most {@code batchSize} images.
     */
    public static TransformedSoftmax predictAll(TransformationClassifier classifier, TransformationSet transformations,
                                                List<Image> preprocessed, int batchSize) {
        return predictAll(classifier, transformations, preprocessed, batchSize, ProgressStage.PREDICT, ProgressListener.SILENT);
    }

    /** As above, reporting progress in network passes (images x transformations) under {@code stage}. */
    public static TransformedSoftmax predictAll(TransformationClassifier classifier, TransformationSet transformations,
                                                List<Image> preprocessed, int batchSize, ProgressStage stage,
                                                ProgressListener progress) {
        return predictAll(classifier, transformations, preprocessed, batchSize, stage, progress, TrainingCheckpoints.NONE);
    }

    /**
     * As above, saving the outputs of the finished transformations through {@code checkpoints} (a
     * step is one transformation over all images) and continuing after the ones a checkpoint holds.
     */
    public static TransformedSoftmax predictAll(TransformationClassifier classifier, TransformationSet transformations,
                                                List<Image> preprocessed, int batchSize, ProgressStage stage,
                                                ProgressListener progress, TrainingCheckpoints checkpoints) {
        TransformedImages images = new TransformedImages(preprocessed, transformations);
        int n = preprocessed.size();
        int k = transformations.size();
        long total = (long) n * k;
        float[][] out = new float[k][n * k];
        InferenceCheckpoints saved = InferenceCheckpoints.begin(checkpoints, k, (in, done) -> {
            for (int j = 0; j < done; j++) {
                InferenceCheckpoints.readFloats(in, out[j], 0, n * k);
            }
        });
        try {
            int first = (int) saved.done();
            long t0 = System.nanoTime();
            for (int j = first; j < k; j++) {
                for (int from = 0; from < n; from += batchSize) {
                    int to = Math.min(n, from + batchSize);
                    float[] softmax = classifier.predictSoftmax(images.batch(from, to, j));
                    System.arraycopy(softmax, 0, out[j], from * k, softmax.length);
                }
                long done = (long) n * (j + 1);
                double rate = (done - (long) n * first) / Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
                progress.onProgress(new TrainingProgress(stage, 0, 0, done, total, Double.NaN, rate, (total - done) / rate));
                int finished = j + 1;
                saved.maybeSave(finished, state -> {
                    for (int i = 0; i < finished; i++) {
                        InferenceCheckpoints.writeFloats(state, out[i], 0, n * k);
                    }
                });
            }
        } finally {
            saved.end();
        }
        return new TransformedSoftmax(n, out);
    }

    public ImageShape rawShape() {
        return rawShape;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public TransformationSet transformations() {
        return transformations;
    }

    public TransformationClassifier classifier() {
        return classifier;
    }

    public DirichletNormalityScorer dirichlet() {
        return dirichlet;
    }

    public ScoreType defaultScore() {
        return defaultScore;
    }

    public DetectorProvenance provenance() {
        return provenance;
    }

    /** The calibrated decision threshold, if the detector has one. */
    public Optional<DecisionThreshold> threshold() {
        return Optional.ofNullable(threshold);
    }
}
