package org.geotrans.application.checkpoint;

import java.time.Duration;

/**
 * Saves asked for from outside the training, by a signal handler: the running training saves at
 * its next step boundary and the asker waits for it, for a bounded time. Nothing waits when no
 * training runs.
 */
public final class SaveRequests {
    private boolean training;
    private boolean pending;
    private long saves;

    /**
     * Asks the running training for a checkpoint and waits until it is written, at most
     * {@code timeout}.
     *
     * @return whether a checkpoint was written (false when none runs or the time ran out)
     */
    public synchronized boolean saveNowAndWait(Duration timeout) throws InterruptedException {
        if (!training) {
            return false;
        }
        long before = saves;
        pending = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (saves == before && training) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return saves != before;
    }

    synchronized boolean pending() {
        return pending;
    }

    synchronized void started() {
        training = true;
    }

    synchronized void saved() {
        pending = false;
        saves++;
        notifyAll();
    }

    synchronized void ended() {
        training = false;
        pending = false;
        notifyAll();
    }
}
