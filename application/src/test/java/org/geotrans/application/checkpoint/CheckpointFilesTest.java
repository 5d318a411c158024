package org.geotrans.application.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.training.TrainingPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFilesTest {
    private static final Fingerprint RUN = new Fingerprint(Map.of("settings", "epochs 3", "data", "abc", "version", "1"));

    @TempDir
    Path folder;
    private final List<String> notes = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final SaveRequests requests = new SaveRequests();

    private CheckpointFiles files(Fingerprint fingerprint) {
        return new CheckpointFiles(new CheckpointPolicy(folder, Duration.ofMinutes(10), requests, notes::add, "test"),
                fingerprint, clock::get);
    }

    private static TrainingPosition at(long step) {
        return new TrainingPosition((int) (step / 10), step % 10, step, 30);
    }

    private static void save(CheckpointFiles files, long step) throws IOException {
        files.save(at(step), out -> out.write(("state at " + step).getBytes(StandardCharsets.UTF_8)));
    }

    private static String state(TrainingCheckpoint c) throws IOException {
        try (InputStream in = c.openState()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEmptyFolderStartsAtStepZero() throws IOException {
        assertTrue(files(RUN).begin(30).isEmpty());
        assertEquals(List.of(), notes);
    }

    @Test
    void theNewestTwoAreKeptAndTheNewestIsResumedWithItsPositionAndBytes() throws IOException {
        CheckpointFiles files = files(RUN);
        files.begin(30);
        for (long step : new long[] {4, 11, 17}) {
            save(files, step);
        }
        files.end();
        assertEquals(List.of("checkpoint-000000000011.bin", "checkpoint-000000000017.bin"), names());
        TrainingCheckpoint resumed = files(RUN).begin(30).orElseThrow();
        assertEquals(at(17), resumed.position());
        assertEquals("state at 17", state(resumed));
        assertEquals(List.of("resumed at step 17 of 30 (checkpoint-000000000017.bin)"), notes);
    }

    @Test
    void aDamagedNewestCheckpointIsRefusedWithOneLineAndThePreviousOneIsUsed() throws IOException {
        CheckpointFiles files = files(RUN);
        files.begin(30);
        save(files, 4);
        save(files, 11);
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve("checkpoint-000000000011.bin").toFile(), "rw")) {
            f.seek(f.length() - 20);
            f.write('X');
        }
        TrainingCheckpoint resumed = files(RUN).begin(30).orElseThrow();
        assertEquals(at(4), resumed.position());
        assertEquals("state at 4", state(resumed));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).matches("checkpoint .*checkpoint-000000000011.bin is damaged \\(its checksum does not match\\); "
                + "using the previous one"), notes.get(0));
    }

    @Test
    void aTruncatedCheckpointIsDamagedToo() throws IOException {
        CheckpointFiles files = files(RUN);
        files.begin(30);
        save(files, 4);
        Path only = folder.resolve("checkpoint-000000000004.bin");
        byte[] bytes = Files.readAllBytes(only);
        Files.write(only, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(files(RUN).begin(30).isEmpty());
        assertTrue(notes.get(0).endsWith("; training starts over"), notes.toString());
    }

    @Test
    void checkpointsOfOtherSettingsAreRefusedNamingTheDifference() throws IOException {
        CheckpointFiles files = files(RUN);
        files.begin(30);
        save(files, 4);
        Fingerprint other = new Fingerprint(Map.of("settings", "epochs 4", "data", "abc", "version", "1"));
        ResumeMismatchException e = assertThrows(ResumeMismatchException.class, () -> files(other).begin(30));
        assertTrue(e.getMessage().endsWith("different settings: epochs 3 there, epochs 4 now"), e.getMessage());
    }

    @Test
    void aCheckpointIsDueAfterTheIntervalOrWhenASaveIsAskedFor() throws Exception {
        CheckpointFiles files = files(RUN);
        files.begin(30);
        assertFalse(files.due(at(1)));
        clock.addAndGet(Duration.ofMinutes(10).toNanos());
        assertTrue(files.due(at(2)));
        save(files, 2);
        assertFalse(files.due(at(3)));
        Thread asker = new Thread(() -> {
            try {
                assertTrue(requests.saveNowAndWait(Duration.ofSeconds(30)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        asker.start();
        while (!files.due(at(3))) {
            Thread.onSpinWait();
        }
        save(files, 3);
        asker.join();
        files.end();
        assertFalse(requests.saveNowAndWait(Duration.ofSeconds(30)), "nothing to wait for once training ended");
    }

    @Test
    void aStateLeftHalfWrittenByAKillIsNotACheckpoint() throws IOException {
        Files.write(folder.resolve(".checkpoint-000000000009.bin.tmp"), new byte[] {1, 2, 3});
        assertTrue(files(RUN).begin(30).isEmpty());
        assertEquals(List.of(), names());
        assertArrayEquals(new String[0], notes.toArray(String[]::new));
    }

    @Test
    void aStageKeepsItsCheckpointsInItsOwnFolderUnderItsOwnFingerprintAndIsDeletedWithTheUnit() throws IOException {
        CheckpointPolicy policy = new CheckpointPolicy(folder, Duration.ofMinutes(10), requests, notes::add, "test");
        CheckpointFiles training = files(RUN);
        training.begin(30);
        save(training, 30);
        training.end();
        CheckpointFiles fit = CheckpointFiles.ofStage(policy, RUN, CheckpointFiles.Stage.DIRICHLET_FIT, "9 images");
        fit.begin(8);
        fit.save(new TrainingPosition(0, 3, 3, 8), out -> out.write(3));
        fit.end();
        assertEquals(List.of("checkpoint-000000000030.bin", "dirichlet-fit"), names());

        CheckpointFiles again = CheckpointFiles.ofStage(policy, RUN, CheckpointFiles.Stage.DIRICHLET_FIT, "9 images");
        assertEquals(3, again.begin(8).orElseThrow().position().step());
        assertEquals(List.of("resumed the Dirichlet fit with 3 of 8 transformations done (checkpoint-000000000003.bin)"),
                notes);
        ResumeMismatchException e = assertThrows(ResumeMismatchException.class,
                () -> CheckpointFiles.ofStage(policy, RUN, CheckpointFiles.Stage.DIRICHLET_FIT, "10 images").begin(8));
        assertTrue(e.getMessage().contains("different stage: dirichlet-fit of 9 images there, dirichlet-fit of 10 images now"),
                e.getMessage());

        CheckpointFiles.deleteAll(folder);
        assertFalse(Files.exists(folder), "the unit's folder and its stages' folders are gone");
    }
}
