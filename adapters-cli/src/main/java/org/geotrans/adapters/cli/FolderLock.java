package org.geotrans.adapters.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps other runs out of a results folder while this one writes there: an operating-system lock
 * on a marker file. The kernel drops the lock when the process ends in any way, a {@code kill -9}
 * included, so a run that died never blocks the {@code --resume} that continues it. The marker
 * file itself stays (deleting it would let a second run lock a new file while a third still holds
 * the old one); {@link OutputOptions} ignores it when it asks whether a folder is empty.
 */
final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code marker}, creating it when missing, or throws a usage error (exit 2).
     *
     * @param taken what to tell the user when another run holds the lock
     */
    static FolderLock acquire(Path marker, String taken) throws IOException {
        FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new UsageException(taken);
        }
        return new FolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
