package org.geotrans.adapters.spark;

import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import org.geotrans.adapters.cli.UnitGrid;

/** Tells, in the driver, where each unit's task started and how it ended: a lost one and its retry included. */
final class UnitListener extends SparkListener {
    private final List<UnitGrid.Unit> units;
    private final Consumer<String> notes;

    UnitListener(List<UnitGrid.Unit> units, Consumer<String> notes) {
        this.units = units;
        this.notes = notes;
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        notes.accept(label(start.taskInfo()) + " started on " + where(start.taskInfo()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo task = end.taskInfo();
        if (task.successful()) {
            notes.accept(label(task) + " finished on " + where(task));
        } else {
            String reason = end.reason() instanceof TaskFailedReason failed ? failed.toErrorString() : end.reason().toString();
            notes.accept(label(task) + " failed on " + where(task) + ": " + reason.lines().findFirst().orElse("")
                    + "; Spark runs it again");
        }
    }

    private String label(TaskInfo task) {
        return "unit " + units.get(task.index()).label() + " (attempt " + (task.attemptNumber() + 1) + ")";
    }

    private static String where(TaskInfo task) {
        return "executor " + task.executorId() + " (" + task.host() + ")";
    }
}
