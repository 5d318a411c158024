package org.geotrans.adapters.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.geotrans.domain.decision.DecisionThreshold;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.dirichlet.DirichletFitOptions;
import org.geotrans.domain.dirichlet.SimplexClipping;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;

/**
 * The plain-text parts of a model file (settings and Dirichlet parameters), written and read
 * back with every value checked against the range a trained detector can have, so that a file
 * that passes the integrity check but was made by hand still cannot produce infinite scores or
 * huge allocations.
 */
record StoredSettings(ClassifierBackend backend, ImageShape rawShape, Preprocessing preprocessing,
                      TransformationSet transformations, ScoreType defaultScore, SimplexClipping clipping,
                      double[][] alphas, DetectorProvenance provenance, DecisionThreshold threshold) {
    /** Larger than any image the readers accept; keeps a hand-made shape from allocating gigabytes. */
    static final int MAX_SIDE = 4096;
    static final int MAX_CHANNELS = 4;
    /** The Dirichlet fit caps the precision (the sum of a row) at this; no single alpha is larger. */
    static final double MAX_ALPHA = DirichletFitOptions.DEFAULT_MAX_PRECISION;
    static final double MAX_CLIPPING_EPSILON = ZipDetectorStore.MAX_CLIPPING_EPSILON;
    private static final String PROVENANCE = "provenance.";
    private static final String THRESHOLD = "threshold.";

    static StoredSettings of(GeoTransDetector detector) {
        return new StoredSettings(detector.classifier().backend(), detector.rawShape(), detector.preprocessing(),
                detector.transformations(), detector.defaultScore(), detector.dirichlet().clipping(),
                detector.dirichlet().alphas(), detector.provenance(), detector.threshold().orElse(null));
    }

    byte[] propertiesBytes() throws IOException {
        Properties p = new Properties();
        p.setProperty("format", ModelFormat.FORMAT);
        p.setProperty("format-version", Integer.toString(ModelFormat.VERSION));
        p.setProperty("backend", backend.id());
        p.setProperty("raw-shape", rawShape.toString());
        p.setProperty("pad-to", Integer.toString(preprocessing.padTo()));
        p.setProperty("transformations", transformations.spec());
        p.setProperty("transformation-count", Integer.toString(transformations.size()));
        p.setProperty("default-score", defaultScore.name());
        p.setProperty("dirichlet-clipping-epsilon", Double.toString(clipping.epsilon()));
        provenance.entries().forEach((k, v) -> p.setProperty(PROVENANCE + k, v));
        if (threshold != null) {
            p.setProperty(THRESHOLD + "target-false-alarm-rate", Double.toString(threshold.targetFalseAlarmRate()));
            p.setProperty(THRESHOLD + "calibration-images", Integer.toString(threshold.calibrationImages()));
            p.setProperty(THRESHOLD + "source", threshold.source());
            threshold.values().forEach((type, v) -> p.setProperty(thresholdKey(type), Double.toString(v)));
        }
        StringWriter out = new StringWriter();
        p.store(out, "GeoTrans detector");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] alphasBytes() {
        return alphasText(alphas).getBytes(StandardCharsets.UTF_8);
    }

    static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        return p;
    }

    /**
     * The settings of a model whose integrity was checked.
     *
     * @throws IllegalArgumentException naming the setting that is missing or out of range
     */
    static StoredSettings read(Properties p, byte[] alphasBytes) {
        ClassifierBackend backend = ClassifierBackend.parse(required(p, "backend"));
        ImageShape rawShape = ImageShape.parse(required(p, "raw-shape"));
        if (rawShape.height() > MAX_SIDE || rawShape.width() > MAX_SIDE || rawShape.channels() > MAX_CHANNELS) {
            throw new IllegalArgumentException("raw-shape " + rawShape + " is out of range (at most " + MAX_SIDE + "x"
                    + MAX_SIDE + "x" + MAX_CHANNELS + ")");
        }
        int padTo = intIn(p, "pad-to", 0, MAX_SIDE);
        Preprocessing preprocessing = new Preprocessing(padTo);
        TransformationSet transformations = TransformationSet.parse(required(p, "transformations"),
                preprocessing.outputShape(rawShape));
        int count = intIn(p, "transformation-count", 2, Integer.MAX_VALUE);
        if (count != transformations.size()) {
            throw new IllegalArgumentException("transformation-count is " + count + " but the transformation list has "
                    + transformations.size());
        }
        ScoreType score = ScoreType.valueOf(required(p, "default-score"));
        double epsilon = Double.parseDouble(required(p, "dirichlet-clipping-epsilon"));
        if (!(epsilon > 0 && epsilon <= MAX_CLIPPING_EPSILON)) {
            throw new IllegalArgumentException("dirichlet-clipping-epsilon " + epsilon + " is out of range (0, "
                    + MAX_CLIPPING_EPSILON + "]");
        }
        double[][] alphas = parseAlphas(new String(alphasBytes, StandardCharsets.UTF_8), transformations.size());
        Map<String, String> provenance = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(PROVENANCE)) {
                provenance.put(key.substring(PROVENANCE.length()), p.getProperty(key));
            }
        }
        return new StoredSettings(backend, rawShape, preprocessing, transformations, score, SimplexClipping.at(epsilon),
                alphas, new DetectorProvenance(provenance), threshold(p));
    }

    /** The threshold, or null when the file has none (every threshold key absent). */
    private static DecisionThreshold threshold(Properties p) {
        if (p.stringPropertyNames().stream().noneMatch(k -> k.startsWith(THRESHOLD))) {
            return null;
        }
        double target = finite(p, THRESHOLD + "target-false-alarm-rate");
        int images = intIn(p, THRESHOLD + "calibration-images", 1, Integer.MAX_VALUE);
        Map<ScoreType, Double> values = new EnumMap<>(ScoreType.class);
        for (ScoreType type : ScoreType.values()) {
            values.put(type, finite(p, thresholdKey(type)));
        }
        return new DecisionThreshold(target, images, required(p, THRESHOLD + "source"), values);
    }

    private static String thresholdKey(ScoreType type) {
        return THRESHOLD + type.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double finite(Properties p, String key) {
        String text = required(p, key);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, found '" + text + "'");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(key + " must be finite, found " + text);
        }
        return v;
    }

    static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("the setting '" + key + "' is missing");
        }
        return v.trim();
    }

    private static int intIn(Properties p, String key, int min, int max) {
        String text = required(p, key);
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, found '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " " + v + " is out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    static String alphasText(double[][] alphas) {
        StringBuilder b = new StringBuilder();
        for (double[] row : alphas) {
            for (int i = 0; i < row.length; i++) {
                b.append(i == 0 ? "" : " ").append(Double.toString(row[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** k rows of k alphas, each finite and in (0, {@link #MAX_ALPHA}]. */
    static double[][] parseAlphas(String text, int k) {
        double[][] alphas = new double[k][];
        int row = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (row == k) {
                throw new IllegalArgumentException("more than " + k + " rows of Dirichlet parameters");
            }
            String[] parts = line.trim().split(" ");
            if (parts.length != k) {
                throw new IllegalArgumentException("Dirichlet row " + row + " has " + parts.length + " values, expected " + k);
            }
            alphas[row] = new double[k];
            for (int i = 0; i < k; i++) {
                double a = Double.parseDouble(parts[i]);
                if (!(a > 0 && a <= MAX_ALPHA)) {
                    throw new IllegalArgumentException("Dirichlet parameter " + parts[i] + " (row " + row + ", column " + i
                            + ") is out of range (0, " + MAX_ALPHA + "]");
                }
                alphas[row][i] = a;
            }
            row++;
        }
        if (row != k) {
            throw new IllegalArgumentException("found " + row + " rows of Dirichlet parameters, expected " + k);
        }
        return alphas;
    }
}
