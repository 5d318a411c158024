package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A checked results folder. Every file goes through {@link #file}, which refuses to replace an
 * existing file unless --force was given.
 */
record OutputFolder(Path dir, boolean force) {
    OutputFolder {
        Objects.requireNonNull(dir, "dir");
    }

    Path file(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!force && Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists; add --force to replace it");
        }
        return file;
    }

    void writeText(String name, String text) throws IOException {
        Files.writeString(file(name), text, StandardCharsets.UTF_8);
    }
}
