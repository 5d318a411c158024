package org.geotrans.adapters.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: only chooses a subcommand. */
@Command(name = "geotrans", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Deep anomaly detection using geometric transformations (Golan and El-Yaniv, NeurIPS 2018).",
        subcommands = {TrainCommand.class, ScoreCommand.class, EvaluateCommand.class, CompareCommand.class, DiagnoseCommand.class,
                AscendCommand.class,
                BenchCommand.class, OodCommand.class},
        footer = {"", "Exit codes: 0 success, 2 usage error, 1 failure, 3 score --images skipped unreadable files.",
                "Example: geotrans compare --data /usr/share/datasets/fashion-mnist --normal-class trouser --preset quick --out results/q1"})
final class GeoTransCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // read by FailureHandler on whichever subcommand failed
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "choose a command: train, score, evaluate, compare, diagnose, ascend, bench or ood");
    }
}
