package org.geotrans.adapters.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.geotrans.application.ood.DetectOutOfDistributionUseCase;
import org.geotrans.application.ood.OutOfDistributionCommand;
import org.geotrans.application.ood.OutOfDistributionReport;
import org.geotrans.application.ood.OutOfDistributionSet;
import org.geotrans.adapters.cli.report.OodReports;
import org.geotrans.application.preset.ExperimentSettings;
import org.geotrans.domain.data.DatasetFormat;
import org.geotrans.domain.data.LabeledImages;
import org.geotrans.domain.image.Image;
import org.geotrans.domain.image.ShapeConformance;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Section 5.5 of the paper: the two-headed network for out-of-distribution detection in a labelled set. */
@Command(name = "ood", mixinStandardHelpOptions = true,
        description = {"Out-of-distribution detection in a labelled multi-class set (section 5.5 of the paper): a Wide ResNet "
                + "with two softmax heads, one for the in-distribution classes and one for the transformations, trained "
                + "together on every (image, transformation) pair. Test images are scored by the transformation head alone "
                + "(mean log-probability of the applied transformation, higher = more in-distribution), beside the maximum "
                + "softmax probability of the class head (Hendrycks and Gimpel 2017). Out-of-distribution images are the "
                + "test splits of --out-data, zero-padded and grey channels repeated to the in-distribution shape.",
                "Prints AUROC, AUPR-in (in-distribution positive) and AUPR-out per out-of-distribution set; with --out writes "
                        + "results.json, results.csv, results.md and scores.csv."},
        footer = {"", "Exit codes: 0 success, 2 usage error, 1 failure.",
                "Example: geotrans ood --in-data cifar10-jpg.zip --in-classes 0-4 --out-data cifar10-jpg.zip --out-classes 5-9 "
                        + "--out-data /usr/share/datasets/fashion-mnist --preset quick --out results/ood"})
final class OodCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--in-data", required = true, paramLabel = "PATH",
            description = "The labelled in-distribution dataset (any --data format of the other commands).")
    Path inData;

    @Option(names = "--in-classes", required = true, paramLabel = "LIST",
            description = "In-distribution classes: names or indices separated by commas, ranges like 0-4; at least two.")
    String inClasses;

    /** One out-of-distribution dataset and the classes of its test split to use. */
    static final class OutData {
        @Option(names = "--out-data", required = true, paramLabel = "PATH",
                description = "An out-of-distribution dataset; repeatable. Its test split is used.")
        Path data;

        @Option(names = "--out-classes", paramLabel = "LIST",
                description = "Classes of the --out-data just before it (default: all of them; for the --in-data itself, "
                        + "the classes that are not in-distribution).")
        String classes;
    }

    @ArgGroup(exclusive = false, multiplicity = "1..*")
    List<OutData> outData;

    @Mixin
    SettingsOptions settings;

    @Option(names = "--max-test", paramLabel = "N",
            description = "Score at most N in-distribution test images and N images of each out-of-distribution set (seeded "
                    + "random subsets); 0 = all. Preset: paper all, quick 3000.")
    Integer maxTest;

    @Mixin
    BackendOptions backendOptions;

    @Mixin
    OutputOptions output;

    private final Provider<DetectOutOfDistributionUseCase> useCase;
    private final Provider<BackendDescription> backendDescription;
    private final DataLoader loader;
    private final BackendSelection selection;

    @Inject
    OodCommand(Provider<DetectOutOfDistributionUseCase> useCase, Provider<BackendDescription> backendDescription,
               DataLoader loader, BackendSelection selection) {
        this.useCase = useCase;
        this.backendDescription = backendDescription;
        this.loader = loader;
        this.selection = selection;
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        backendOptions.applyTo(selection);
        if (settings.heldOut != null || settings.dirichletClip != null) {
            throw new UsageException((settings.heldOut != null ? "--held-out" : "--dirichlet-clip")
                    + " applies to the Dirichlet fit of train, evaluate and compare, not to ood");
        }
        settings.validate(null);
        if (maxTest != null && maxTest != 0 && maxTest < 2) {
            throw new UsageException("--max-test must be 0 (all) or at least 2, got " + maxTest);
        }
        try (OutputFolder folder = output.prepare()) {
            return run(folder, started);
        }
    }

    private int run(OutputFolder folder, long started) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = ProgressReporter.forStderr(spec.commandLine().getErr());
        LoadedData in = load(inData, progress);
        List<Integer> inIndices = ClassList.parse("--in-classes", inClasses, in);
        if (inIndices.size() < 2) {
            throw new UsageException("--in-classes: the class head needs at least two classes, got " + inIndices.size());
        }
        List<OutOfDistributionSet> sets = new ArrayList<>();
        for (OutData o : outData) {
            boolean same = o.data.toAbsolutePath().normalize().equals(inData.toAbsolutePath().normalize());
            LoadedData loaded = same ? in : load(o.data, progress);
            sets.add(outSet(o, loaded, same ? inIndices : List.of(), in));
        }
        ExperimentSettings s = settings.resolve(in.inputShape(), null);
        int testLimit = maxTest != null ? maxTest : s.maxTestImages();
        OutOfDistributionCommand command = new OutOfDistributionCommand(in.dataset().train(), in.dataset().test(), inIndices,
                in.preprocessing(), sets, s.transforms(), s.classifier(s.transforms().size(), s.seed()), s.maxTrainImages(),
                testLimit);
        progress.stage("two-headed " + s.classifier(s.transforms().size(), s.seed()).networkName() + ", "
                + s.transforms().size() + " transformations, in-distribution: " + inIndices.stream().map(in::className).toList());
        OutOfDistributionReport report;
        try {
            report = useCase.get().run(command, progress.progress());
        } catch (IllegalArgumentException e) {
            // the data do not fit the settings (shapes, transformations): a usage error, told before training
            throw new UsageException(e.getMessage());
        }
        progress.close();
        out.print(OodReports.console(report));
        out.flush();
        if (folder != null) {
            progress.stage("writing results to " + folder.dir());
            double total = (System.nanoTime() - started) / 1e9;
            OodReports.Context context = new OodReports.Context(spec.commandLine().getParseResult().originalArgs(),
                    in.location().toString(), s, testLimit, VersionInfo.all(backendDescription.get().describe()), total);
            folder.writeText("results.json", OodReports.json(report, context));
            folder.writeText("results.csv", OodReports.csv(report));
            folder.writeText("results.md", OodReports.markdown(report));
            folder.writeText("scores.csv", OodReports.scores(report));
            progress.note("wrote 4 files: results.json, results.csv, results.md, scores.csv");
        }
        return 0;
    }

    private LoadedData load(Path path, ProgressReporter progress) throws java.io.IOException {
        DataOptions options = new DataOptions();
        options.data = path;
        options.format = DatasetFormat.AUTO;
        return loader.load(options, 0, progress);
    }

    /** The test images of the chosen classes of one --out-data, checked against the in-distribution shape. */
    private static OutOfDistributionSet outSet(OutData o, LoadedData loaded, List<Integer> inIndices, LoadedData in) {
        List<Integer> classes;
        if (o.classes != null) {
            classes = ClassList.parse("--out-classes", o.classes, loaded);
            List<Integer> overlap = classes.stream().filter(inIndices::contains).toList();
            if (!overlap.isEmpty()) {
                throw new UsageException("--out-classes " + o.classes + " include in-distribution classes "
                        + overlap.stream().map(in::className).toList());
            }
        } else {
            classes = new ArrayList<>();
            for (int c = 0; c < loaded.dataset().train().classNames().size(); c++) {
                if (!inIndices.contains(c)) {
                    classes.add(c);
                }
            }
            if (classes.isEmpty()) {
                throw new UsageException("--out-data " + o.data + " is the --in-data and every class is in-distribution; "
                        + "give --in-classes a subset");
            }
        }
        if (!ShapeConformance.fits(loaded.inputShape(), in.inputShape())) {
            throw new UsageException("--out-data " + o.data + " has " + loaded.inputShape() + " images, which cannot be padded to "
                    + "the in-distribution " + in.inputShape() + ": they must be at most as large and have 1 or "
                    + in.inputShape().channels() + " channels");
        }
        LabeledImages test = loaded.dataset().test();
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (classes.contains(test.label(i))) {
                images.add(test.image(i));
            }
        }
        if (images.isEmpty()) {
            throw new UsageException("--out-data " + o.data + " has no test image of classes "
                    + classes.stream().map(loaded::className).toList());
        }
        boolean all = classes.size() == loaded.dataset().train().classNames().size();
        String name = loaded.dataset().name() + (all ? "" : " " + classes.stream().map(loaded::className).toList());
        return new OutOfDistributionSet(name, images, loaded.preprocessing());
    }
}
