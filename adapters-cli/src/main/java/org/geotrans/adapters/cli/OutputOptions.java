package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The results folder and whether what is in it may be replaced. */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the results (created when missing).")
    Path out;

    @Option(names = "--force", description = "Write into a folder that is not empty and replace files there.")
    boolean force;

    /**
     * Checks the folder before any work starts, so a long run never ends unable to write, and
     * creates it; a non-empty folder without --force is a usage error and stays untouched.
     */
    OutputFolder prepare() throws IOException {
        return prepare(false);
    }

    /** As {@link #prepare()}; with {@code resume}, a folder that is not empty is the run to continue. */
    OutputFolder prepare(boolean resume) throws IOException {
        if (out == null) {
            if (resume) {
                throw new UsageException("--resume continues the run in an --out folder; say which with --out DIR");
            }
            return null;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, expected a folder");
        }
        if (!force && !resume && Files.isDirectory(out) && !isEmpty(out)) {
            throw new UsageException("--out " + out + " is not empty; choose a new folder, add --resume to continue "
                    + "the run there or --force to replace its files");
        }
        Files.createDirectories(out);
        return new OutputFolder(out, force);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
