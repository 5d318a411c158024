package org.geotrans.application.store;

import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.geotrans.domain.detector.DetectorProvenance;
import org.geotrans.domain.dirichlet.SimplexClipping;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.image.ImageShape;
import org.geotrans.domain.image.Preprocessing;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.score.DirichletNormalityScorer;
import org.geotrans.domain.score.ScoreType;
import org.geotrans.domain.transform.TransformationSet;

/**
 * Detectors as zip files: {@code geotrans.properties} (format, version, shapes, transformation
 * spec, score type, provenance), {@code dirichlet.txt} (one line of alphas per transformation,
 * written with {@link Double#toString} so they read back exactly) and {@code classifier.bin}
 * (the network in its adapter's format). Plain text and the adapter's own reader: loading never
 * runs Java deserialization on the file's contents.
 */
public final class ZipDetectorStore implements DetectorStore {
    static final String FORMAT = "geotrans-detector";
    static final int VERSION = 1;
    static final String META = "geotrans.properties";
    static final String ALPHAS = "dirichlet.txt";
    static final String NETWORK = "classifier.bin";
    private static final String PROVENANCE = "provenance.";

    private final Map<ClassifierBackend, Supplier<TransformationClassifierProvider>> readers;

    /** A store that reads only the networks of {@code classifiers}' backend. */
    @Inject
    public ZipDetectorStore(TransformationClassifierProvider classifiers) {
        this(Map.of(classifiers.backend(), () -> classifiers));
    }

    /**
     * A store that reads each file with the backend that wrote it. The suppliers are called only
     * for a file of their backend, so a backend that is never read is never started.
     */
    public ZipDetectorStore(Map<ClassifierBackend, Supplier<TransformationClassifierProvider>> readers) {
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("a detector store needs a reader for at least one backend");
        }
        this.readers = Map.copyOf(readers);
    }

    @Override
    public void save(GeoTransDetector detector, Path file, boolean overwrite) throws IOException {
        if (!overwrite && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists; choose another file or allow overwriting");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".geotrans-", ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.putNextEntry(new ZipEntry(META));
                metadata(detector).store(zip, "GeoTrans detector");
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(ALPHAS));
                zip.write(alphasText(detector.dirichlet().alphas()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(NETWORK));
                detector.classifier().save(unclosable(zip));
                zip.closeEntry();
            }
            // the old file, if any, survives a failed write: it is replaced only by a complete new one
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The adapter may close what it writes to; the zip must stay open for the next entries. */
    private static OutputStream unclosable(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private static Properties metadata(GeoTransDetector detector) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("format-version", Integer.toString(VERSION));
        p.setProperty("backend", detector.classifier().backend().id());
        p.setProperty("raw-shape", detector.rawShape().toString());
        p.setProperty("pad-to", Integer.toString(detector.preprocessing().padTo()));
        p.setProperty("transformations", detector.transformations().spec());
        p.setProperty("transformation-count", Integer.toString(detector.transformations().size()));
        p.setProperty("default-score", detector.defaultScore().name());
        p.setProperty("dirichlet-clipping-epsilon", Double.toString(detector.dirichlet().clipping().epsilon()));
        detector.provenance().entries().forEach((k, v) -> p.setProperty(PROVENANCE + k, v));
        return p;
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

    @Override
    public GeoTransDetector load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        Map<String, byte[]> entries = readEntries(file);
        if (!entries.containsKey(META)) {
            throw new IOException(file + " is not a GeoTrans model file (no " + META + " inside)");
        }
        Properties p = new Properties();
        p.load(new StringReader(new String(entries.get(META), StandardCharsets.UTF_8)));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(file + " is not a GeoTrans model file (format is '" + p.getProperty("format") + "')");
        }
        String version = p.getProperty("format-version", "?");
        if (!Integer.toString(VERSION).equals(version)) {
            throw new IOException(file + " has model format version " + version + "; this GeoTrans reads version " + VERSION);
        }
        for (String name : new String[] {ALPHAS, NETWORK}) {
            if (!entries.containsKey(name)) {
                throw new IOException(file + " is a damaged GeoTrans model file (no " + name + " inside)");
            }
        }
        try {
            ImageShape rawShape = ImageShape.parse(required(p, "raw-shape"));
            Preprocessing preprocessing = new Preprocessing(Integer.parseInt(required(p, "pad-to")));
            TransformationSet transformations = TransformationSet.parse(required(p, "transformations"),
                    preprocessing.outputShape(rawShape));
            ScoreType score = ScoreType.valueOf(required(p, "default-score"));
            double[][] alphas = parseAlphas(new String(entries.get(ALPHAS), StandardCharsets.UTF_8), transformations.size());
            Map<String, String> provenance = new HashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(PROVENANCE)) {
                    provenance.put(key.substring(PROVENANCE.length()), p.getProperty(key));
                }
            }
            // files written before backends were recorded all came from Deeplearning4j
            ClassifierBackend backend = ClassifierBackend.parse(p.getProperty("backend", ClassifierBackend.DL4J.id()));
            Supplier<TransformationClassifierProvider> reader = readers.get(backend);
            if (reader == null) {
                throw new IOException(file + " holds a network of the " + backend.id() + " backend; this reader uses the "
                        + readers.keySet().stream().map(ClassifierBackend::id).sorted().collect(Collectors.joining(", "))
                        + " backend");
            }
            TransformationClassifier classifier;
            try (InputStream in = new ByteArrayInputStream(entries.get(NETWORK))) {
                classifier = reader.get().load(in);
            }
            return new GeoTransDetector(rawShape, preprocessing, transformations, classifier,
                    new DirichletNormalityScorer(alphas,
                            SimplexClipping.at(Double.parseDouble(required(p, "dirichlet-clipping-epsilon")))), score, new DetectorProvenance(provenance));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is a damaged GeoTrans model file: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("model file lacks the setting '" + key + "'");
        }
        return v;
    }

    static double[][] parseAlphas(String text, int k) {
        double[][] alphas = new double[k][];
        int row = 0;
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
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
                    alphas[row][i] = Double.parseDouble(parts[i]);
                }
                row++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
        if (row != k) {
            throw new IllegalArgumentException("found " + row + " rows of Dirichlet parameters, expected " + k);
        }
        return alphas;
    }

    private static Map<String, byte[]> readEntries(Path file) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                zip.transferTo(out);
                entries.put(e.getName(), out.toByteArray());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException(file + " is not a GeoTrans model file or is truncated (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new IOException(file + " is not a GeoTrans model file (not a zip archive)");
        }
        return entries;
    }
}
