package org.geotrans.application.checkpoint;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.geotrans.domain.image.Image;

/**
 * What a resumed run must share with the run that wrote its files: named parts (settings, data,
 * version), compared part by part so that a mismatch is told by name.
 */
public record Fingerprint(Map<String, String> parts) {
    public Fingerprint {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** This fingerprint with one more part (or a part replaced). */
    public Fingerprint with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parts);
        more.put(name, value);
        return new Fingerprint(more);
    }

    /** A part that two fingerprints do not share: its value in the folder ("there") and in this run ("now"). */
    public record Mismatch(String part, String there, String now) {
        @Override
        public String toString() {
            return "different " + part + ": " + (there == null ? "none recorded" : there) + " there, "
                    + (now == null ? "none" : now) + " now";
        }
    }

    /** The first part that differs from {@code found}; empty when all agree. */
    public Optional<Mismatch> mismatch(Fingerprint found) {
        for (Map.Entry<String, String> e : parts.entrySet()) {
            String there = found.parts.get(e.getKey());
            if (!e.getValue().equals(there)) {
                return Optional.of(new Mismatch(e.getKey(), there, e.getValue()));
            }
        }
        for (String key : found.parts.keySet()) {
            if (!parts.containsKey(key)) {
                return Optional.of(new Mismatch(key, found.parts.get(key), null));
            }
        }
        return Optional.empty();
    }

    /** SHA-256 of the images' shapes and pixel values, in order, as hex. */
    public static String digest(List<Image> images) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            for (Image image : images) {
                update(sha, buffer.putInt(image.shape().height()).putInt(image.shape().width())
                        .putInt(image.shape().channels()));
                for (float v : image.pixels()) {
                    if (buffer.remaining() < Float.BYTES) {
                        update(sha, buffer);
                    }
                    buffer.putFloat(v);
                }
                update(sha, buffer);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    private static void update(MessageDigest sha, ByteBuffer buffer) {
        buffer.flip();
        sha.update(buffer);
        buffer.clear();
    }
}
