package org.geotrans.adapters.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.geotrans.adapters.libtorch.Precision;
import org.geotrans.domain.port.ClassifierBackend;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/** The backend option: libtorch trains, the model names it, and a saved model reloads with identical predictions. */
class GeoTransBackendTest {

    private static GeoTrans tiny(ClassifierBackend backend) {
        GeoTrans geoTrans = new GeoTrans();
        geoTrans.setTransformations("simple8");
        geoTrans.setDepth(10);
        geoTrans.setWidth(1);
        geoTrans.setEpochs(1);
        geoTrans.setMinibatchSize(16);
        geoTrans.setBackend(backend);
        return geoTrans;
    }

    @Test
    void givenTheLibtorchBackend_thenTheModelRunsOnLibtorchAndReloadsWithIdenticalPredictions() throws Exception {
        Instances data = WekaTestData.stripesAndNoise(8, 12, 3, List.of("stripes", "noise"));
        GeoTrans trained = tiny(ClassifierBackend.LIBTORCH);
        trained.buildClassifier(data);
        assertTrue(trained.toString().contains("libtorch"), trained.toString());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.write(bytes, trained);
        GeoTrans loaded = (GeoTrans) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));

        assertEquals(ClassifierBackend.LIBTORCH, loaded.getBackend());
        assertArrayEquals(trained.rawScores(data), loaded.rawScores(data));
    }

    @Test
    void backendAndPrecisionAreWekaOptions() throws Exception {
        GeoTrans geoTrans = new GeoTrans();
        assertEquals(ClassifierBackend.DL4J, geoTrans.getBackend(), "the default package carries Deeplearning4j");
        geoTrans.setOptions(Utils.splitOptions("-backend LIBTORCH -precision FP32"));
        assertEquals(ClassifierBackend.LIBTORCH, geoTrans.getBackend());
        assertEquals(Precision.FP32, geoTrans.getPrecision());
        List<String> options = Arrays.asList(geoTrans.getOptions());
        assertTrue(options.contains("-backend") && options.contains("LIBTORCH"), options.toString());
    }
}
