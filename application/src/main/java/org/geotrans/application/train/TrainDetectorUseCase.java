package org.geotrans.application.train;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.geotrans.application.checkpoint.CheckpointFiles;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.Fingerprint;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.port.TrainingProgress;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.training.ShuffledPairBatches;
import org.geotrans.domain.training.TransformedImages;

/**
 * Trains a GeoTrans detector: self-labeled training of the transformation classifier on the
 * normal images, then one Dirichlet per transformation fitted to the softmax outputs of the
 * normal images (all of them, or a held-out part), then, when the command asks for it, the
 * decision threshold at a target false-alarm rate on normal images neither step saw.
 */
public final class TrainDetectorUseCase {
    /** Keeps the calibration sample apart from other draws of the same seed. */
    private static final long CALIBRATION_SALT = 0x6361_6c69_6272_6174L;
    private final TransformationClassifierProvider classifiers;

    @Inject
    public TrainDetectorUseCase(TransformationClassifierProvider classifiers) {
        this.classifiers = classifiers;
    }

    public GeoTransDetector train(TrainDetectorCommand command, ProgressListener progress) {
        return train(command, progress, null);
    }

    /**
     * Trains with checkpoints in the policy's folder, continuing from the newest one there: the
     * detector equals an uninterrupted training's.
     *
     * @param checkpoints where and how often; null for none
     * @throws org.geotrans.application.checkpoint.ResumeMismatchException when the folder holds
     *     checkpoints of other settings, data or version
     */
    public GeoTransDetector train(TrainDetectorCommand command, ProgressListener progress, CheckpointPolicy checkpoints) {
        List<Image> raw = command.normalImages();
        ImageShape rawShape = raw.get(0).shape();
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).shape().equals(rawShape)) {
                throw new IllegalArgumentException("normal image " + i + " has shape " + raw.get(i).shape()
                        + ", the first has " + rawShape);
            }
        }
        ImageShape input = command.preprocessing().outputShape(rawShape);
        command.transformations().checkApplicable(input);
        CalibrationPlan plan = command.calibration();
        List<Image> calibrationImages = plan.separateImages();
        List<Image> learnFrom = raw;
        int heldForCalibration = plan.heldOutOf(raw.size());
        if (heldForCalibration > 0) {
            boolean[] held = calibrationSample(raw.size(), heldForCalibration, command.classifier().seed());
            List<Image> rest = new ArrayList<>(raw.size() - heldForCalibration);
            List<Image> calibration = new ArrayList<>(heldForCalibration);
            for (int i = 0; i < raw.size(); i++) {
                (held[i] ? calibration : rest).add(raw.get(i));
            }
            learnFrom = rest;
            calibrationImages = calibration;
        }
        List<Image> images = new ArrayList<>(learnFrom.size());
        for (Image image : learnFrom) {
            images.add(command.preprocessing().apply(image));
        }
        List<Image> trainPart = images;
        List<Image> fitPart = images;
        if (command.heldOutFraction() > 0) {
            List<Image> shuffled = new ArrayList<>(images);
            Collections.shuffle(shuffled, new Random(command.classifier().seed()));
            int heldOut = (int) Math.round(images.size() * command.heldOutFraction());
            trainPart = shuffled.subList(0, shuffled.size() - heldOut);
            fitPart = shuffled.subList(shuffled.size() - heldOut, shuffled.size());
        }
        ShuffledPairBatches batches = new ShuffledPairBatches(new TransformedImages(trainPart, command.transformations()),
                command.classifier().batchSize(), command.classifier().seed());
        Fingerprint fingerprint = checkpoints == null ? null : fingerprint(command, checkpoints);
        TransformationClassifier classifier = checkpoints == null
                ? classifiers.train(batches, command.classifier(), progress)
                : classifiers.train(batches, command.classifier(), progress, new CheckpointFiles(checkpoints, fingerprint));
        // the fit's predictions take a tenth of a paper-budget unit: they are saved as they go too
        TrainingCheckpoints fitCheckpoints = checkpoints == null ? TrainingCheckpoints.NONE
                : stage(checkpoints, fingerprint, CheckpointFiles.Stage.DIRICHLET_FIT, fitPart);
        DirichletNormalityScorer dirichlet = DirichletNormalityScorer.fit(GeoTransDetector.predictAll(classifier,
                command.transformations(), fitPart, GeoTransDetector.DEFAULT_SCORING_BATCH, ProgressStage.DIRICHLET_FIT, progress,
                fitCheckpoints), command.dirichletFit());
        GeoTransDetector detector = new GeoTransDetector(rawShape, command.preprocessing(), command.transformations(),
                classifier, dirichlet, command.defaultScore(),
                command.provenance()
                        .with("classifier", classifier.describe())
                        .with("settings", command.classifier().toString())
                        .with("transformations", command.transformations().spec())
                        .with("normal-images", Integer.toString(raw.size()))
                        .with("network-training-images", Integer.toString(trainPart.size()))
                        .with("dirichlet-fit-images", Integer.toString(fitPart.size()))
                        .with("held-out-fraction", Double.toString(command.heldOutFraction())));
        if (calibrationImages.isEmpty()) {
            return detector;
        }
        String source = plan.separateImages().isEmpty()
                ? "held-out share " + plan.share() + " of the " + raw.size() + " normal training images"
                : plan.separateSource();
        Map<ScoreType, double[]> scores = detector.scores(calibrationImages, GeoTransDetector.DEFAULT_SCORING_BATCH,
                p -> progress.onProgress(new TrainingProgress(ProgressStage.CALIBRATE, p.epoch(), p.epochs(), p.done(),
                        p.total(), p.loss(), p.imagesPerSecond(), p.etaSeconds())));
        return detector.withThreshold(DecisionThreshold.calibrate(scores, plan.targetFalseAlarmRate(), source));
    }

    /**
     * Which of n images are held out for calibration: a seeded random choice, drawn apart from the
     * training order so that the held-out images do not depend on the batch order.
     */
    static boolean[] calibrationSample(int n, int count, long seed) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed ^ CALIBRATION_SALT));
        boolean[] held = new boolean[n];
        for (int i = 0; i < count; i++) {
            held[order.get(i)] = true;
        }
        return held;
    }

    /**
     * The checkpoints of a later stage on the detector {@code command} trains with
     * {@code checkpoints} (scoring the test images of an experiment's unit): in a sub-folder of the
     * training's, under the training's fingerprint, so they belong to that network and no other.
     *
     * @param checkpoints the training's policy; null for none
     */
    public TrainingCheckpoints checkpointsAfterTraining(TrainDetectorCommand command, CheckpointPolicy checkpoints,
                                                        CheckpointFiles.Stage stage, List<Image> images) {
        return checkpoints == null ? TrainingCheckpoints.NONE
                : stage(checkpoints, fingerprint(command, checkpoints), stage, images);
    }

    private static TrainingCheckpoints stage(CheckpointPolicy checkpoints, Fingerprint training, CheckpointFiles.Stage stage,
                                             List<Image> images) {
        return CheckpointFiles.ofStage(checkpoints, training, stage, images.size() + " images, SHA-256 "
                + Fingerprint.digest(images));
    }

    /** What checkpoints must share with this training to continue it. */
    private Fingerprint fingerprint(TrainDetectorCommand command, CheckpointPolicy checkpoints) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("settings", command.classifier() + ", transformations " + command.transformations().spec()
                + ", held-out " + command.heldOutFraction() + ", " + command.preprocessing()
                // checkpoints written before thresholds existed stay valid for a training without calibration
                + (command.calibration().share() > 0 ? ", calibration share " + command.calibration().share() : "")
                // the scoring stage saves scores, which the clipping changes; the default keeps older checkpoints valid
                + (command.dirichletFit().equals(DirichletFitOptions.defaults()) ? ""
                        : ", Dirichlet fit " + command.dirichletFit()));
        parts.put("data", command.normalImages().size() + " images, SHA-256 " + Fingerprint.digest(command.normalImages()));
        parts.put("version", checkpoints.version() + " on " + classifiers.backend().id());
        return new Fingerprint(parts);
    }
}
