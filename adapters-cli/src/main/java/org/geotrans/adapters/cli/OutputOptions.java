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

    /** Marks a folder a run is writing to; removed when the run ends. */
    static final String CLAIM = ".geotrans-writing";

    /**
     * Checks the folder before any work starts, so a long run never ends unable to write, and
     * creates it; a non-empty folder without --force is a usage error and stays untouched.
     * Without --force the folder is also claimed: the claim file is created atomically and the
     * folder checked again, so of two runs to the same new folder one fails here (exit 2).
     */
    OutputFolder prepare() throws IOException {
        if (out == null) {
            return null;
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, expected a folder");
        }
        if (!force && Files.isDirectory(out)) {
            if (Files.exists(out.resolve(CLAIM))) {
                throw beingWritten();
            }
            if (!isEmptyBut(out, null)) {
                throw notEmpty();
            }
        }
        Files.createDirectories(out);
        if (force) {
            return new OutputFolder(out, true, null);
        }
        Reservation claim = Reservation.claim(out.resolve(CLAIM), beingWritten().getMessage());
        if (!isEmptyBut(out, CLAIM)) {
            Files.deleteIfExists(claim.file());
            claim.close();
            throw notEmpty();
        }
        return new OutputFolder(out, false, claim);
    }

    private UsageException beingWritten() {
        return new UsageException("--out " + out + " is being written by another run (it holds " + CLAIM
                + "; delete that file if no run is writing there)");
    }

    private UsageException notEmpty() {
        return new UsageException("--out " + out + " is not empty; choose a new folder or add --force to replace its files");
    }

    private static boolean isEmptyBut(Path folder, String allowed) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(p -> p.getFileName().toString().equals(allowed));
        }
    }
}
