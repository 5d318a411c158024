package org.geotrans.adapters.cli;

import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import org.geotrans.adapters.cli.report.ConsoleTable;
import org.geotrans.adapters.cli.report.ExperimentContext;
import org.geotrans.adapters.cli.report.ResultsWriter;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.EvaluateOneVsAllUseCase;
import org.geotrans.application.evaluate.OneVsAllCommand;
import org.geotrans.application.evaluate.OneVsAllReport;
import org.geotrans.application.preset.ExperimentSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The one-vs-all experiment behind evaluate and compare: settings in, table and --out reports out. */
abstract class ExperimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions data;

    @Option(names = "--normal-class", paramLabel = "CLASS", split = ",",
            description = "Normal class by name or index; repeatable or comma-separated; 'all' (default) for every class in turn.")
    List<String> normalClasses;

    @Mixin
    SettingsOptions settings;
    @Mixin
    RunOptions runs;
    @Mixin
    BackendOptions backendOptions;
    @Mixin
    OutputOptions output;

    private final Provider<EvaluateOneVsAllUseCase> experiments;
    private final Provider<BackendDescription> backend;
    private final DataLoader loader;
    private final BackendSelection selection;

    ExperimentCommand(Provider<EvaluateOneVsAllUseCase> experiments, Provider<BackendDescription> backend, DataLoader loader,
                      BackendSelection selection) {
        this.experiments = experiments;
        this.backend = backend;
        this.loader = loader;
        this.selection = selection;
    }

    /** The detectors this command puts side by side. */
    abstract Set<DetectorKind> detectors();

    abstract OneVsAllReport run(EvaluateOneVsAllUseCase useCase, OneVsAllCommand command, ProgressReporter progress);

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        backendOptions.applyTo(selection);
        OutputFolder folder = output.prepare();
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        LoadedData loaded = loader.load(data, 0, progress);
        List<Integer> classes = loaded.classIndices(normalClasses);
        ExperimentSettings s = settings.resolve(loaded.inputShape(), runs);
        OneVsAllReport report = run(experiments.get(), new OneVsAllCommand(loaded.dataset(), classes, loaded.preprocessing(),
                s, detectors()), progress);
        progress.close();
        out.print(ConsoleTable.of(report.summaries()));
        out.flush();
        if (folder != null) {
            progress.stage("writing results to " + folder.dir());
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("read-data-seconds", loaded.seconds());
            timings.put("experiment-seconds", report.seconds());
            timings.put("total-seconds", (System.nanoTime() - started) / 1e9);
            int[] testIndices = EvaluateOneVsAllUseCase.subset(loaded.dataset().test().size(), s.maxTestImages(),
                    new Random(s.seed()));
            ExperimentContext context = new ExperimentContext(spec.qualifiedName(" "),
                    Arrays.asList(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)),
                    loaded.location().toString(), data.format.name(), loaded.rawShape().toString(),
                    loaded.inputShape().toString(), loaded.preprocessing().padTo(),
                    settings.preset.name().toLowerCase(java.util.Locale.ROOT),
                    VersionInfo.all(backend.get().describe()), timings, testIndices, loaded.dataset().test());
            List<String> files = new ResultsWriter(folder.dir(), folder.force()).write(report, context);
            progress.note("wrote " + files.size() + " files: " + String.join(", ", files));
        }
        return 0;
    }
}
