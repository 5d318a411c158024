package org.geotrans.adapters.cli;

import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.geotrans.adapters.cli.report.ConsoleTable;
import org.geotrans.adapters.cli.report.ExperimentContext;
import org.geotrans.adapters.cli.report.ResultsWriter;
import org.geotrans.adapters.cli.report.UnitFiles;
import org.geotrans.application.checkpoint.ResumeMismatchException;
import org.geotrans.application.evaluate.DetectorKind;
import org.geotrans.application.evaluate.EvaluateOneVsAllUseCase;
import org.geotrans.application.evaluate.OneVsAllCommand;
import org.geotrans.application.evaluate.OneVsAllReport;
import org.geotrans.application.evaluate.UnitJournal;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.domain.port.TransformationClassifierProvider;
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
    OutputOptions output;
    @Mixin
    ResumeOptions resume;

    private final Provider<EvaluateOneVsAllUseCase> experiments;
    private final Provider<BackendDescription> backend;
    private final DataLoader loader;
    private final Provider<TransformationClassifierProvider> classifiers;

    ExperimentCommand(Provider<EvaluateOneVsAllUseCase> experiments, Provider<BackendDescription> backend, DataLoader loader,
                      Provider<TransformationClassifierProvider> classifiers) {
        this.experiments = experiments;
        this.backend = backend;
        this.loader = loader;
        this.classifiers = classifiers;
    }

    /** The detectors this command puts side by side. */
    abstract Set<DetectorKind> detectors();

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        data.validate();
        settings.validate(runs);
        resume.interval();
        OutputFolder folder = output.prepare(resume.resume);
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        LoadedData loaded = loader.load(data, 0, progress);
        List<Integer> classes = loaded.classIndices(normalClasses);
        ExperimentSettings s = settings.resolve(loaded.inputShape(), runs);
        UnitJournal journal = UnitJournal.NONE;
        if (folder != null) {
            Map<String, String> more = new LinkedHashMap<>();
            more.put("normal classes", classes.stream().map(loaded::className).toList().toString());
            more.put("detectors", new java.util.TreeSet<>(detectors()).toString());
            Resumption resumption = Resumption.start(folder.dir(), Resumption.fingerprint(spec.name(), s, more, loaded,
                    classifiers.get().backend().id()), resume, progress);
            journal = new UnitFiles(folder.dir(), resumption.fingerprint(), resumption.policy());
        }
        OneVsAllReport report;
        try {
            report = experiments.get().run(new OneVsAllCommand(loaded.dataset(), classes, loaded.preprocessing(), s,
                    detectors()), progress, journal);
        } catch (ResumeMismatchException e) {
            throw Resumption.usage(e);
        }
        progress.close();
        out.print(ConsoleTable.of(report.summaries()));
        out.flush();
        if (folder != null) {
            progress.stage("writing results to " + folder.dir());
            Map<String, Double> timings = new LinkedHashMap<>();
            timings.put("read-data-seconds", loaded.seconds());
            timings.put("experiment-seconds", report.seconds());
            timings.put("total-seconds", (System.nanoTime() - started) / 1e9);
            ExperimentContext context = new ExperimentContext(spec.qualifiedName(" "),
                    Arrays.asList(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)),
                    loaded.location().toString(), data.format.name(), loaded.rawShape().toString(),
                    loaded.inputShape().toString(), loaded.preprocessing().padTo(),
                    settings.preset.name().toLowerCase(java.util.Locale.ROOT),
                    VersionInfo.all(backend.get().describe()), timings, report.testIndices(), loaded.dataset().test());
            List<String> files = new ResultsWriter(folder.dir(), folder.force() || resume.resume).write(report, context);
            progress.note("wrote " + files.size() + " files: " + String.join(", ", files));
        }
        return 0;
    }
}
