package org.geotrans.domain.detector;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.training.TrainingPosition;

/**
 * The inference stages after training (the predictions for the Dirichlet fit, the scoring of test
 * images) take as long as a third of a paper-budget unit, so they save their finished part through
 * the same {@link TrainingCheckpoints} port as training: a "step" is one finished transformation
 * of the fit or one finished image of the scoring, and the state is the outputs computed so far.
 * Since the network is fixed, the outputs read back equal the ones a run without the kill computes.
 */
final class InferenceCheckpoints {
    private static final int CHUNK = 1 << 14;
    private final TrainingCheckpoints checkpoints;
    private final long total;
    private final long done;

    private InferenceCheckpoints(TrainingCheckpoints checkpoints, long total, long done) {
        this.checkpoints = checkpoints;
        this.total = total;
        this.done = done;
    }

    /** Starts a stage of {@code total} steps; what it restored from a checkpoint is read by {@code restore}. */
    static InferenceCheckpoints begin(TrainingCheckpoints checkpoints, long total, StateReader restore) {
        try {
            Optional<TrainingCheckpoint> found = checkpoints.begin(total);
            long done = 0;
            if (found.isPresent()) {
                done = found.get().position().step();
                try (InputStream in = found.get().openState()) {
                    restore.read(new DataInputStream(in), done);
                }
            }
            return new InferenceCheckpoints(checkpoints, total, done);
        } catch (IOException e) {
            checkpoints.end();
            throw new UncheckedIOException("could not read the checkpoint: " + e.getMessage(), e);
        }
    }

    /** The steps a checkpoint held at the start, restored already; the stage continues after them. */
    long done() {
        return done;
    }

    /**
     * Saves the outputs of the first {@code finished} steps when the policy says so (time, or a
     * signal), and always when the stage is complete: until the run's results are written nothing
     * else holds them, and a kill in the next stage would otherwise redo up to a checkpoint
     * interval of this one (the fit at the paper's budget lost 22 of 72 transformations that way).
     */
    void maybeSave(long finished, TrainingCheckpoints.StateWriter state) {
        TrainingPosition position = new TrainingPosition(0, finished, finished, total);
        if (finished == total && finished > done || checkpoints.due(position)) {
            try {
                checkpoints.save(position, state);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the checkpoint: " + e.getMessage(), e);
            }
        }
    }

    /** The stage finished or failed. */
    void end() {
        checkpoints.end();
    }

    @FunctionalInterface
    interface StateReader {
        void read(DataInputStream in, long done) throws IOException;
    }

    /** Values go through a buffer: a paper-budget fit saves tens of megabytes, too many for one call per value. */
    static void writeFloats(OutputStream out, float[] values, int from, int to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Float.BYTES);
        for (int i = from; i < to; i += CHUNK) {
            int n = Math.min(CHUNK, to - i);
            buffer.clear();
            buffer.asFloatBuffer().put(values, i, n);
            out.write(buffer.array(), 0, n * Float.BYTES);
        }
    }

    static void readFloats(DataInputStream in, float[] values, int from, int to) throws IOException {
        byte[] bytes = new byte[CHUNK * Float.BYTES];
        for (int i = from; i < to; i += CHUNK) {
            int n = Math.min(CHUNK, to - i);
            in.readFully(bytes, 0, n * Float.BYTES);
            ByteBuffer.wrap(bytes, 0, n * Float.BYTES).asFloatBuffer().get(values, i, n);
        }
    }

    static void writeDoubles(OutputStream out, double[] values, int to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(to * Double.BYTES);
        buffer.asDoubleBuffer().put(values, 0, to);
        out.write(buffer.array());
    }

    static void readDoubles(DataInputStream in, double[] values, int to) throws IOException {
        byte[] bytes = in.readNBytes(to * Double.BYTES);
        if (bytes.length != to * Double.BYTES) {
            throw new IOException("the checkpoint ends early");
        }
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values, 0, to);
    }
}
