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

    /** The marker a run locks while it writes to a folder ({@link FolderLock}). */
    static final String CLAIM = ".geotrans-lock";

    /**
     * Checks the folder before any work starts, so a long run never ends unable to write, and
     * creates it; a non-empty folder without --force or --resume is a usage error and stays
     * untouched. Without --force the folder is also locked ({@link FolderLock}) and checked again,
     * so of two runs to the same new folder one fails here (exit 2).
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
        if (!force && !resume && Files.isDirectory(out) && !isEmptyBut(out, CLAIM)) {
            throw notEmpty();
        }
        Files.createDirectories(out);
        if (force) {
            return new OutputFolder(out, true, null);
        }
        FolderLock claim = FolderLock.acquire(out.resolve(CLAIM), beingWritten().getMessage());
        if (!resume && !isEmptyBut(out, CLAIM)) {
            claim.close();
            throw notEmpty();
        }
        return new OutputFolder(out, false, claim);
    }

    /**
     * The folder of a run another process prepared and holds the lock of (a Spark driver, for its
     * units): no check and no lock of its own.
     */
    OutputFolder joinRun() {
        if (!Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is not a folder a run was prepared in");
        }
        return new OutputFolder(out, force, null);
    }

    private UsageException beingWritten() {
        return new UsageException("--out " + out + " is being written by another run (it holds the lock on " + CLAIM
                + "); wait for it to end or choose another folder");
    }

    private UsageException notEmpty() {
        return new UsageException("--out " + out + " is not empty; choose a new folder, add --resume to continue "
                + "the run there or --force to replace its files");
    }

    private static boolean isEmptyBut(Path folder, String allowed) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(allowed));
        }
    }
}
