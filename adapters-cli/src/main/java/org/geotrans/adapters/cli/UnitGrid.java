package org.geotrans.adapters.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the (class, run) units of evaluate and compare on a cluster instead of one after the other
 * here. Implementations live in their own adapter module (adapters-spark) and are found with
 * {@link java.util.ServiceLoader}, so that the command line carries no cluster library unless one
 * is asked for.
 */
public interface UnitGrid {

    /** One unit: its label for the notes and the command line that runs it alone ({@code --unit}). */
    record Unit(String label, List<String> arguments) {
        public Unit {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A grid to run.
     *
     * @param master where to run it, as the engine names it ({@code local[4]}, {@code spark://host:7077})
     * @param name the application's name in the engine's UI
     * @param units the units, each run exactly once when it succeeds
     * @param coresPerUnit the cores one unit holds; no two units share them
     * @param conf the engine's own settings, passed on as they are
     */
    record Job(String master, String name, List<Unit> units, int coresPerUnit, Map<String, String> conf) {
        public Job {
            units = List.copyOf(units);
            conf = Map.copyOf(conf);
        }
    }

    /** The engine's name, for messages. */
    String name();

    /**
     * Runs every unit and returns when each has succeeded once; the units record their results
     * themselves (in the shared {@code --out} folder).
     *
     * @param notes where to tell where each unit runs and how it ended
     * @throws RuntimeException when a unit failed for good
     */
    void run(Job job, Consumer<String> notes);
}
