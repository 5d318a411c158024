package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.geotrans.domain.port.ClassifierBackend;
import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.evaluation.Evaluation;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/**
 * CAE-OC-SVM and Deep SVDD as Weka classifiers: the normal class chosen in buildClassifier, a
 * continuous score in its slot that ranks the test instances, the same seed giving the same
 * scores, and models saved with Weka's serialization reloading with identical predictions.
 */
class DeepBaselinesWekaTest {
    private static final List<String> CLASSES = List.of("stripes", "noise");

    private static CAEOneClassSVM cae() {
        CAEOneClassSVM cae = new CAEOneClassSVM();
        cae.setEpochs(5);
        cae.setPadTo(16);
        return cae;
    }

    private static DeepSVDD svdd() {
        DeepSVDD svdd = new DeepSVDD();
        // one step per epoch on these few images, at Ruff et al.'s small step
        svdd.setEpochs(30);
        svdd.setPadTo(16);
        return svdd;
    }

    private static double rocArea(AbstractClassifier trained, Instances train, Instances test) throws Exception {
        Evaluation evaluation = new Evaluation(train);
        evaluation.evaluateModel(trained, test);
        return evaluation.areaUnderROC(0);
    }

    @Test
    void caeOneClassSvmRanksTheNormalClassFirstAndReloadsIdentically() throws Exception {
        Instances train = WekaTestData.stripesAndNoise(12, 40, 3, CLASSES);
        Instances test = WekaTestData.stripesAndNoise(12, 30, 4, CLASSES);
        CAEOneClassSVM trained = cae();
        trained.buildClassifier(train);
        assertTrue(rocArea(trained, train, test) > 0.9, trained.toString());
        CAEOneClassSVM loaded = roundTrip(trained);
        assertArrayEquals(trained.rawScores(test), loaded.rawScores(test));
        assertArrayEquals(trained.distributionsForInstances(test)[0], loaded.distributionsForInstances(test)[0]);
    }

    @Test
    void deepSvddRanksTheNormalClassFirstAndReloadsIdentically() throws Exception {
        Instances train = WekaTestData.stripesAndNoise(12, 40, 3, CLASSES);
        Instances test = WekaTestData.stripesAndNoise(12, 30, 4, CLASSES);
        DeepSVDD trained = svdd();
        trained.buildClassifier(train);
        assertTrue(rocArea(trained, train, test) > 0.9, trained.toString());
        DeepSVDD loaded = roundTrip(trained);
        assertArrayEquals(trained.rawScores(test), loaded.rawScores(test));
    }

    @Test
    void onLibtorchTheyRankTheNormalClassFirstAndReloadOnLibtorch() throws Exception {
        Instances train = WekaTestData.stripesAndNoise(12, 40, 3, CLASSES);
        Instances test = WekaTestData.stripesAndNoise(12, 30, 4, CLASSES);
        for (DeepImageBaseline trained : List.of(svdd(), cae())) {
            trained.setBackend(ClassifierBackend.LIBTORCH);
            trained.buildClassifier(train);
            assertTrue(trained.toString().contains("on libtorch"), trained.toString());
            assertTrue(rocArea(trained, train, test) > 0.9, trained.toString());
            DeepImageBaseline loaded = roundTrip(trained);
            assertArrayEquals(trained.rawScores(test), loaded.rawScores(test));
            assertEquals(trained.toString(), loaded.toString());
        }
    }

    @Test
    void aModelIsReadBackByTheBackendThatTrainedItWhateverTheOptionSaysNow() throws Exception {
        Instances train = WekaTestData.stripesAndNoise(8, 10, 3, CLASSES);
        DeepSVDD trained = svdd();
        trained.setEpochs(2);
        trained.buildClassifier(train);
        trained.setBackend(ClassifierBackend.LIBTORCH);
        DeepSVDD loaded = roundTrip(trained);
        assertArrayEquals(trained.rawScores(train), loaded.rawScores(train));
        assertTrue(!loaded.toString().contains("libtorch"), loaded.toString());
    }

    @Test
    void theBackendIsAnOptionOnTheCommandLine() throws Exception {
        DeepSVDD svdd = new DeepSVDD();
        svdd.setOptions(Utils.splitOptions("-backend LIBTORCH -epochs 3"));
        assertEquals(ClassifierBackend.LIBTORCH, svdd.getBackend());
        List<String> options = List.of(svdd.getOptions());
        assertTrue(options.contains("-backend") && options.contains("LIBTORCH"), options.toString());
        assertEquals(ClassifierBackend.DL4J, new CAEOneClassSVM().getBackend());
    }

    @Test
    void theSameSeedGivesTheSameScores() throws Exception {
        Instances train = WekaTestData.stripesAndNoise(8, 10, 3, CLASSES);
        DeepSVDD first = svdd();
        DeepSVDD second = svdd();
        first.buildClassifier(train);
        second.buildClassifier(train);
        assertArrayEquals(first.rawScores(train), second.rawScores(train));
        CAEOneClassSVM cae1 = cae();
        CAEOneClassSVM cae2 = cae();
        cae1.buildClassifier(train);
        cae2.buildClassifier(train);
        assertArrayEquals(cae1.rawScores(train), cae2.rawScores(train));
    }

    @Test
    void imagesTheNetworkCannotTakeAreRefusedWithTheReason() {
        Instances train = WekaTestData.stripesAndNoise(12, 4, 3, CLASSES);
        DeepSVDD svdd = new DeepSVDD();
        svdd.setPadTo(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> svdd.buildClassifier(train));
        assertTrue(e.getMessage().contains("multiples of 8, got 12x12x1"), e.getMessage());
        CAEOneClassSVM cae = new CAEOneClassSVM();
        cae.setPadTo(0);
        e = assertThrows(IllegalArgumentException.class, () -> cae.buildClassifier(train));
        assertTrue(e.getMessage().contains("side of 4 x 2^n (8, 16, 32, 64, ...), got 12x12x1"), e.getMessage());
    }

    @Test
    void untrainedTheySaySo() {
        assertEquals("DeepSVDD: not trained yet", new DeepSVDD().toString());
        assertEquals("CAEOneClassSVM: not trained yet", new CAEOneClassSVM().toString());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T trained) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.write(bytes, trained);
        return (T) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
