package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.geotrans.adapters.cli.report.OutputFiles;

/**
 * A checked results folder, claimed by this run until it is closed (see {@link OutputOptions}).
 * Every file goes through {@link OutputFiles}, which creates it atomically unless --force was
 * given.
 *
 * @param claim the mark that keeps other runs out, null with --force
 */
record OutputFolder(Path dir, boolean force, FolderLock claim) implements AutoCloseable {
    OutputFolder {
        Objects.requireNonNull(dir, "dir");
    }

    void writeText(String name, String text) throws IOException {
        try (var out = OutputFiles.open(dir.resolve(name), force)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    void writePng(String name, java.awt.image.BufferedImage image) throws IOException {
        try (var out = OutputFiles.open(dir.resolve(name), force)) {
            if (!javax.imageio.ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime for " + name);
            }
        }
    }

    /** Lets other runs in again; the folder and what this run wrote stay. */
    @Override
    public void close() throws IOException {
        if (claim != null) {
            claim.close();
        }
    }
}
