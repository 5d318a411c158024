package org.geotrans.adapters.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 per part of a model file, and a SHA-256 of that list. It catches accidental and
 * casual changes (a damaged copy, an edited transformation list or alpha), not a deliberate
 * forgery: whoever edits a part can recompute the digests. It is not a signature.
 */
final class IntegrityManifest {
    private IntegrityManifest() {
    }

    /** One line per part: {@code sha256-hex size name}. */
    static byte[] of(Map<String, byte[]> parts) {
        StringBuilder b = new StringBuilder();
        parts.forEach((name, bytes) -> b.append(line(name, hex(bytes), bytes.length)));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A manifest line for a part whose digest was taken while it was streamed. */
    static String line(String name, String sha256Hex, long size) {
        return sha256Hex + " " + size + " " + name + "\n";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] digestOf(byte[] manifest) {
        return (hex(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks that the manifest is intact and that every part it lists is present with its
     * digest, and no other.
     */
    static void verify(Map<String, byte[]> entries, List<String> parts, String source) throws IOException {
        byte[] manifest = entries.get(ModelFormat.MANIFEST);
        byte[] digest = entries.get(ModelFormat.MANIFEST_DIGEST);
        if (manifest == null || digest == null) {
            throw new IOException(source + " is a damaged GeoTrans model file (its integrity manifest is missing)");
        }
        if (!new String(digest, StandardCharsets.UTF_8).trim().equals(hex(manifest))) {
            throw new IOException(source + " was altered or damaged: its integrity manifest does not match its digest");
        }
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : new String(manifest, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split(" ", 3);
            if (fields.length != 3) {
                throw new IOException(source + " is a damaged GeoTrans model file (a manifest line is not 'digest size name')");
            }
            listed.put(fields[2], fields[0] + " " + fields[1]);
        }
        if (!listed.keySet().equals(new java.util.HashSet<>(parts)) || listed.size() != parts.size()) {
            throw new IOException(source + " is a damaged GeoTrans model file (its manifest lists " + listed.keySet()
                    + ", expected " + parts + ")");
        }
        for (String name : parts) {
            byte[] bytes = entries.get(name);
            if (bytes == null) {
                throw new IOException(source + " is a damaged GeoTrans model file (no " + name + " inside)");
            }
            if (!listed.get(name).equals(hex(bytes) + " " + bytes.length)) {
                throw new IOException(source + " was altered or damaged: " + name + " does not match its SHA-256 in the manifest");
            }
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
