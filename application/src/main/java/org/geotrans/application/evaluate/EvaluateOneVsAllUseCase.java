package org.geotrans.application.evaluate;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.geotrans.application.checkpoint.CheckpointFiles;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.train.TrainDetectorCommand;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.decision.DecisionMetrics;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.BaselineTraining;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageEncoder;
import org.geotrans.domain.port.OneClassSvm;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Runs the one-vs-all protocol for GeoTrans and, when asked, the baselines of the paper's Table 1
 * on the same splits: the same test subset for every class, detector and run; the same normal
 * training subset and seed for every detector within a run (the One-Class SVMs train on a seeded
 * sample of it, at most {@code ocsvmMaxTrain} images). A unit's results are listed in Table 1's
 * column order.
 *
 * <p>ADGAN scores at most {@value #ADGAN_REFERENCE_TEST_CAP} of the test images, as the reference
 * code's {@code _adgan_experiment} does "due to runtime complexity": a random subset of the run's
 * test images drawn from the run's seed, the same for every class of the run; its AUROC and AUPR
 * are over that subset, and its result says which images it scored ({@link RunResult#testPositions}).
 */
public final class EvaluateOneVsAllUseCase {
    /** The paper's hindsight grid. */
    static final double[] HINDSIGHT_NUS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    static final double[] HINDSIGHT_GAMMAS = {1.0 / 128, 1.0 / 64, 1.0 / 32, 1.0 / 16, 1.0 / 8, 0.25, 0.5, 1, 2, 4};
    static final double DEFAULT_NU = 0.1;
    /** The reference's cap on the test images ADGAN scores. */
    static final int ADGAN_REFERENCE_TEST_CAP = 5_000;

    private final TrainDetectorUseCase trainer;
    private final OneClassSvm ocsvm;
    private final BaselineTrainers baselines;
    private final OneVsAllSplit split = new OneVsAllSplit();
    private final int adganTestCap;

    /** GeoTrans and the raw-pixel One-Class SVM only; the deep baselines are refused. */
    public EvaluateOneVsAllUseCase(TrainDetectorUseCase trainer, OneClassSvm ocsvm) {
        this(trainer, ocsvm, BaselineTrainers.NONE);
    }

    @Inject
    public EvaluateOneVsAllUseCase(TrainDetectorUseCase trainer, OneClassSvm ocsvm, BaselineTrainers baselines) {
        this(trainer, ocsvm, baselines, ADGAN_REFERENCE_TEST_CAP);
    }

    /** With another cap on ADGAN's test images than the reference's (tests, on small test sets). */
    EvaluateOneVsAllUseCase(TrainDetectorUseCase trainer, OneClassSvm ocsvm, BaselineTrainers baselines, int adganTestCap) {
        if (adganTestCap < 1) {
            throw new IllegalArgumentException("ADGAN's cap on the test images must be at least 1, got " + adganTestCap);
        }
        this.trainer = trainer;
        this.ocsvm = ocsvm;
        this.baselines = baselines;
        this.adganTestCap = adganTestCap;
    }

    /** GeoTrans with both scores. */
    public OneVsAllReport evaluate(OneVsAllCommand command, ExperimentListener listener) {
        return run(command, listener, UnitJournal.NONE);
    }

    /** GeoTrans and the One-Class SVMs the command chose, side by side on the same splits. */
    public OneVsAllReport compare(OneVsAllCommand command, ExperimentListener listener) {
        return run(command, listener, UnitJournal.NONE);
    }

    /**
     * The experiment, each (class, run) unit recorded in {@code journal} the moment it ends; units
     * recorded before are read back instead of run again, and an unfinished unit's training
     * continues from its checkpoints, so the report equals an uninterrupted run's.
     *
     * @throws java.io.UncheckedIOException when the journal cannot be read or written
     */
    public OneVsAllReport run(OneVsAllCommand command, ExperimentListener listener, UnitJournal journal) {
        return run(command, listener, journal, unit -> true);
    }

    /**
     * As {@link #run(OneVsAllCommand, ExperimentListener, UnitJournal)} for the {@code selected}
     * units alone, the others neither run nor read back: one worker's share of a grid spread over
     * several machines, which record their units in one journal for the report to be built from.
     */
    public OneVsAllReport run(OneVsAllCommand command, ExperimentListener listener, UnitJournal journal,
                              Predicate<Unit> selected) {
        long started = System.nanoTime();
        Dataset data = command.dataset();
        ExperimentSettings settings = command.settings();
        ImageShape input = command.preprocessing().outputShape(data.train().shape());
        TransformationSet transformations = settings.transforms();
        transformations.checkApplicable(input);
        int[] testIndices = split.testSubset(data.test().size(), settings.maxTestImages(), settings.seed());
        List<Image> testImages = split.pick(data.test().images(), testIndices);
        Set<DetectorKind> detectors = command.detectors();
        boolean withOcsvm = detectors.contains(DetectorKind.OCSVM) || detectors.contains(DetectorKind.OCSVM_HINDSIGHT);
        boolean withCae = detectors.contains(DetectorKind.CAE_OCSVM) || detectors.contains(DetectorKind.CAE_OCSVM_HINDSIGHT);
        List<DetectorKind> selfScoring = detectors.stream().filter(BaselineTrainers::scoresItself).sorted().toList();
        checkTrainers(withCae, selfScoring);
        // the same test images for every class and run: their SVM features are made once
        float[][] testFeatures = withOcsvm ? features(command, testImages) : null;
        List<Image> preparedTest = withCae || !selfScoring.isEmpty() ? prepared(command, testImages) : null;
        List<RunResult> results = new ArrayList<>();
        for (int c : command.normalClasses()) {
            boolean[] normal = new boolean[testIndices.length];
            for (int i = 0; i < testIndices.length; i++) {
                normal[i] = data.test().label(testIndices[i]) == c;
            }
            checkBothKinds(normal, data.test().classNames().get(c));
            for (int r = 0; r < settings.runs(); r++) {
                long seed = settings.seed() + r;
                Unit unit = new Unit(c, data.train().classNames().get(c), r, seed);
                if (!selected.test(unit)) {
                    continue;
                }
                Optional<List<RunResult>> recorded = recorded(journal, unit, detectors, normal);
                if (recorded.isPresent()) {
                    listener.stage(unit.className() + ", run " + (r + 1) + ": finished before, read back");
                    // units recorded by earlier versions may list GeoTrans first
                    List<RunResult> back = new ArrayList<>(recorded.get());
                    back.sort(Comparator.comparing(RunResult::detector));
                    back.forEach(listener::finished);
                    results.addAll(back);
                    continue;
                }
                List<RunResult> unitResults = new ArrayList<>();
                List<Image> classImages = data.train().imagesOfClass(c);
                int[] sample = split.trainingSample(classImages.size(), settings.maxTrainImages(), seed);
                RunContext run = new RunContext(c, unit.className(), r, seed, normal, listener, journal.checkpoints(unit),
                        detector -> keep(journal, unit, detector));
                List<Image> normalTrain = split.pick(classImages, sample);
                if (normalTrain.size() < 2) {
                    throw new IllegalArgumentException("class '" + run.className + "' has " + normalTrain.size()
                            + " training images; at least 2 are needed");
                }
                if (detectors.contains(DetectorKind.GEOTRANS_DIRICHLET) || detectors.contains(DetectorKind.GEOTRANS_SIMPLIFIED)) {
                    unitResults.addAll(runGeoTrans(command, transformations, normalTrain, sample, testImages, run, data.name()));
                }
                if (withOcsvm) {
                    int[] svmSample = compose(sample, split.trainingSample(sample.length, settings.ocsvmMaxTrain(), seed));
                    float[][] train = features(command, split.pick(classImages, svmSample));
                    unitResults.addAll(runOcsvm(command.detectors(), OcsvmColumns.RAW_PIXELS, train, svmSample, testFeatures,
                            run, 0, 0, Map.of()));
                }
                if (withCae) {
                    int[] svmSample = split.trainingSample(sample.length, settings.ocsvmMaxTrain(), seed);
                    unitResults.addAll(runCaeOcsvm(command, prepared(command, normalTrain), sample, svmSample, preparedTest, run));
                }
                for (DetectorKind kind : selfScoring) {
                    unitResults.add(runImageDetector(command, kind, prepared(command, normalTrain), sample, preparedTest, run));
                }
                unitResults.sort(Comparator.comparing(RunResult::detector));
                unitResults.forEach(listener::finished);
                try {
                    journal.record(unit, List.copyOf(unitResults));
                } catch (IOException e) {
                    throw new UncheckedIOException("could not record " + unit.className() + ", run " + (r + 1) + ": "
                            + e.getMessage(), e);
                }
                results.addAll(unitResults);
            }
        }
        return new OneVsAllReport(data.name(), settings, testIndices, results, Summaries.of(results),
                (System.nanoTime() - started) / 1e9);
    }

    private List<RunResult> runGeoTrans(OneVsAllCommand command, TransformationSet transformations, List<Image> normalTrain,
                                        int[] sample, List<Image> testImages, RunContext run, String dataset) {
        ExperimentSettings settings = command.settings();
        long t0 = System.nanoTime();
        int calibrating = settings.calibration().heldOutOf(normalTrain.size());
        run.listener.stage("GeoTrans: training on " + (normalTrain.size() - calibrating) + " '" + run.className + "' images"
                + (calibrating > 0 ? " (" + calibrating + " more held out to calibrate the threshold)" : "") + ", "
                + transformations.size() + " transformations");
        TrainDetectorCommand training = new TrainDetectorCommand(normalTrain, command.preprocessing(), transformations,
                settings.classifier(transformations.size(), run.seed), settings.heldOutFraction(), ScoreType.DIRICHLET,
                DetectorProvenance.empty().with("dataset", dataset).with("normal-class", run.className),
                settings.calibration(), command.dirichletFit());
        GeoTransDetector detector = trainer.train(training, run.listener.progress(), run.checkpoints);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        run.keeper.accept(detector);
        long t1 = System.nanoTime();
        run.listener.stage("GeoTrans: scoring " + testImages.size() + " test images x " + transformations.size()
                + " transformations");
        Map<ScoreType, double[]> scores = detector.scores(testImages, GeoTransDetector.DEFAULT_SCORING_BATCH,
                run.listener.progress(), trainer.checkpointsAfterTraining(training, run.checkpoints,
                        CheckpointFiles.Stage.SCORING, testImages));
        double scoreSeconds = (System.nanoTime() - t1) / 1e9;
        Map<String, String> details = new HashMap<>(Map.of("train-images", Integer.toString(normalTrain.size()),
                "network", detector.classifier().describe(), "transformations", transformations.spec()));
        detector.threshold().ifPresent(t -> {
            details.put("calibration-images", Integer.toString(t.calibrationImages()));
            details.put("target-false-alarm-rate", Double.toString(t.targetFalseAlarmRate()));
        });
        List<RunResult> out = new ArrayList<>();
        for (DetectorKind kind : List.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED)) {
            if (command.detectors().contains(kind)) {
                ScoreType type = kind == DetectorKind.GEOTRANS_DIRICHLET ? ScoreType.DIRICHLET : ScoreType.SIMPLIFIED;
                double[] s = scores.get(type);
                DecisionMetrics decisions = detector.threshold()
                        .map(t -> DecisionMetrics.of(s, run.normal, t.value(type))).orElse(null);
                out.add(result(run, kind, s, sample, trainSeconds, scoreSeconds, details, decisions));
            }
        }
        return out;
    }

    /**
     * CAE-OC-SVM: the autoencoder trains on every normal training image of the run, then the
     * One-Class SVMs train on the codes of the run's SVM sample and score the test images' codes.
     */
    private List<RunResult> runCaeOcsvm(OneVsAllCommand command, List<Image> normalTrain, int[] sample, int[] svmSample,
                                        List<Image> testImages, RunContext run) {
        ExperimentSettings settings = command.settings();
        long t0 = System.nanoTime();
        BaselineTraining training = BaselineTraining.autoencoder(settings.baselineEpochsFor(BaselineTraining.PAPER_EPOCHS),
                run.seed);
        run.listener.stage("CAE-OC-SVM: training the autoencoder on " + normalTrain.size() + " '" + run.className + "' images, "
                + training.epochs() + " epochs");
        ImageEncoder encoder = baselines.autoencoder().orElseThrow().train(normalTrain, training, run.listener.progress());
        float[][] train = encoder.encode(split.pick(normalTrain, svmSample), ProgressListener.SILENT);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        run.listener.stage("CAE-OC-SVM: encoding " + testImages.size() + " test images");
        long t1 = System.nanoTime();
        float[][] test = encoder.encode(testImages, run.listener.progress());
        double encodeSeconds = (System.nanoTime() - t1) / 1e9;
        return runOcsvm(command.detectors(), OcsvmColumns.AUTOENCODER_CODES, train, compose(sample, svmSample), test, run,
                trainSeconds, encodeSeconds, Map.of("autoencoder", encoder.describe(), "autoencoder-epochs", Integer.toString(training.epochs()),
                        "autoencoder-train-images", Integer.toString(normalTrain.size())));
    }

    /**
     * A deep baseline that scores images itself, trained on every normal training image of the
     * run; ADGAN scores its capped subset of the test images.
     */
    private RunResult runImageDetector(OneVsAllCommand command, DetectorKind kind, List<Image> normalTrain, int[] sample,
                                       List<Image> testImages, RunContext run) {
        ExperimentSettings settings = command.settings();
        BaselineTraining training = trainingOf(kind, settings, run.seed);
        int[] positions = testPositions(kind, testImages.size(), run.seed);
        boolean capped = positions.length < testImages.size();
        boolean[] normal = pick(run.normal, positions);
        if (capped) {
            checkBothKinds(normal, run.className);
        }
        long t0 = System.nanoTime();
        run.listener.stage(kind.label() + ": training on " + normalTrain.size() + " '" + run.className + "' images, "
                + training.epochs() + " epochs");
        ImageDetector detector = baselines.detector(kind).orElseThrow().train(normalTrain, training, run.listener.progress());
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        String scored = capped ? scoredOf(positions.length, testImages.size()) : testImages.size() + " test images";
        run.listener.stage(kind.label() + ": scoring " + scored);
        double[] scores = detector.scores(capped ? split.pick(testImages, positions) : testImages, run.listener.progress());
        double scoreSeconds = (System.nanoTime() - t1) / 1e9;
        Map<String, String> details = new HashMap<>(Map.of("network", detector.describe(),
                "epochs", Integer.toString(training.epochs()), "train-images", Integer.toString(normalTrain.size())));
        if (capped) {
            details.put("test-subset", "scored " + scoredOf(positions.length, testImages.size()) + " (the reference's cap)");
        }
        return result(run, kind, scores, positions, normal, sample, trainSeconds, scoreSeconds, details, null);
    }

    /** The positions among the run's test images that {@code kind} scores: ADGAN's capped subset, or all of them. */
    private int[] testPositions(DetectorKind kind, int testImages, long runSeed) {
        return kind == DetectorKind.ADGAN ? split.cappedTestPositions(testImages, adganTestCap, runSeed)
                : IntStream.range(0, testImages).toArray();
    }

    private static String scoredOf(int scored, int of) {
        return String.format(Locale.ROOT, "%,d of %,d test images", scored, of);
    }

    private static boolean[] pick(boolean[] values, int[] positions) {
        boolean[] out = new boolean[positions.length];
        for (int i = 0; i < positions.length; i++) {
            out[i] = values[positions[i]];
        }
        return out;
    }

    /** Each deep baseline's published recipe, its epochs scaled as the settings say. */
    private static BaselineTraining trainingOf(DetectorKind kind, ExperimentSettings settings, long seed) {
        int epochs = settings.baselineEpochsFor(BaselineTraining.PAPER_EPOCHS);
        return switch (kind) {
            case DEEP_SVDD -> BaselineTraining.deepSvdd(epochs, seed);
            case DSEBM -> BaselineTraining.dsebm(epochs, seed);
            case DAGMM -> BaselineTraining.dagmm(epochs, seed);
            case ADGAN -> BaselineTraining.adgan(settings.baselineEpochsFor(BaselineTraining.ADGAN_PAPER_EPOCHS), seed);
            default -> throw new IllegalStateException(kind.label() + " has no training recipe");
        };
    }

    /** The raw pixels' or the autoencoder codes' One-Class SVMs, each with its two result columns. */
    private enum OcsvmColumns {
        RAW_PIXELS("OC-SVM", DetectorKind.OCSVM, DetectorKind.OCSVM_HINDSIGHT),
        AUTOENCODER_CODES("CAE-OC-SVM", DetectorKind.CAE_OCSVM, DetectorKind.CAE_OCSVM_HINDSIGHT);

        final String name;
        final DetectorKind plain;
        final DetectorKind hindsight;

        OcsvmColumns(String name, DetectorKind plain, DetectorKind hindsight) {
            this.name = name;
            this.plain = plain;
            this.hindsight = hindsight;
        }
    }

    private List<RunResult> runOcsvm(Set<DetectorKind> detectors, OcsvmColumns columns, float[][] train, int[] sample,
                                     float[][] test, RunContext run, double seconds0, double scoreSeconds,
                                     Map<String, String> moreDetails) {
        long t0 = System.nanoTime();
        double scaleGamma = 1.0 / (train[0].length * variance(train));
        boolean hindsight = detectors.contains(columns.hindsight);
        double[] nus = hindsight ? HINDSIGHT_NUS : new double[] {DEFAULT_NU};
        // the label-free gamma goes last, after the hindsight grid when there is one
        double[] gammas = hindsight ? Arrays.copyOf(HINDSIGHT_GAMMAS, HINDSIGHT_GAMMAS.length + 1) : new double[1];
        gammas[gammas.length - 1] = scaleGamma;
        run.listener.stage(columns.name + ": " + train.length + " normal training images, " + gammas.length * nus.length
                + " (nu, gamma) pairs" + (hindsight ? " incl. the hindsight grid" : ""));
        double[][][] values = ocsvm.decisionValues(train, test, nus, gammas, run.listener.progress());
        double seconds = seconds0 + (System.nanoTime() - t0) / 1e9;
        List<RunResult> out = new ArrayList<>();
        int defaultNu = indexOf(nus, DEFAULT_NU);
        String trainCount = Integer.toString(train.length);
        if (detectors.contains(columns.plain)) {
            Map<String, String> details = new HashMap<>(moreDetails);
            details.putAll(Map.of("nu", Double.toString(DEFAULT_NU), "gamma", Double.toString(scaleGamma),
                    "gamma-rule", "1 / (features x variance of the normal training " + (columns == OcsvmColumns.RAW_PIXELS
                            ? "pixels)" : "codes)"),
                    "train-images", trainCount));
            out.add(result(run, columns.plain, values[gammas.length - 1][defaultNu], sample, seconds, scoreSeconds, details));
        }
        if (hindsight) {
            int bestG = 0;
            int bestN = 0;
            double best = -1;
            for (int g = 0; g < HINDSIGHT_GAMMAS.length; g++) {
                for (int n = 0; n < nus.length; n++) {
                    double auc = RankingMetrics.auroc(values[g][n], run.normal);
                    if (auc > best) {
                        best = auc;
                        bestG = g;
                        bestN = n;
                    }
                }
            }
            Map<String, String> details = new HashMap<>(moreDetails);
            details.putAll(Map.of("nu", Double.toString(nus[bestN]), "gamma", Double.toString(HINDSIGHT_GAMMAS[bestG]),
                    "chosen-by", "best test AUROC over nu 0.1..0.9 x gamma 2^-7..2^2 (hindsight)",
                    "train-images", trainCount));
            out.add(result(run, columns.hindsight, values[bestG][bestN], sample, seconds, scoreSeconds, details));
        }
        return out;
    }

    private void checkTrainers(boolean withCae, List<DetectorKind> selfScoring) {
        if (withCae && baselines.autoencoder().isEmpty()) {
            throw new IllegalArgumentException("CAE-OC-SVM needs an autoencoder, which this deployment does not provide");
        }
        for (DetectorKind kind : selfScoring) {
            if (baselines.detector(kind).isEmpty()) {
                throw new IllegalArgumentException(kind.label() + " is not provided by this deployment");
            }
        }
    }

    /** The images as the networks see them: the paper's scaling and padding. */
    private static List<Image> prepared(OneVsAllCommand command, List<Image> images) {
        List<Image> out = new ArrayList<>(images.size());
        for (Image image : images) {
            out.add(command.preprocessing().apply(image));
        }
        return out;
    }

    private RunResult result(RunContext run, DetectorKind kind, double[] scores, int[] sample, double trainSeconds,
                             double scoreSeconds, Map<String, String> details) {
        return result(run, kind, scores, sample, trainSeconds, scoreSeconds, details, null);
    }

    /** A detector's result on every test image of the run. */
    private RunResult result(RunContext run, DetectorKind kind, double[] scores, int[] sample, double trainSeconds,
                             double scoreSeconds, Map<String, String> details, DecisionMetrics atThreshold) {
        return result(run, kind, scores, IntStream.range(0, scores.length).toArray(), run.normal, sample, trainSeconds,
                scoreSeconds, details, atThreshold);
    }

    /** A detector's result on the test images at {@code positions}, labelled {@code normal}: metrics over those alone. */
    private RunResult result(RunContext run, DetectorKind kind, double[] scores, int[] positions, boolean[] normal,
                             int[] sample, double trainSeconds, double scoreSeconds, Map<String, String> details,
                             DecisionMetrics atThreshold) {
        return new RunResult(run.classIndex, run.className, kind, run.run, run.seed,
                RankingMetrics.auroc(scores, normal), RankingMetrics.auprIn(scores, normal), RankingMetrics.auprOut(scores, normal),
                trainSeconds, scoreSeconds, scores, normal, positions, sample, new HashMap<>(details), atThreshold);
    }

    /** Preprocessed pixels as flat feature rows, the OC-SVM's raw-pixel input. */
    private static float[][] features(OneVsAllCommand command, List<Image> images) {
        float[][] rows = new float[images.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = command.preprocessing().apply(images.get(i)).pixels();
        }
        return rows;
    }

    private static double variance(float[][] rows) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (float[] row : rows) {
            for (float v : row) {
                sum += v;
                sq += (double) v * v;
                n++;
            }
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        return var > 0 ? var : 1.0;
    }

    private static int indexOf(double[] values, double v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException(v + " is not in the grid");
    }

    private static void checkBothKinds(boolean[] normal, String className) {
        int normals = 0;
        for (boolean b : normal) {
            normals += b ? 1 : 0;
        }
        if (normals == 0 || normals == normal.length) {
            throw new IllegalArgumentException("the test subset has " + normals + " images of class '" + className
                    + "' among " + normal.length + ": AUROC needs both normal and anomalous test images");
        }
    }

    /** {@code outer[inner[i]]}: a sample of a sample as indices into the first one's source. */
    private static int[] compose(int[] outer, int[] inner) {
        int[] out = new int[inner.length];
        for (int i = 0; i < inner.length; i++) {
            out[i] = outer[inner[i]];
        }
        return out;
    }

    /**
     * A unit recorded before, checked against this experiment: the same detectors, and each the
     * same test images (ADGAN's capped subset among them) with the same labels.
     */
    private Optional<List<RunResult>> recorded(UnitJournal journal, Unit unit, Set<DetectorKind> detectors,
                                               boolean[] normal) {
        Optional<List<RunResult>> recorded;
        try {
            recorded = journal.finished(unit);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read back " + unit.className() + ", run " + (unit.run() + 1) + ": "
                    + e.getMessage(), e);
        }
        if (recorded.isEmpty()) {
            return recorded;
        }
        Set<DetectorKind> found = EnumSet.noneOf(DetectorKind.class);
        for (RunResult r : recorded.get()) {
            found.add(r.detector());
            int[] positions = testPositions(r.detector(), normal.length, unit.seed());
            if (!Arrays.equals(r.testPositions(), positions) || !Arrays.equals(r.normal(), pick(normal, positions))) {
                throw new ResumeMismatchException("the recorded " + unit.className() + ", run " + (unit.run() + 1)
                        + " scored other test images");
            }
        }
        if (!found.equals(detectors)) {
            throw new ResumeMismatchException("the recorded " + unit.className() + ", run " + (unit.run() + 1)
                    + " holds the detectors " + found + ", this experiment runs " + detectors);
        }
        return recorded;
    }

    private record RunContext(int classIndex, String className, int run, long seed, boolean[] normal,
                              ExperimentListener listener, CheckpointPolicy checkpoints,
                              Consumer<GeoTransDetector> keeper) {
    }

    private static void keep(UnitJournal journal, Unit unit, GeoTransDetector detector) {
        try {
            journal.keep(unit, detector);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the detector of " + unit.className() + ", run "
                    + (unit.run() + 1) + ": " + e.getMessage(), e);
        }
    }

}
