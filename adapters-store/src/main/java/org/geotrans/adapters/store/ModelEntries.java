package org.geotrans.adapters.store;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads the entries of a model file from a stream with bounded memory: only the entry names a
 * model holds, each at most once and under its own size cap, checked against the size the
 * entry declares before anything is allocated and again while its bytes are read.
 */
final class ModelEntries {
    /** System property that raises the cap on the network entry, in bytes. */
    static final String MAX_NETWORK_BYTES_PROPERTY = "geotrans.model.maxNetworkBytes";
    /** A WRN-16-8 with its optimiser state needs about a tenth of this. */
    static final long DEFAULT_MAX_NETWORK_BYTES = 1L << 30;
    static final long MAX_TEXT_BYTES = 64L << 20;
    private static final int CHUNK = 1 << 16;

    private ModelEntries() {
    }

    /**
     * Checks what a model file's central directory declares (names, sizes) before any entry is
     * inflated: a small file can claim, and inflate to, gigabytes. A file whose directory cannot
     * be read is left to {@link #read}, which says what is wrong with it.
     */
    static void checkDeclared(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                checkName(entry.getName(), file.toString());
                checkDeclaredSize(entry, file.toString());
            }
        } catch (ZipException unreadableDirectory) {
            // reading the entries one by one gives the message
        }
    }

    /** The entries in file order; throws one-line IOExceptions starting with {@code source}. */
    static Map<String, byte[]> read(InputStream in, String source) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = nextEntry(zip, source)) != null) {
                String name = entry.getName();
                checkName(name, source);
                if (entries.containsKey(name)) {
                    throw new IOException(source + " is a damaged GeoTrans model file (entry " + name + " appears twice)");
                }
                checkDeclaredSize(entry, source);
                entries.put(name, readBounded(zip, cap(name), source, name));
            }
        } catch (ZipException | EOFException e) {
            throw new IOException(source + " is not a GeoTrans model file or is truncated (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty()) {
            throw new IOException(source + " is not a GeoTrans model file (not a zip archive)");
        }
        return entries;
    }

    private static void checkName(String name, String source) throws IOException {
        if (!ModelFormat.ENTRIES.contains(name)) {
            throw new IOException(source + " is not a GeoTrans model file (it holds an entry '" + printable(name)
                    + "'; a model holds only " + String.join(", ", ModelFormat.ENTRIES) + ")");
        }
    }

    private static void checkDeclaredSize(ZipEntry entry, String source) throws IOException {
        long cap = cap(entry.getName());
        if (entry.getSize() > cap) {
            throw new IOException(source + " is refused: entry " + entry.getName() + " declares " + entry.getSize()
                    + " bytes, more than the limit of " + cap + capHint(entry.getName()));
        }
    }

    /** The JDK reports an entry name that is not UTF-8 as "malformed input"; say which file. */
    private static ZipEntry nextEntry(ZipInputStream zip, String source) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new IOException(source + " is not a readable GeoTrans model file: an entry name is not valid UTF-8", e);
        }
    }

    private static byte[] readBounded(InputStream in, long cap, String source, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > cap) {
                throw new IOException(source + " is refused: entry " + name + " holds more than the limit of " + cap
                        + " bytes" + capHint(name));
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    static long cap(String name) {
        if (!ModelFormat.NETWORK.equals(name)) {
            return MAX_TEXT_BYTES;
        }
        String raised = System.getProperty(MAX_NETWORK_BYTES_PROPERTY);
        if (raised == null) {
            return DEFAULT_MAX_NETWORK_BYTES;
        }
        try {
            return Long.parseLong(raised.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + MAX_NETWORK_BYTES_PROPERTY + " must be a number of bytes, got '"
                    + raised + "'");
        }
    }

    private static String capHint(String name) {
        return ModelFormat.NETWORK.equals(name) ? " (raise it with -D" + MAX_NETWORK_BYTES_PROPERTY + "=BYTES)" : "";
    }

    /** An entry name as it may appear in a one-line message. */
    private static String printable(String name) {
        String s = name.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
