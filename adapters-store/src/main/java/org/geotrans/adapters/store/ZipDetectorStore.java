package org.geotrans.adapters.store;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.geotrans.domain.detector.GeoTransDetector;
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.DetectorStore;
import org.geotrans.domain.port.TransformationClassifier;
import org.geotrans.domain.port.TransformationClassifierProvider;
import org.geotrans.domain.score.DirichletNormalityScorer;

/**
 * Detectors as zip files (see {@link ModelFormat}): plain text and the backend's own reader, so
 * loading never runs Java deserialization on a file's contents. Every part is covered by a
 * SHA-256 manifest ({@link IntegrityManifest}); loading checks it before parsing anything, then
 * checks every value's range, and reads the network with the provider of the backend the file
 * names.
 */
public final class ZipDetectorStore implements DetectorStore {
    /** The largest clipping epsilon of a model this store reads; training refuses larger ones up front. */
    public static final double MAX_CLIPPING_EPSILON = 1e-3;

    private final Map<ClassifierBackend, Supplier<? extends TransformationClassifierProvider>> providers;

    /**
     * A store that reads the networks of these providers' backends (one provider per backend)
     * and writes any detector.
     */
    public ZipDetectorStore(Collection<? extends TransformationClassifierProvider> providers) {
        Map<ClassifierBackend, TransformationClassifierProvider> byBackend = new EnumMap<>(ClassifierBackend.class);
        for (TransformationClassifierProvider p : providers) {
            if (byBackend.put(p.backend(), p) != null) {
                throw new IllegalArgumentException("two classifier providers for the " + p.backend().id() + " backend");
            }
        }
        if (byBackend.isEmpty()) {
            throw new IllegalArgumentException("a detector store needs at least one classifier provider");
        }
        Map<ClassifierBackend, Supplier<? extends TransformationClassifierProvider>> readers = new EnumMap<>(ClassifierBackend.class);
        byBackend.forEach((backend, provider) -> readers.put(backend, () -> provider));
        this.providers = Map.copyOf(readers);
    }

    /**
     * A store that starts a backend only when it reads a detector of that backend: starting one
     * loads its native libraries, which a user of the other need not pay for (or have installed).
     */
    public ZipDetectorStore(Map<ClassifierBackend, ? extends Supplier<? extends TransformationClassifierProvider>> readers) {
        if (readers.isEmpty()) {
            throw new IllegalArgumentException("a detector store needs at least one classifier provider");
        }
        this.providers = Map.copyOf(readers);
    }

    @Override
    public void write(GeoTransDetector detector, OutputStream out) throws IOException {
        StoredSettings settings = StoredSettings.of(detector);
        Map<String, byte[]> text = new LinkedHashMap<>();
        text.put(ModelFormat.META, settings.propertiesBytes());
        text.put(ModelFormat.ALPHAS, settings.alphasBytes());
        StringBuilder manifest = new StringBuilder(new String(IntegrityManifest.of(text), StandardCharsets.UTF_8));
        ZipOutputStream zip = new ZipOutputStream(unclosable(out));
        for (Map.Entry<String, byte[]> part : text.entrySet()) {
            entry(zip, part.getKey(), part.getValue());
        }
        // the network streams into the zip (it may be large), its digest taken on the way
        zip.putNextEntry(new ZipEntry(ModelFormat.NETWORK));
        MessageDigest digest = IntegrityManifest.sha256();
        CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(unclosable(zip), digest));
        detector.classifier().save(counted);
        counted.flush();
        zip.closeEntry();
        manifest.append(IntegrityManifest.line(ModelFormat.NETWORK, HexFormat.of().formatHex(digest.digest()), counted.count));
        byte[] manifestBytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        entry(zip, ModelFormat.MANIFEST, manifestBytes);
        entry(zip, ModelFormat.MANIFEST_DIGEST, IntegrityManifest.digestOf(manifestBytes));
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    @Override
    public GeoTransDetector read(InputStream in, String source) throws IOException {
        Map<String, byte[]> entries = ModelEntries.read(in, source);
        if (!entries.containsKey(ModelFormat.META)) {
            throw new IOException(source + " is not a GeoTrans model file (no " + ModelFormat.META + " inside)");
        }
        Properties p = StoredSettings.properties(entries.get(ModelFormat.META));
        if (!ModelFormat.FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(source + " is not a GeoTrans model file (format is '" + p.getProperty("format") + "')");
        }
        String version = p.getProperty("format-version", "?").trim();
        if (version.equals("1")) {
            throw new IOException(source + " has model format version 1, written before models carried an integrity check;"
                    + " it cannot be told apart from an edited file: train the detector again with this GeoTrans");
        }
        if (!readable(version)) {
            throw new IOException(source + " has model format version " + version + "; this GeoTrans reads versions "
                    + ModelFormat.OLDEST_READABLE + " to " + ModelFormat.VERSION);
        }
        IntegrityManifest.verify(entries, ModelFormat.PARTS, source);
        StoredSettings settings;
        try {
            settings = StoredSettings.read(p, entries.get(ModelFormat.ALPHAS));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " is a damaged GeoTrans model file: " + e.getMessage(), e);
        }
        Supplier<? extends TransformationClassifierProvider> reader = providers.get(settings.backend());
        if (reader == null) {
            throw new IOException(source + " holds a network of the " + settings.backend().id() + " backend, which is not"
                    + " installed here (installed: " + installed() + ")");
        }
        TransformationClassifierProvider provider = reader.get();
        TransformationClassifier classifier;
        try (InputStream network = new ByteArrayInputStream(entries.get(ModelFormat.NETWORK))) {
            classifier = provider.load(network);
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + " holds a network that the " + settings.backend().id() + " backend cannot read ("
                    + e.getMessage() + ")", e);
        }
        try {
            return new GeoTransDetector(settings.rawShape(), settings.preprocessing(), settings.transformations(), classifier,
                    new DirichletNormalityScorer(settings.alphas(), settings.clipping()), settings.defaultScore(),
                    settings.provenance(), settings.threshold());
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " is a damaged GeoTrans model file: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(GeoTransDetector detector, Path file, boolean overwrite) throws IOException {
        AtomicFiles.publish(file, overwrite, out -> write(detector, out));
    }

    @Override
    public GeoTransDetector load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        ModelEntries.checkDeclared(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    private static boolean readable(String version) {
        for (int v = ModelFormat.OLDEST_READABLE; v <= ModelFormat.VERSION; v++) {
            if (Integer.toString(v).equals(version)) {
                return true;
            }
        }
        return false;
    }

    private String installed() {
        return providers.keySet().stream().sorted().map(ClassifierBackend::id).collect(Collectors.joining(", "));
    }

    /** The zip writes its end records on finish; the caller's stream stays open. */
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
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
