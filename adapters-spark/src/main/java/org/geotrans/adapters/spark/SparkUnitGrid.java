package org.geotrans.adapters.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.geotrans.adapters.cli.GeoTransCli;
import org.geotrans.adapters.cli.UnitGrid;

/**
 * Runs the units of a grid on Spark: one task per (class, run) unit, each task the unit's own
 * command line (the CLI in the executor, with {@code --unit} and {@code --resume}), its result a
 * unit file in the shared {@code --out} folder. A task claims {@code spark.task.cpus} = the
 * executor's cores, so two trainings never share an executor; a task lost with its executor is
 * run again elsewhere and continues from the unit's checkpoints there.
 */
public final class SparkUnitGrid implements UnitGrid {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void run(Job job, Consumer<String> notes) {
        String cores = Integer.toString(job.coresPerUnit());
        SparkConf conf = new SparkConf().setMaster(job.master()).setAppName(job.name())
                .set("spark.executor.cores", cores)
                .set("spark.task.cpus", cores)
                // the native backend's threads follow the task's cores, not the machine's
                .set("spark.executorEnv.OMP_NUM_THREADS", cores)
                // the executors load GeoTrans from the path it has here: install it at the same path on every worker
                .set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .set("spark.ui.enabled", "false");
        // Java 17: Spark adds its --add-opens flags to the executors' command lines itself; the
        // driver has them from geotrans-spark.jar's manifest (Add-Opens), the master and workers from
        // Spark's own launch scripts
        job.conf().forEach(conf::set);
        List<List<String>> arguments = new ArrayList<>();
        job.units().forEach(unit -> arguments.add(new ArrayList<>(unit.arguments())));
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.sc().addSparkListener(new UnitListener(job.units(), notes));
            // one unit per partition: one task per unit
            spark.parallelize(arguments, arguments.size()).foreach(SparkUnitGrid::runUnit);
        }
    }

    /** Runs in the executor. */
    static void runUnit(List<String> arguments) {
        int code = GeoTransCli.runUnit(arguments.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("the unit's command exited with code " + code + ": " + String.join(" ", arguments));
        }
    }
}
