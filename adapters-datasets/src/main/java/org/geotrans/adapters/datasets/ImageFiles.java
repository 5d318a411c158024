package org.geotrans.adapters.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ImageShape;

/**
 * Loose images to score or to calibrate on: one image file, the files of a flat folder, or every
 * entry of a zip (at any depth), each decoded and prepared as the readers of this module prepare
 * an image dataset's images (channels converted, the shorter side resized and centre-cropped to
 * the square side of the shape asked for), within the caps of {@link ReadLimits}. A file that
 * cannot be read is the caller's to skip: {@link #read} throws a one-line IOException for it
 * alone, while {@link FatalReadException} means nothing more can be read from the source.
 */
public final class ImageFiles implements AutoCloseable {
    private final Path location;
    private final ImageEntries entries;
    private final List<String> names;
    private final ImageDecoder decoder = new ImageDecoder();

    private ImageFiles(Path location, ImageEntries entries, List<String> names) {
        this.location = location;
        this.entries = entries;
        this.names = names;
    }

    /**
     * The images at {@code location}: hidden files (a name starting with a dot, macOS's
     * {@code __MACOSX}) are left out, every other file is a candidate; a folder's subfolders are
     * not read.
     *
     * @throws IOException one line naming the location when it is missing, empty or not a zip
     */
    public static ImageFiles open(Path location) throws IOException {
        if (!Files.exists(location)) {
            throw new NoSuchFileException(location.toString(), null, "no such file or folder");
        }
        if (Files.isDirectory(location)) {
            List<String> names = new ArrayList<>();
            try (Stream<Path> files = Files.list(location)) {
                files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !hidden(n))
                        .sorted().forEach(names::add);
            }
            return nonEmpty(location, new ImageEntries.Folder(location), names);
        }
        if (isZip(location)) {
            ImageEntries.Zip zip = new ImageEntries.Zip(location);
            List<String> names = new ArrayList<>();
            for (String name : zip.names()) {
                boolean hiddenPart = false;
                for (String part : name.split("/")) {
                    hiddenPart |= hidden(part);
                }
                if (!hiddenPart) {
                    names.add(name);
                }
            }
            names.sort(null);
            return nonEmpty(location, zip, names);
        }
        return new ImageFiles(location, new SingleFile(location), List.of(location.getFileName().toString()));
    }

    private static ImageFiles nonEmpty(Path location, ImageEntries entries, List<String> names) throws IOException {
        if (names.isEmpty()) {
            entries.close();
            throw new IOException(location + ": no files to read");
        }
        return new ImageFiles(location, entries, List.copyOf(names));
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.equals("__MACOSX");
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** The candidate files, sorted: names inside the folder or zip, or the file's own name. */
    public List<String> names() {
        return names;
    }

    /** How to name a file in a message: its path, or {@code zip!entry}. */
    public String describe(String name) {
        return entries.describe(name);
    }

    /**
     * One image, converted to {@code shape}'s channels and resized and centre-cropped to its side
     * (a square shape, as every dataset's images are), values 0..255.
     *
     * @throws FatalReadException when the source itself fails (a zip's inflation cap)
     * @throws IOException one line naming the file when this file cannot be read or decoded
     */
    public Image read(String name, ImageShape shape) throws IOException {
        if (shape.height() != shape.width()) {
            throw new IllegalArgumentException("images are prepared as squares, asked " + shape);
        }
        byte[] bytes;
        try {
            bytes = entries.read(name);
        } catch (ImageEntries.ZipBudgetExceededException e) {
            throw new FatalReadException(e.getMessage(), e);
        }
        return ImageFolderReader.toImage(decoder.decode(bytes, describe(name)), shape);
    }

    public Path location() {
        return location;
    }

    @Override
    public void close() throws IOException {
        decoder.close();
        entries.close();
    }

    /** Reading the source failed as a whole: no further file of it can be read. */
    public static final class FatalReadException extends IOException {
        private static final long serialVersionUID = 1L;

        FatalReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One image file given on its own. */
    private static final class SingleFile implements ImageEntries {
        private final Path file;

        SingleFile(Path file) {
            this.file = file;
        }

        @Override
        public List<String> names() {
            return List.of(file.getFileName().toString());
        }

        @Override
        public byte[] read(String name) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return ReadLimits.readAtMost(in, Files.size(file), ReadLimits.maxImageFileBytes(), file.toString(),
                        ReadLimits.MAX_IMAGE_FILE_BYTES);
            }
        }

        @Override
        public String describe(String name) {
            return file.toString();
        }

        @Override
        public void close() {
            // nothing held open
        }
    }
}
