package org.geotrans.adapters.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;

/** Small detectors on random 8x8 grey images, fitted as the train use case fits them. */
final class Detectors {
    static final ImageShape RAW = new ImageShape(8, 8, 1);

    private Detectors() {
    }

    static List<Image> images(int count, long seed) {
        Random r = new Random(seed);
        List<Image> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[RAW.size()];
            for (int p = 0; p < v.length; p++) {
                v[p] = r.nextInt(256);
            }
            images.add(new Image(RAW, v));
        }
        return images;
    }

    /** A detector with padding to 10x10, these transformations and a network of {@code networks}. */
    static GeoTransDetector fitted(FakeNetworks networks, TransformationSet transformations, ScoreType score) {
        Preprocessing preprocessing = new Preprocessing(10);
        TransformationClassifier network = networks.network(preprocessing.outputShape(RAW), transformations.size(), 17);
        List<Image> normal = new ArrayList<>();
        for (Image raw : images(20, 3)) {
            normal.add(preprocessing.apply(raw));
        }
        DirichletNormalityScorer dirichlet = DirichletNormalityScorer.fit(
                GeoTransDetector.predictAll(network, transformations, normal, 16));
        return new GeoTransDetector(RAW, preprocessing, transformations, network, dirichlet, score,
                DetectorProvenance.empty().with("dataset", "random"));
    }
}
