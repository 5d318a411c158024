package org.geotrans.adapters.dl4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The check that stands before every ModelSerializer restore of bytes GeoTrans did not just make.
 * ModelSerializer falls back to Java deserialization for some optional entries of its zip (a data
 * normalizer, objects, an old updater); a plain network has none of them, so a zip that holds
 * anything but a plain network's entries is refused before any of its bytes reach an
 * {@code ObjectInputStream}.
 */
public final class Dl4jModelZip {
    private static final Set<String> PLAIN_NETWORK_ENTRIES = Set.of("configuration.json", "coefficients.bin",
            "updaterState.bin", "noParams.marker");

    private Dl4jModelZip() {
    }

    /**
     * @param what what the bytes should be, for the message ("GeoTrans DL4J classifier")
     * @throws IOException with one line naming the first entry a plain network does not have, or
     *     saying that the zip has no configuration
     */
    public static void checkPlainNetwork(byte[] zip, String what) throws IOException {
        boolean configuration = false;
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (!PLAIN_NETWORK_ENTRIES.contains(entry.getName())) {
                    throw new IOException(what + " holds an unexpected entry '" + entry.getName() + "'; refusing to load it");
                }
                configuration |= entry.getName().equals("configuration.json");
            }
        }
        if (!configuration) {
            throw new IOException(what + " holds no network configuration");
        }
    }
}
