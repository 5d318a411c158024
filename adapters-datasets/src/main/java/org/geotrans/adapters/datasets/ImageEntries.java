package org.geotrans.adapters.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of an image dataset, named by '/'-separated paths relative to a folder or inside a
 * zip, so that one reader serves both. {@link #read} is safe to call from several threads and
 * keeps to the caps of {@link ReadLimits}: one file or entry, and all the bytes inflated from a zip.
 */
interface ImageEntries extends Closeable {

    /** Names of all plain files. */
    List<String> names();

    byte[] read(String name) throws IOException;

    /** How to name an entry in a message, e.g. {@code data.zip!train/cat/1.jpg}. */
    String describe(String name);

    static ImageEntries open(Path location) throws IOException {
        return Files.isDirectory(location) ? new Folder(location) : new Zip(location);
    }

    final class Folder implements ImageEntries {
        private final Path root;
        private final List<String> names = new ArrayList<>();

        Folder(Path root) throws IOException {
            this.root = root;
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> names.add(relative(p)));
            }
        }

        private String relative(Path p) {
            StringBuilder sb = new StringBuilder();
            for (Path part : root.relativize(p)) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(part);
            }
            return sb.toString();
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public byte[] read(String name) throws IOException {
            Path file = root.resolve(name);
            try (InputStream in = Files.newInputStream(file)) {
                return ReadLimits.readAtMost(in, Files.size(file), ReadLimits.maxImageFileBytes(), file.toString(),
                        ReadLimits.MAX_IMAGE_FILE_BYTES);
            }
        }

        @Override
        public String describe(String name) {
            return root.resolve(name).toString();
        }

        @Override
        public void close() {
            // nothing held open
        }
    }

    /** The bytes inflated from one zip passed their cap: no later entry of it can be read. */
    final class ZipBudgetExceededException extends IOException {
        private static final long serialVersionUID = 1L;

        ZipBudgetExceededException(String message) {
            super(message);
        }
    }

    /** Reads entries in place; ZipFile serves concurrent readers of different entries. */
    final class Zip implements ImageEntries {
        private final Path file;
        private final ZipFile zip;
        private final List<String> names = new ArrayList<>();
        private final AtomicLong inflated = new AtomicLong();

        Zip(Path file) throws IOException {
            this.file = file;
            try {
                this.zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new IOException(file + ": not a readable zip file (" + e.getMessage() + ")", e);
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public byte[] read(String name) throws IOException {
            ZipEntry e = zip.getEntry(name);
            if (e == null) {
                throw new IOException(describe(name) + ": entry vanished from the zip");
            }
            // the sizes in the entry's header are the zip's claim; only the bytes really inflated count
            try (InputStream in = zip.getInputStream(e)) {
                byte[] bytes = ReadLimits.readAtMost(in, e.getSize(), ReadLimits.maxImageFileBytes(), describe(name),
                        ReadLimits.MAX_IMAGE_FILE_BYTES);
                long total = inflated.addAndGet(bytes.length);
                long cap = ReadLimits.maxZipBytes();
                if (total > cap) {
                    throw new ZipBudgetExceededException(file + ": more than " + ReadLimits.bytes(cap) + " (" + cap
                            + " bytes) inflated from its entries, the limit for one zip (raise it with -D"
                            + ReadLimits.MAX_ZIP_BYTES + "=N)");
                }
                return bytes;
            } catch (ZipException ex) {
                throw new IOException(describe(name) + ": corrupt zip entry (" + ex.getMessage() + ")", ex);
            }
        }

        @Override
        public String describe(String name) {
            return file + "!" + name;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
