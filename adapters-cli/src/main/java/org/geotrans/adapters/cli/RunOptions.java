package org.geotrans.adapters.cli;

import picocli.CommandLine.Option;

/** The one-vs-all protocol's own settings: repetitions and the test subset. */
final class RunOptions {
    @Option(names = "--runs", paramLabel = "N", description = "Repetitions per class (seeds seed, seed + 1, ...); the table shows mean +- SEM.")
    Integer runs;

    @Option(names = "--max-test", paramLabel = "N", description = "Score at most N test images (seeded random subset, the same for every class and detector); 0 = all.")
    Integer maxTest;

    @Option(names = "--ocsvm-max-train", paramLabel = "N", description = "The One-Class SVMs train on at most N normal images (their cost grows with the square).")
    Integer ocsvmMaxTrain;
}
