package org.geotrans.adapters.cli;

import picocli.CommandLine.Option;

/** The one-vs-all protocol's own settings: repetitions, the test subset, the baselines' budgets. */
final class RunOptions {
    @Option(names = "--runs", paramLabel = "N", description = "Repetitions per class (seeds seed, seed + 1, ...); the table shows mean +- SEM.")
    Integer runs;

    @Option(names = "--max-test", paramLabel = "N", description = "Score at most N test images (seeded random subset, the same for every class and detector); 0 = all.")
    Integer maxTest;

    @Option(names = "--ocsvm-max-train", paramLabel = "N", description = "The One-Class SVMs train on at most N normal images (their cost grows with the square).")
    Integer ocsvmMaxTrain;

    @Option(names = "--baseline-epochs", paramLabel = "N",
            description = "Epochs of the deep baselines of compare --detectors that the paper trains for 200 (ADGAN gets half). Preset: paper 200, quick 67.")
    Integer baselineEpochs;
}
