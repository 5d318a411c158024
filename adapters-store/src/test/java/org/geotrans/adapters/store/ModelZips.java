package org.geotrans.adapters.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Takes model files apart and puts edited ones together, as someone with a zip tool would. */
final class ModelZips {
    private ModelZips() {
    }

    static Map<String, byte[]> entries(byte[] model) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(model))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] zipUnchecked(Map<String, byte[]> entries) {
        try {
            return zip(entries);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The model with one entry's text edited; the manifest left as it was. */
    static byte[] edited(byte[] model, String entry, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = entries(model);
        entries.put(entry, edit.apply(new String(entries.get(entry), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** The model with one entry edited and the manifest and its digest recomputed to match. */
    static byte[] editedAndResealed(byte[] model, String entry, UnaryOperator<String> edit) throws IOException {
        Map<String, byte[]> entries = entries(edited(model, entry, edit));
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (String name : ModelFormat.PARTS) {
            parts.put(name, entries.get(name));
        }
        byte[] manifest = IntegrityManifest.of(parts);
        entries.put(ModelFormat.MANIFEST, manifest);
        entries.put(ModelFormat.MANIFEST_DIGEST, IntegrityManifest.digestOf(manifest));
        return zip(entries);
    }
}
