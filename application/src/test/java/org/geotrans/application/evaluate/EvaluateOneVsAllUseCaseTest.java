package org.geotrans.application.evaluate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.geotrans.application.FakeClassifiers;
import org.geotrans.application.TestImages;
import org.geotrans.application.checkpoint.CheckpointPolicy;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.application.train.TrainDetectorUseCase;
import org.geotrans.domain.data.Dataset;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.metrics.RankingMetrics;
import org.geotrans.domain.port.ImageDetector;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ImageEncoder;
import org.geotrans.domain.port.ImageEncoderTrainer;
import org.geotrans.domain.port.OneClassSvm;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.transform.TransformationSet;
import org.junit.jupiter.api.Test;

class EvaluateOneVsAllUseCaseTest {
    /** Scores minus the squared distance to the training mean, scaled by gamma, shifted by nu: enough to tell the grid apart. */
    private static final OneClassSvm DISTANCE_TO_MEAN = new OneClassSvm() {
        @Override
        public double[][][] decisionValues(float[][] train, float[][] test, double[] nus, double[] gammas, ProgressListener p) {
            double[] mean = new double[train[0].length];
            for (float[] row : train) {
                for (int f = 0; f < mean.length; f++) {
                    mean[f] += row[f] / train.length;
                }
            }
            double[][][] out = new double[gammas.length][nus.length][test.length];
            for (int g = 0; g < gammas.length; g++) {
                for (int n = 0; n < nus.length; n++) {
                    for (int i = 0; i < test.length; i++) {
                        double d = 0;
                        for (int f = 0; f < mean.length; f++) {
                            d += (test[i][f] - mean[f]) * (test[i][f] - mean[f]);
                        }
                        // only nu > 0.5 ranks images near the mean as normal, so the hindsight choice matters
                        out[g][n][i] = (nus[n] > 0.5 ? -1 : 1) * gammas[g] * d;
                    }
                }
            }
            return out;
        }
    };

    /** The first four values of each image as its code: enough for an SVM to tell the bars apart. */
    private static final ImageEncoderTrainer FIRST_PIXELS = (normal, training, progress) -> new ImageEncoder() {
        @Override
        public float[][] encode(List<Image> images, ProgressListener p) {
            return images.stream().map(i -> java.util.Arrays.copyOf(i.pixels(), 4)).toArray(float[][]::new);
        }

        @Override
        public int codeLength() {
            return 4;
        }

        @Override
        public String describe() {
            return "first 4 pixels";
        }
    };

    /** Minus the squared distance to the normal training images' mean. */
    private static final ImageDetectorTrainer NEAR_THE_MEAN = (normal, training, progress) -> {
        float[] mean = new float[normal.get(0).pixels().length];
        for (Image image : normal) {
            float[] p = image.pixels();
            for (int f = 0; f < mean.length; f++) {
                mean[f] += p[f] / normal.size();
            }
        }
        return new ImageDetector() {
            @Override
            public double[] scores(List<Image> images, ProgressListener p) {
                return images.stream().mapToDouble(i -> {
                    double d = 0;
                    float[] x = i.pixels();
                    for (int f = 0; f < mean.length; f++) {
                        d += (x[f] - mean[f]) * (x[f] - mean[f]);
                    }
                    return -d;
                }).toArray();
            }

            @Override
            public String describe() {
                return "distance to the mean, trained " + training.epochs() + " epochs";
            }
        };
    };

    private static final BaselineTrainers FAKE_BASELINES = BaselineTrainers.NONE.withAutoencoder(FIRST_PIXELS)
            .with(DetectorKind.DEEP_SVDD, NEAR_THE_MEAN).with(DetectorKind.DSEBM, NEAR_THE_MEAN)
            .with(DetectorKind.DAGMM, NEAR_THE_MEAN).with(DetectorKind.ADGAN, NEAR_THE_MEAN);
    /** Every detector that needs no deep baseline. */
    private static final Set<DetectorKind> RAW_AND_GEOTRANS = EnumSet.of(DetectorKind.OCSVM, DetectorKind.OCSVM_HINDSIGHT,
            DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED);

    private final EvaluateOneVsAllUseCase useCase =
            new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(new FakeClassifiers()), DISTANCE_TO_MEAN, FAKE_BASELINES);
    private final ExperimentSettings settings = new ExperimentSettings(TransformationSet.simple8(), 10, 1, 1, 16, 1e-3, 0, 0, 30, 0, 0, 2, 7, 0, 0.05, 1);

    @Test
    void compareRunsEveryDetectorOnEveryClassAndRunWithTheSameTestSubset() {
        List<RunResult> finished = new ArrayList<>();
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(0, 1),
                Preprocessing.SCALE_ONLY, settings, EnumSet.allOf(DetectorKind.class)), new ExperimentListener() {
                    @Override
                    public void finished(RunResult result) {
                        finished.add(result);
                    }
                });
        assertEquals(30, report.testImages());
        int kinds = DetectorKind.values().length;
        assertEquals(2 * 2 * kinds, report.runs().size());
        assertEquals(report.runs(), finished);
        assertEquals(2 * kinds, report.summaries().size());
        for (RunResult r : report.runs()) {
            assertEquals(30, r.scores().length);
            assertEquals(RankingMetrics.auroc(r.scores(), r.normal()), r.auroc(), 1e-12);
            assertArrayEquals(report.runs().stream().filter(o -> o.classIndex() == r.classIndex()).findFirst()
                    .orElseThrow().normal(), r.normal());
        }
    }

    @Test
    void theHindsightSvmPicksTheBestTestAurocAndTheOtherOneNeverLooksAtTestLabels() {
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(1),
                Preprocessing.SCALE_ONLY, settings.withRuns(1, 3), EnumSet.of(DetectorKind.OCSVM, DetectorKind.OCSVM_HINDSIGHT)),
                ExperimentListener.SILENT);
        RunResult plain = find(report, DetectorKind.OCSVM);
        RunResult hindsight = find(report, DetectorKind.OCSVM_HINDSIGHT);
        // nu = 0.1 ranks far images as normal here: a bad choice only test labels could reveal
        assertEquals("0.1", plain.details().get("nu"));
        assertTrue(hindsight.auroc() >= plain.auroc());
        assertTrue(Double.parseDouble(hindsight.details().get("nu")) > 0.5, hindsight.details().toString());
    }

    @Test
    void compareRunsOnlyTheDetectorsTheCallerChose() {
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(0),
                Preprocessing.SCALE_ONLY, settings.withRuns(1, 3),
                EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.OCSVM)), ExperimentListener.SILENT);
        assertEquals(Set.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.OCSVM),
                report.runs().stream().map(RunResult::detector).collect(Collectors.toSet()));
        assertEquals(2, report.runs().size());
    }

    @Test
    void theReportSaysWhichTestImagesAndWhichTrainingSampleEachRunUsed() {
        ExperimentSettings limited = settings.withLimits(5, 30, 3);
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(1),
                Preprocessing.SCALE_ONLY, limited, EnumSet.allOf(DetectorKind.class)), ExperimentListener.SILENT);
        OneVsAllSplit split = new OneVsAllSplit();
        assertArrayEquals(split.testSubset(TestImages.dataset().test().size(), 30, limited.seed()), report.testIndices());
        for (RunResult r : report.runs()) {
            int[] expected = split.trainingSample(TestImages.dataset().train().imagesOfClass(1).size(), 5, r.seed());
            if (r.detector().isGeoTrans() || BaselineTrainers.scoresItself(r.detector())) {
                assertArrayEquals(expected, r.trainingSample(), r.detector() + " run " + r.run());
            } else {
                assertEquals(3, r.trainingSample().length);
                for (int i : r.trainingSample()) {
                    assertTrue(java.util.Arrays.stream(expected).anyMatch(e -> e == i), "OC-SVM sample within the run's sample");
                }
            }
        }
    }

    /** Keeps finished units in memory, as the CLI keeps them on disk. */
    private static final class MemoryJournal implements UnitJournal {
        final Map<Unit, List<RunResult>> units = new LinkedHashMap<>();

        @Override
        public Optional<List<RunResult>> finished(Unit unit) {
            return Optional.ofNullable(units.get(unit));
        }

        @Override
        public void record(Unit unit, List<RunResult> results) {
            units.put(unit, results);
        }

        @Override
        public CheckpointPolicy checkpoints(Unit unit) {
            return null;
        }
    }

    @Test
    void everyUnitIsRecordedOnceAndARunWithTheRecordsReadsThemBackWithoutTraining() {
        FakeClassifiers network = new FakeClassifiers();
        EvaluateOneVsAllUseCase counting = new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(network), DISTANCE_TO_MEAN);
        OneVsAllCommand command = new OneVsAllCommand(TestImages.dataset(), List.of(0, 1), Preprocessing.SCALE_ONLY, settings,
                RAW_AND_GEOTRANS);
        MemoryJournal journal = new MemoryJournal();
        OneVsAllReport first = counting.run(command, ExperimentListener.SILENT, journal);
        assertEquals(2 * 2, journal.units.size());
        assertEquals(first.runs(), journal.units.values().stream().flatMap(List::stream).toList());
        long trained = network.pairsSeen;

        journal.units.remove(new Unit(1, TestImages.dataset().train().classNames().get(1), 1, settings.seed() + 1));
        OneVsAllReport resumed = counting.run(command, ExperimentListener.SILENT, journal);
        assertEquals(trained * 5 / 4, network.pairsSeen, "only the missing unit trains again");
        assertEquals(first.runs().size(), resumed.runs().size());
        for (int i = 0; i < first.runs().size(); i++) {
            assertArrayEquals(first.runs().get(i).scores(), resumed.runs().get(i).scores());
        }
        assertEquals(first.summaries(), resumed.summaries());
    }

    @Test
    void unitsRunOneAtATimeIntoOneJournalBuildTheReportOfOneRun() {
        OneVsAllCommand command = new OneVsAllCommand(TestImages.dataset(), List.of(0, 1), Preprocessing.SCALE_ONLY, settings,
                EnumSet.allOf(DetectorKind.class));
        OneVsAllReport whole = useCase.run(command, ExperimentListener.SILENT, new MemoryJournal());
        MemoryJournal shared = new MemoryJournal();
        for (int c : List.of(1, 0)) {
            for (int r = settings.runs() - 1; r >= 0; r--) {
                int classIndex = c;
                int run = r;
                OneVsAllReport share = useCase.run(command, ExperimentListener.SILENT, shared,
                        unit -> unit.classIndex() == classIndex && unit.run() == run);
                assertTrue(share.runs().stream().allMatch(result -> result.classIndex() == classIndex && result.run() == run));
            }
        }
        FakeClassifiers untouched = new FakeClassifiers();
        OneVsAllReport gathered = new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(untouched), DISTANCE_TO_MEAN,
                FAKE_BASELINES)
                .run(command, ExperimentListener.SILENT, shared);
        assertEquals(0, untouched.pairsSeen, "every unit was read back");
        assertEquals(whole.runs().size(), gathered.runs().size());
        for (int i = 0; i < whole.runs().size(); i++) {
            assertArrayEquals(whole.runs().get(i).scores(), gathered.runs().get(i).scores());
        }
        assertEquals(whole.summaries(), gathered.summaries());
    }

    @Test
    void recordsOfOtherDetectorsAreRefused() {
        MemoryJournal journal = new MemoryJournal();
        useCase.run(new OneVsAllCommand(TestImages.dataset(), List.of(0), Preprocessing.SCALE_ONLY, settings.withRuns(1, 7),
                EnumSet.of(DetectorKind.OCSVM)), ExperimentListener.SILENT, journal);
        ResumeMismatchException e = assertThrows(ResumeMismatchException.class, () -> useCase.run(new OneVsAllCommand(
                TestImages.dataset(), List.of(0), Preprocessing.SCALE_ONLY, settings.withRuns(1, 7),
                EnumSet.allOf(DetectorKind.class)), ExperimentListener.SILENT, journal));
        assertTrue(e.getMessage().contains("holds the detectors [OCSVM]"), e.getMessage());
    }

    @Test
    void evaluateRunsGeoTransOnlyAndSummarisesRuns() {
        OneVsAllReport report = useCase.evaluate(new OneVsAllCommand(TestImages.dataset(), List.of(0), Preprocessing.SCALE_ONLY,
                settings, EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED)), ExperimentListener.SILENT);
        assertEquals(4, report.runs().size());
        Summary s = report.summaries().get(0);
        assertEquals(2, s.runs());
        double mean = report.runs().stream().filter(r -> r.detector() == s.detector()).mapToDouble(RunResult::auroc).average().orElseThrow();
        assertEquals(mean, s.aurocMean(), 1e-12);
    }

    @Test
    void aClassMissingFromTheTestSubsetIsAClearError() {
        // a test split of one class only (max-test 1 did that before; a subset must now hold 2 images)
        Dataset bars = TestImages.dataset();
        LabeledImages horizontalOnly = bars.test().head(1);
        Dataset oneClass = new Dataset("bars", bars.train(), new LabeledImages(horizontalOnly.shape(),
                List.of(horizontalOnly.image(0), horizontalOnly.image(0)), new int[] {0, 0}, bars.test().classNames()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> useCase.evaluate(
                new OneVsAllCommand(oneClass, List.of(0), Preprocessing.SCALE_ONLY, settings,
                        EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET)), ExperimentListener.SILENT));
        assertTrue(e.getMessage().contains("AUROC needs both"), e.getMessage());
    }

    @Test
    void eachUnitListsItsDetectorsInTheColumnOrderOfThePapersTable1() {
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(1),
                Preprocessing.SCALE_ONLY, settings.withRuns(1, 3), EnumSet.allOf(DetectorKind.class)), ExperimentListener.SILENT);
        assertEquals(List.of(DetectorKind.OCSVM, DetectorKind.OCSVM_HINDSIGHT, DetectorKind.CAE_OCSVM,
                DetectorKind.CAE_OCSVM_HINDSIGHT, DetectorKind.DEEP_SVDD, DetectorKind.DSEBM, DetectorKind.DAGMM,
                DetectorKind.ADGAN, DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.GEOTRANS_SIMPLIFIED), report.runs().stream().map(RunResult::detector).toList());
        assertEquals(report.runs().stream().map(RunResult::detector).toList(),
                report.summaries().stream().map(Summary::detector).toList());
    }

    @Test
    void theDeepBaselinesTrainForTheSettingsBaselineEpochsWithTheRunsSeed() {
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(1),
                Preprocessing.SCALE_ONLY, settings.withRuns(1, 3).withBaselineEpochs(50),
                EnumSet.of(DetectorKind.DEEP_SVDD, DetectorKind.CAE_OCSVM)), ExperimentListener.SILENT);
        assertEquals("distance to the mean, trained 50 epochs", find(report, DetectorKind.DEEP_SVDD).details().get("network"));
        assertEquals("50", find(report, DetectorKind.CAE_OCSVM).details().get("autoencoder-epochs"));
        assertTrue(find(report, DetectorKind.DEEP_SVDD).auroc() > 0.9, "the fake learns the bars");
    }

    @Test
    void aDeepBaselineThisDeploymentLacksIsRefusedBeforeAnythingTrains() {
        FakeClassifiers network = new FakeClassifiers();
        EvaluateOneVsAllUseCase without = new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(network), DISTANCE_TO_MEAN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> without.compare(new OneVsAllCommand(
                TestImages.dataset(), List.of(0), Preprocessing.SCALE_ONLY, settings,
                EnumSet.of(DetectorKind.GEOTRANS_DIRICHLET, DetectorKind.DEEP_SVDD)), ExperimentListener.SILENT));
        assertEquals("E2E-OC-SVM (Deep SVDD) is not provided by this deployment", e.getMessage());
        assertEquals(0, network.pairsSeen);
    }

    @Test
    void overItsCapAdganScoresARandomSubsetOfTheTestImagesDrawnFromTheRunsSeed() {
        EvaluateOneVsAllUseCase capped = new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(new FakeClassifiers()),
                DISTANCE_TO_MEAN, FAKE_BASELINES, 12);
        OneVsAllReport report = capped.compare(new OneVsAllCommand(TestImages.dataset(), List.of(1), Preprocessing.SCALE_ONLY,
                settings, EnumSet.of(DetectorKind.ADGAN, DetectorKind.DEEP_SVDD)), ExperimentListener.SILENT);
        assertEquals(30, report.testImages());
        List<int[]> subsets = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            RunResult adgan = find(report, DetectorKind.ADGAN, run);
            RunResult all = find(report, DetectorKind.DEEP_SVDD, run);
            int[] positions = new OneVsAllSplit().cappedTestPositions(30, 12, settings.seed() + run);
            assertArrayEquals(positions, adgan.testPositions());
            assertArrayEquals(java.util.stream.IntStream.range(0, 30).toArray(), all.testPositions());
            assertEquals(12, adgan.scores().length);
            for (int j = 0; j < positions.length; j++) {
                // the same fake detector: ADGAN scored exactly the images at its positions
                assertEquals(all.scores()[positions[j]], adgan.scores()[j], 0);
                assertEquals(all.normal()[positions[j]], adgan.normal()[j]);
            }
            assertEquals(RankingMetrics.auroc(adgan.scores(), adgan.normal()), adgan.auroc(), 0);
            assertEquals(RankingMetrics.auprIn(adgan.scores(), adgan.normal()), adgan.auprIn(), 0);
            assertEquals("scored 12 of 30 test images (the reference's cap)", adgan.details().get("test-subset"));
            assertEquals(null, all.details().get("test-subset"));
            subsets.add(positions);
        }
        assertTrue(!java.util.Arrays.equals(subsets.get(0), subsets.get(1)), "each run draws its own subset");
    }

    @Test
    void atOrUnderItsCapAdganScoresEveryTestImage() {
        OneVsAllReport report = useCase.compare(new OneVsAllCommand(TestImages.dataset(), List.of(1), Preprocessing.SCALE_ONLY,
                settings.withRuns(1, 3), EnumSet.of(DetectorKind.ADGAN)), ExperimentListener.SILENT);
        RunResult adgan = find(report, DetectorKind.ADGAN);
        assertEquals(30, adgan.scores().length);
        assertEquals(null, adgan.details().get("test-subset"));
    }

    @Test
    void aCappedUnitReadsBackAndOneRecordedWithAnotherSubsetIsRefused() {
        OneVsAllCommand command = new OneVsAllCommand(TestImages.dataset(), List.of(0), Preprocessing.SCALE_ONLY,
                settings.withRuns(1, 3), EnumSet.of(DetectorKind.ADGAN, DetectorKind.OCSVM));
        MemoryJournal journal = new MemoryJournal();
        OneVsAllReport first = new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(new FakeClassifiers()), DISTANCE_TO_MEAN,
                FAKE_BASELINES, 12).run(command, ExperimentListener.SILENT, journal);
        OneVsAllReport again = new EvaluateOneVsAllUseCase(new TrainDetectorUseCase(new FakeClassifiers()), DISTANCE_TO_MEAN,
                BaselineTrainers.NONE.with(DetectorKind.ADGAN, (normal, training, progress) -> {
                    throw new AssertionError("a recorded unit is not trained again");
                }), 12).run(command, ExperimentListener.SILENT, journal);
        assertEquals(first.runs(), again.runs());
        ResumeMismatchException e = assertThrows(ResumeMismatchException.class, () -> new EvaluateOneVsAllUseCase(
                new TrainDetectorUseCase(new FakeClassifiers()), DISTANCE_TO_MEAN, FAKE_BASELINES, 13)
                .run(command, ExperimentListener.SILENT, journal));
        assertTrue(e.getMessage().contains("scored other test images"), e.getMessage());
    }

    private static RunResult find(OneVsAllReport report, DetectorKind kind, int run) {
        return report.runs().stream().filter(r -> r.detector() == kind && r.run() == run).findFirst().orElseThrow();
    }

    private static RunResult find(OneVsAllReport report, DetectorKind kind) {
        return report.runs().stream().filter(r -> r.detector() == kind).findFirst().orElseThrow();
    }
}
