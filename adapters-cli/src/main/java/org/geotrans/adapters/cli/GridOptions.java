package org.geotrans.adapters.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import picocli.CommandLine.Option;

/** Spreading the units of evaluate and compare over a cluster, and running one unit of such a grid. */
final class GridOptions {
    /** The options the units' own command lines leave out. */
    private static final Set<String> GRID_ONLY = Set.of("--spark", "--spark-conf", "--cores-per-unit");

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run every (class, run) unit as one Spark task on MASTER (local[N] or spark://host:port). Needs "
                    + "geotrans-spark.jar, and --data and --out as absolute paths that every worker sees.")
    String spark;

    @Option(names = "--cores-per-unit", paramLabel = "N", defaultValue = "1",
            description = "With --spark: the cores one unit holds (spark.task.cpus = spark.executor.cores = N; default: ${DEFAULT-VALUE}).")
    int coresPerUnit;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "With --spark: a Spark setting passed on as it is (repeatable), e.g. spark.executor.memory=6g.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--unit", paramLabel = "CLASS:RUN", hidden = true,
            description = "Run the one unit of class index CLASS and run RUN (0-based) into --out and write no report: "
                    + "what a --spark task runs.")
    String unit;

    /** The unit this command runs alone, or null for all of them. */
    int[] unit() {
        if (unit == null) {
            return null;
        }
        String[] parts = unit.split(":");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException e) {
            // the usage error below says what is expected
        }
        throw new UsageException("--unit expects CLASS:RUN, two numbers, found '" + unit + "'");
    }

    /** Checks what --spark needs, the engine on the class path included, before any data is read or written. */
    void validate(OutputOptions output, DataOptions data) {
        if (spark == null) {
            return;
        }
        if (unit != null) {
            throw new UsageException("--unit and --spark exclude each other");
        }
        if (coresPerUnit < 1 || coresPerUnit > 1024) {
            throw new UsageException("--cores-per-unit must be 1..1024, found " + coresPerUnit);
        }
        if (output.out == null || !output.out.isAbsolute()) {
            throw new UsageException("--spark needs --out DIR as an absolute path that every worker sees (the units are written there)"
                    + (output.out == null ? "" : ", found " + output.out));
        }
        if (!data.data.isAbsolute()) {
            throw new UsageException("--spark needs --data as an absolute path that every worker sees, found " + data.data);
        }
        grid();
    }

    /** The grid engine on the class path: geotrans-spark.jar's. */
    UnitGrid grid() {
        return ServiceLoader.load(UnitGrid.class).findFirst().orElseThrow(() -> new UsageException(
                "--spark needs the Spark adapter: run adapters-spark/target/geotrans-spark.jar (bin/geotrans does when "
                        + "--spark is given) instead of geotrans-cli.jar"));
    }

    /**
     * The command line of one unit: this one without the grid's options, continuing the run that
     * the driver prepared in --out (--resume), restricted to the unit.
     */
    static List<String> unitArguments(List<String> original, String command, int classIndex, int run) {
        int at = original.indexOf(command);
        List<String> args = new ArrayList<>(original.subList(0, at + 1));
        List<String> rest = original.subList(at + 1, original.size());
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (GRID_ONLY.contains(name)) {
                i += arg.contains("=") ? 0 : 1;
            } else if (!arg.equals("--resume") && !arg.equals("--force")) {
                args.add(arg);
            }
        }
        args.addAll(List.of("--resume", "--unit", classIndex + ":" + run));
        return args;
    }
}
