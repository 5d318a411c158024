package org.geotrans.adapters.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.geotrans.domain.port.ProgressStage;
import org.geotrans.domain.port.TrainingProgress;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void aLineShowsStagePercentRateLossAndEta() {
        String line = ProgressReporter.line(new TrainingProgress(ProgressStage.TRAIN, 1, 3, 50, 200, 1.23456, 950.4, 125));
        assertEquals("        train epoch 1/3 [######------------------]  25.0%  50/200  950 img/s  loss 1.2346  ETA 2:05", line);
        assertEquals("1:02:03", ProgressReporter.clockTime(3723));
    }

    @Test
    void givenNoTerminal_thenALineEveryFewSecondsAndOneAtTheEnd() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(new PrintWriter(text), false, now::get);
        reporter.stage("training");
        for (int done = 1; done <= 100; done++) {
            now.addAndGet(200_000_000L);
            reporter.progress().onProgress(new TrainingProgress(ProgressStage.TRAIN, 1, 1, done, 100, 0.5, 10, 1));
        }
        // 20 s of progress: one line per 5 s, the last one at 100%
        assertEquals(1 + 4, text.toString().lines().count(), text.toString());
        assertTrue(text.toString().contains("100.0%"));
        assertTrue(!text.toString().contains("\r"));
    }

    @Test
    void givenATerminal_thenTheBarIsRedrawnInPlace() {
        StringWriter text = new StringWriter();
        ProgressReporter reporter = new ProgressReporter(new PrintWriter(text), true, System::nanoTime);
        reporter.progress().onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, 1, 2, Double.NaN, 10, 1));
        reporter.progress().onProgress(new TrainingProgress(ProgressStage.SCORE, 0, 0, 2, 2, Double.NaN, 10, 0));
        assertEquals(2, text.toString().chars().filter(c -> c == '\r').count());
        assertTrue(text.toString().endsWith("\n"));
    }
}
