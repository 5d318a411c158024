package org.geotrans.adapters.cli.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens the files a run writes. Without --force a file is created with CREATE_NEW (O_EXCL):
 * checking first and writing later would let another run's file be replaced in between.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static OutputStream open(Path file, boolean overwrite) throws IOException {
        try {
            return new BufferedOutputStream(overwrite ? Files.newOutputStream(file)
                    : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists; add --force to replace it");
        }
    }
}
