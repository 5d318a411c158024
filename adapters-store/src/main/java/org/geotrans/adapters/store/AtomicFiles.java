package org.geotrans.adapters.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that appear complete or not at all, and that two writers cannot both create.
 *
 * <p>Without overwriting, the target is first created empty with {@link Files#createFile}
 * (open with O_CREAT | O_EXCL on POSIX): the kernel lets exactly one of two writers create it,
 * atomically, so the other fails before it writes anything. The content then goes to a
 * temporary file beside it, and rename(2) puts it in place in one step, replacing only the
 * empty reservation this writer made: a reader sees an empty file or the whole model, never a
 * part of one, and never another writer's file replaced. Checking that the file exists and
 * moving with REPLACE_EXISTING later, as before, let two writers both succeed.
 */
final class AtomicFiles {
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static void publish(Path file, boolean overwrite, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean reserved = false;
        if (!overwrite) {
            try {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(file.toString(), null, "already exists; choose another file or allow overwriting");
            }
            reserved = true;
        }
        Path tmp = Files.createTempFile(dir, ".geotrans-", ".tmp");
        boolean published = false;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            published = true;
        } finally {
            Files.deleteIfExists(tmp);
            if (reserved && !published && Files.size(file) == 0) {
                Files.deleteIfExists(file);
            }
        }
    }
}
