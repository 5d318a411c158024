package org.geotrans.adapters.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.geotrans.application.evaluate.ExperimentListener;
import org.geotrans.application.evaluate.RunResult;
import org.geotrans.domain.port.ProgressListener;
import org.geotrans.domain.port.TrainingProgress;

/**
 * Progress on stderr: a stage line per long step, then a bar with %, images/s, loss and ETA.
 * On a terminal the bar is redrawn in place; elsewhere (logs, CI) a line is written every few
 * seconds and when a step completes, so logs stay short.
 */
final class ProgressReporter implements ExperimentListener {
    static final long LOG_INTERVAL_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean redraw;
    private final LongSupplier clock;
    private final long started;
    private final ProgressListener listener = this::onProgress;
    private boolean barOpen;
    private long lastLine;
    private String lastStage = "";
    private boolean lastStageCompleted;

    ProgressReporter(PrintWriter err, boolean redraw, LongSupplier clock) {
        this.err = err;
        this.redraw = redraw;
        this.clock = clock;
        this.started = clock.getAsLong();
        this.lastLine = started;
    }

    /** Redraws in place when stderr looks like a terminal; GEOTRANS_PROGRESS=bar|log forces one. */
    static ProgressReporter forStderr(PrintWriter err) {
        String forced = System.getenv("GEOTRANS_PROGRESS");
        boolean terminal = forced != null ? forced.equalsIgnoreCase("bar")
                : System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressReporter(err, terminal, System::nanoTime);
    }

    @Override
    public void stage(String description) {
        endBar();
        err.println("[" + clockTime((clock.getAsLong() - started) / 1e9) + "] " + description);
        err.flush();
        lastLine = clock.getAsLong();
        lastStage = "";
    }

    /** A line of information between the stages. */
    void note(String text) {
        endBar();
        err.println("        " + text);
        err.flush();
    }

    @Override
    public ProgressListener progress() {
        return listener;
    }

    @Override
    public void finished(RunResult r) {
        String decisions = r.atThreshold() == null ? "" : String.format(Locale.ROOT,
                "; at the threshold: false-alarm rate %.4f, detection rate %.4f", r.atThreshold().falseAlarmRate(),
                r.atThreshold().detectionRate());
        note(String.format(Locale.ROOT, "%s / %s, run %d: AUROC %.4f%s (train %s, score %s)", r.className(),
                r.detector().label(), r.run() + 1, r.auroc(), decisions, seconds(r.trainSeconds()),
                seconds(r.scoreSeconds())));
    }

    /** Ends an open bar line; call before printing anything else to stderr or stdout. */
    void close() {
        endBar();
    }

    private void onProgress(TrainingProgress p) {
        long now = clock.getAsLong();
        String key = p.stage() + "/" + p.epoch();
        boolean complete = p.total() > 0 && p.done() >= p.total();
        if (key.equals(lastStage) && complete && lastStageCompleted) {
            return;
        }
        if (redraw) {
            err.print("\r" + line(p) + "\u001b[K");
            barOpen = true;
            if (complete) {
                endBar();
            }
        } else if (complete || now - lastLine >= LOG_INTERVAL_NANOS) {
            err.println(line(p));
            lastLine = now;
        }
        err.flush();
        lastStage = key;
        lastStageCompleted = complete;
    }

    private void endBar() {
        if (barOpen) {
            err.println();
            err.flush();
            barOpen = false;
        }
    }

    /** One progress line, e.g. {@code   train epoch 1/3 [#####-----]  42.0%  1210/2880  950 img/s  loss 1.234  ETA 3:05}. */
    static String line(TrainingProgress p) {
        StringBuilder b = new StringBuilder("        ").append(p.stage().label());
        if (p.epochs() > 0) {
            b.append(" epoch ").append(p.epoch()).append('/').append(p.epochs());
        }
        if (p.total() > 0) {
            double fraction = Math.min(1.0, Math.max(0.0, (double) p.done() / p.total()));
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            b.append(" [").append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append(']');
            b.append(String.format(Locale.ROOT, " %5.1f%%  %d/%d", 100 * fraction, p.done(), p.total()));
        } else {
            b.append(' ').append(p.done());
        }
        if (p.imagesPerSecond() > 0 && Double.isFinite(p.imagesPerSecond())) {
            b.append(String.format(Locale.ROOT, "  %.0f img/s", p.imagesPerSecond()));
        }
        if (Double.isFinite(p.loss())) {
            b.append(String.format(Locale.ROOT, "  loss %.4f", p.loss()));
        }
        if (p.etaSeconds() >= 0 && Double.isFinite(p.etaSeconds())) {
            b.append("  ETA ").append(clockTime(p.etaSeconds()));
        }
        return b.toString();
    }

    /** m:ss or h:mm:ss. */
    static String clockTime(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String seconds(double s) {
        return s >= 100 ? clockTime(s) : String.format(Locale.ROOT, "%.1f s", s);
    }
}
