package org.geotrans.application.checkpoint;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import org.geotrans.domain.port.TrainingCheckpoint;
import org.geotrans.domain.port.TrainingCheckpoints;
import org.geotrans.domain.training.TrainingPosition;

/**
 * Checkpoints as files in one folder, {@code checkpoint-STEP.bin}: a header (format, the
 * {@link Fingerprint}, the position), the backend's state, then the state's length and a CRC-32
 * of everything before it. Each is written to a temporary file, forced to disk and renamed into
 * place, so a kill leaves either the new checkpoint or none; the newest two are kept. A damaged
 * checkpoint is passed over with a one-line note and the previous one is used.
 */
public final class CheckpointFiles implements TrainingCheckpoints {
    static final String PREFIX = "checkpoint-";
    static final String SUFFIX = ".bin";
    static final int KEEP = 2;
    private static final byte[] MAGIC = "GEOTRANS-CHECKPOINT\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int TRAILER = 2 * Long.BYTES;

    private final CheckpointPolicy policy;
    private final Fingerprint fingerprint;
    private final LongSupplier nanoClock;
    private final Stage stage;
    private long lastSave;
    private TrainingPosition lastSaved;

    /**
     * What the checkpoints save, for the notes: the training, or an inference stage after it whose
     * "steps" are finished transformations or images.
     *
     * @param folder the stage's sub-folder of the unit's checkpoint folder; empty for the training's own
     * @param resumed how a resume is reported, a format of the steps done and the total
     * @param fresh what happens when no intact checkpoint is left
     */
    public record Stage(String folder, String resumed, String fresh) {
        public static final Stage TRAINING = new Stage("", "resumed at step %,d of %,d", "training starts over");
        public static final Stage DIRICHLET_FIT = new Stage("dirichlet-fit",
                "resumed the Dirichlet fit with %,d of %,d transformations done", "the Dirichlet fit starts over");
        public static final Stage SCORING = new Stage("scoring", "resumed scoring with %,d of %,d images done",
                "scoring starts over");
    }

    /**
     * The checkpoints of an inference stage after the training whose folder {@code policy} names:
     * in its own sub-folder, with the stage's name and {@code what} it works on added to the
     * fingerprint.
     */
    public static CheckpointFiles ofStage(CheckpointPolicy policy, Fingerprint fingerprint, Stage stage, String what) {
        return new CheckpointFiles(policy.in(policy.folder().resolve(stage.folder())),
                fingerprint.with("stage", stage.folder() + " of " + what), stage);
    }

    public CheckpointFiles(CheckpointPolicy policy, Fingerprint fingerprint) {
        this(policy, fingerprint, Stage.TRAINING);
    }

    public CheckpointFiles(CheckpointPolicy policy, Fingerprint fingerprint, Stage stage) {
        this(policy, fingerprint, stage, System::nanoTime);
    }

    CheckpointFiles(CheckpointPolicy policy, Fingerprint fingerprint, LongSupplier nanoClock) {
        this(policy, fingerprint, Stage.TRAINING, nanoClock);
    }

    private CheckpointFiles(CheckpointPolicy policy, Fingerprint fingerprint, Stage stage, LongSupplier nanoClock) {
        this.policy = policy;
        this.fingerprint = fingerprint;
        this.stage = stage;
        this.nanoClock = nanoClock;
    }

    @Override
    public Optional<TrainingCheckpoint> begin(long totalSteps) throws IOException {
        Files.createDirectories(policy.folder());
        deleteTemporaryFiles();
        lastSave = nanoClock.getAsLong();
        lastSaved = null;
        Optional<TrainingCheckpoint> found = Optional.empty();
        List<Path> files = checkpoints();
        for (int i = files.size() - 1; i >= 0 && found.isEmpty(); i--) {
            Path file = files.get(i);
            try {
                Stored stored = Stored.read(file);
                Optional<Fingerprint.Mismatch> mismatch = fingerprint.mismatch(stored.fingerprint);
                if (mismatch.isPresent()) {
                    throw new ResumeMismatchException("cannot resume from " + file, mismatch.get());
                }
                if (stored.position.totalSteps() != totalSteps) {
                    throw new ResumeMismatchException("cannot resume from " + file + ": it is for a training of "
                            + stored.position.totalSteps() + " steps, this one has " + totalSteps);
                }
                found = Optional.of(stored);
            } catch (DamagedCheckpointException e) {
                policy.notes().accept("checkpoint " + file + " is damaged (" + e.getMessage() + "); "
                        + (i > 0 ? "using the previous one" : stage.fresh()));
            }
        }
        lastSaved = found.map(TrainingCheckpoint::position).orElse(null);
        found.ifPresent(c -> policy.notes().accept(String.format(Locale.ROOT, stage.resumed() + " (%s)",
                c.position().step(), totalSteps, policy.folder().relativize(((Stored) c).file))));
        policy.requests().started();
        return found;
    }

    @Override
    public boolean due(TrainingPosition position) {
        return policy.requests().pending() || nanoClock.getAsLong() - lastSave >= policy.interval().toNanos();
    }

    @Override
    public void save(TrainingPosition position, StateWriter state) throws IOException {
        if (position.equals(lastSaved)) {
            return;
        }
        Path target = policy.folder().resolve(String.format(Locale.ROOT, "%s%012d%s", PREFIX, position.step(), SUFFIX));
        Path temporary = policy.folder().resolve("." + target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            CRC32 crc = new CRC32();
            CountingOutputStream counted = new CountingOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), crc);
            DataOutputStream data = new DataOutputStream(counted);
            data.write(MAGIC);
            data.writeInt(FORMAT);
            data.writeInt(fingerprint.parts().size());
            for (Map.Entry<String, String> e : fingerprint.parts().entrySet()) {
                data.writeUTF(e.getKey());
                data.writeUTF(e.getValue());
            }
            data.writeInt(position.epoch());
            data.writeLong(position.batch());
            data.writeLong(position.step());
            data.writeLong(position.totalSteps());
            data.flush();
            long stateStart = counted.count;
            state.write(new FilterOutputStream(data) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the backend's own streams may close theirs; the file stays open for the trailer
                }
            });
            data.flush();
            data.writeLong(counted.count - stateStart);
            data.flush();
            data.writeLong(crc.getValue());
            data.flush();
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder();
        List<Path> files = checkpoints();
        for (int i = 0; i < files.size() - KEEP; i++) {
            Files.deleteIfExists(files.get(i));
        }
        lastSaved = position;
        lastSave = nanoClock.getAsLong();
        policy.requests().saved();
    }

    @Override
    public void end() {
        policy.requests().ended();
    }

    /**
     * Deletes the folder's checkpoints and those of its inference stages (its sub-folders): the
     * unit they belong to is finished and recorded.
     */
    public static void deleteAll(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    deleteAll(p);
                } else if (name.startsWith(PREFIX) || name.startsWith("." + PREFIX)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        }
    }

    /** The folder's checkpoints, oldest first. */
    private List<Path> checkpoints() throws IOException {
        try (Stream<Path> entries = Files.list(policy.folder())) {
            return entries.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    private void deleteTemporaryFiles() throws IOException {
        try (Stream<Path> entries = Files.list(policy.folder())) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith("." + PREFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The rename itself survives a crash of the machine only once the folder is on disk too. */
    private void forceFolder() {
        try (FileChannel folder = FileChannel.open(policy.folder(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // some file systems cannot open folders for syncing; the rename is still atomic
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        private final CRC32 crc;
        private long count;

        CountingOutputStream(OutputStream out, CRC32 crc) {
            super(out);
            this.crc = crc;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            count += len;
        }
    }

    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    private static final class DamagedCheckpointException extends IOException {
        DamagedCheckpointException(String message) {
            super(message);
        }
    }

    /** A checkpoint file whose integrity has been checked. */
    private record Stored(Path file, Fingerprint fingerprint, TrainingPosition position, long stateStart,
                          long stateLength) implements TrainingCheckpoint {

        static Stored read(Path file) throws IOException {
            long size = Files.size(file);
            if (size < MAGIC.length + TRAILER) {
                throw new DamagedCheckpointException("only " + size + " bytes");
            }
            CRC32 crc = new CRC32();
            try (InputStream in = Files.newInputStream(file)) {
                CheckedInputStream checked = new CheckedInputStream(in, crc);
                byte[] chunk = new byte[1 << 16];
                long left = size - Long.BYTES;
                while (left > 0) {
                    int n = checked.read(chunk, 0, (int) Math.min(chunk.length, left));
                    if (n < 0) {
                        throw new DamagedCheckpointException("it ends early");
                    }
                    left -= n;
                }
                long stored = new DataInputStream(in).readLong();
                if (stored != crc.getValue()) {
                    throw new DamagedCheckpointException("its checksum does not match");
                }
            }
            try (CountingInputStream counted = new CountingInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)));
                 DataInputStream data = new DataInputStream(counted)) {
                if (!Arrays.equals(data.readNBytes(MAGIC.length), MAGIC)) {
                    throw new DamagedCheckpointException("not a GeoTrans checkpoint");
                }
                int format = data.readInt();
                if (format != FORMAT) {
                    throw new DamagedCheckpointException("format " + format + ", this build reads " + FORMAT);
                }
                int parts = data.readInt();
                if (parts < 0 || parts > 64) {
                    throw new DamagedCheckpointException(parts + " fingerprint parts");
                }
                Map<String, String> fingerprint = new LinkedHashMap<>();
                for (int i = 0; i < parts; i++) {
                    fingerprint.put(data.readUTF(), data.readUTF());
                }
                TrainingPosition position = new TrainingPosition(data.readInt(), data.readLong(), data.readLong(),
                        data.readLong());
                long header = counted.count;
                long stateLength = size - header - TRAILER;
                data.skipNBytes(stateLength);
                if (stateLength < 0 || data.readLong() != stateLength) {
                    throw new DamagedCheckpointException("its length does not match");
                }
                return new Stored(file, new Fingerprint(fingerprint), position, header, stateLength);
            } catch (EOFException e) {
                throw new DamagedCheckpointException("it ends early");
            } catch (IllegalArgumentException e) {
                throw new DamagedCheckpointException(e.getMessage());
            }
        }

        @Override
        public InputStream openState() throws IOException {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(stateStart);
            return new java.io.FilterInputStream(in) {
                private long left = stateLength;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    left -= b >= 0 ? 1 : 0;
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    left -= Math.max(n, 0);
                    return n;
                }

                @Override
                public long skip(long n) throws IOException {
                    long skipped = super.skip(Math.min(n, left));
                    left -= skipped;
                    return skipped;
                }

                @Override
                public int available() throws IOException {
                    return (int) Math.min(super.available(), left);
                }
            };
        }
    }
}
