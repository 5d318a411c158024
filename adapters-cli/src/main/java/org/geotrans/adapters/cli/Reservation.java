package org.geotrans.adapters.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a run creates empty before its long work, so that of two runs aiming at the same new
 * file only one goes on: {@link Files#createFile} is O_CREAT | O_EXCL on POSIX, which the kernel
 * grants to exactly one caller. The run later replaces the empty file with its result (by an
 * atomic rename), or, if it ends without doing so (a failure, Ctrl-C), the empty file is
 * removed again so that the name is free for the next try.
 */
final class Reservation implements AutoCloseable {
    private final Path file;
    private final Thread onInterrupt;
    private boolean kept;

    private Reservation(Path file) {
        this.file = file;
        this.onInterrupt = new Thread(this::releaseIfEmpty, "geotrans-release-" + file.getFileName());
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /**
     * Creates {@code file} empty, or throws a usage error (exit 2) when it exists already.
     *
     * @param taken what to tell the user when the file exists
     */
    static Reservation claim(Path file, String taken) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(taken);
        }
        return new Reservation(file);
    }

    Path file() {
        return file;
    }

    /** The run put its result in place: the file stays. */
    void keep() {
        kept = true;
    }

    /** Removes the file when the run did not keep it and it is still empty. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        if (!kept) {
            deleteIfEmpty();
        }
    }

    private void releaseIfEmpty() {
        if (!kept) {
            try {
                deleteIfEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void deleteIfEmpty() throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == 0) {
            Files.deleteIfExists(file);
        }
    }
}
