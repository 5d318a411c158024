package org.geotrans.adapters.cli;

import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.ArrayList;
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
import org.geotrans.domain.port.ClassifierBackend;
import org.geotrans.domain.port.DetectorStore;
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

    @Option(names = "--anomaly-classes", paramLabel = "CLASS", split = ",",
            description = "Keep only these classes (and the normal ones) in the test set, e.g. --anomaly-classes sandal "
                    + "(the paper's section 6); repeatable or comma-separated. Default: every other class is an anomaly.")
    List<String> anomalyClasses;

    @Mixin
    SettingsOptions settings;
    @Mixin
    RunOptions runs;
    @Mixin
    BackendOptions backendOptions;
    @Mixin
    OutputOptions output;
    @Mixin
    ResumeOptions resume;
    @Mixin
    GridOptions grid;

    @Option(names = "--keep-models", description = {"Keep each unit's trained GeoTrans detector as "
            + "DIR/models/CLASS-runR.geotrans of --out, saved before it scores the test set: score, diagnose and "
            + "ascend take it with --model (a WRN-10-4 with 72 transformations is about 15 MB)."})
    boolean keepModels;

    private final Provider<EvaluateOneVsAllUseCase> experiments;
    private final Provider<BackendDescription> backend;
    private final Provider<DetectorStore> store;
    private final DataLoader loader;
    private final BackendSelection selection;

    ExperimentCommand(Provider<EvaluateOneVsAllUseCase> experiments, Provider<BackendDescription> backend,
                      Provider<DetectorStore> store, DataLoader loader, BackendSelection selection) {
        this.experiments = experiments;
        this.backend = backend;
        this.store = store;
        this.loader = loader;
        this.selection = selection;
    }

    /**
     * The detectors this command puts side by side.
     *
     * @throws UsageException for a detector this build does not implement
     */
    abstract Set<DetectorKind> detectors();

    /** The network engine chosen with --backend (applied at the start of {@link #call()}). */
    final ClassifierBackend backendChoice() {
        return selection.backend();
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        backendOptions.applyTo(selection);
        detectors();
        data.validate();
        settings.validate(runs);
        resume.interval();
        grid.validate(output, data);
        int[] only = grid.unit();
        if (keepModels && output.out == null) {
            throw new UsageException("--keep-models saves the detectors into --out DIR/models; add --out DIR");
        }
        if (keepModels && detectors().stream().noneMatch(DetectorKind::isGeoTrans)) {
            throw new UsageException("--keep-models keeps GeoTrans detectors, and --detectors has no geotrans");
        }
        if (only != null && (output.out == null || !resume.resume)) {
            throw new UsageException("--unit runs one unit of a run prepared in --out; it needs --out and --resume");
        }
        // a unit runs inside the run whose driver holds the folder's lock
        try (OutputFolder folder = only != null ? output.joinRun() : output.prepare(resume.resume)) {
            return run(folder, started, only);
        }
    }

    private int run(OutputFolder folder, long started, int[] only) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        LoadedData all = loader.load(data, 0, progress);
        List<Integer> classes = all.classIndices(normalClasses);
        LoadedData loaded = all.withAnomalyClasses(classes, anomalyClasses);
        if (loaded != all) {
            progress.note("test set: " + loaded.dataset().test().size() + " images of the normal and anomaly classes "
                    + "(of " + all.dataset().test().size() + ")");
        }
        ExperimentSettings s = settings.resolve(loaded.inputShape(), runs);
        UnitJournal journal = UnitJournal.NONE;
        if (folder != null) {
            Map<String, String> more = new LinkedHashMap<>();
            more.put("normal classes", classes.stream().map(loaded::className).toList().toString());
            // sorted by name, as when the detectors were sorted by declaration: earlier folders stay resumable
            more.put("detectors", detectors().stream().map(Enum::name).sorted().toList().toString());
            if (detectors().stream().anyMatch(DetectorKind::isDeepBaseline)) {
                more.put("baseline epochs", Integer.toString(s.baselineEpochs()));
            }
            more.putAll(settings.fingerprintParts());
            if (anomalyClasses != null && !anomalyClasses.isEmpty()) {
                more.put("anomaly classes", anomalyClasses.stream().map(c -> loaded.className(loaded.classIndex(c))).toList()
                        .toString());
            }
            Resumption resumption = Resumption.start(folder.dir(), Resumption.fingerprint(spec.name(), s, more, loaded,
                    selection.engineVersion()), resume, progress);
            journal = new UnitFiles(folder.dir(), resumption.fingerprint(), resumption.policy(),
                    keepModels ? store.get() : null);
        }
        if (only != null && (!classes.contains(only[0]) || only[1] < 0 || only[1] >= s.runs())) {
            throw new UsageException("--unit " + grid.unit + " is not a unit of this run: classes " + classes + ", runs 0.."
                    + (s.runs() - 1));
        }
        if (grid.spark != null) {
            runOnGrid(classes, loaded, s, progress);
        }
        OneVsAllReport report;
        try {
            // with --spark every unit is in the journal by now: the report is built from them as after --resume
            report = experiments.get().run(new OneVsAllCommand(loaded.dataset(), classes, loaded.preprocessing(), s,
                    detectors(), settings.dirichletFit()), progress, journal, unit -> only == null || unit.classIndex() == only[0] && unit.run() == only[1]);
        } catch (ResumeMismatchException e) {
            throw Resumption.usage(e);
        }
        progress.close();
        if (only != null) {
            return 0;
        }
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

    /** Every (class, run) unit as one task of the grid engine, each recording its unit in --out. */
    private void runOnGrid(List<Integer> classes, LoadedData loaded, ExperimentSettings s, ProgressReporter progress) {
        UnitGrid engine = grid.grid();
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        List<UnitGrid.Unit> units = new ArrayList<>();
        for (int c : classes) {
            for (int r = 0; r < s.runs(); r++) {
                units.add(new UnitGrid.Unit(loaded.className(c) + ", run " + (r + 1),
                        GridOptions.unitArguments(original, spec.name(), c, r)));
            }
        }
        progress.stage(units.size() + " units on " + engine.name() + " " + grid.spark + ", " + grid.coresPerUnit
                + " core(s) each");
        engine.run(new UnitGrid.Job(grid.spark, "geotrans " + spec.name(), units, grid.coresPerUnit, grid.conf), progress::note);
    }
}
