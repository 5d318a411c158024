package org.geotrans.adapters.dl4j;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pulls a source iterator on a background thread and keeps up to {@code depth} items ready, so
 * the network does not wait while the next transformed batch is built. Items still queued when
 * the consumer stops early are handed to {@code discard} (to free native memory at once). A
 * failure of the source is rethrown, with its cause, by {@link #next()}.
 */
final class Prefetcher<T> implements Iterator<T>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Consumer<? super T> discard;
    private final Thread worker;
    private final AtomicLong buildNanos = new AtomicLong();
    private long waitNanos;
    private Object next;
    private volatile boolean closed;

    Prefetcher(Iterator<T> source, int depth, Consumer<? super T> discard, String threadName) {
        Objects.requireNonNull(source, "source");
        if (depth < 1) {
            throw new IllegalArgumentException("prefetch depth must be at least 1, got " + depth);
        }
        this.queue = new ArrayBlockingQueue<>(depth);
        this.discard = Objects.requireNonNull(discard, "discard");
        this.worker = new Thread(() -> produce(source), threadName);
        worker.setDaemon(true);
        // ND4J and JavaCPP consult the context loader; inherit ours, not the host's default.
        worker.setContextClassLoader(Prefetcher.class.getClassLoader());
        worker.start();
    }

    private void produce(Iterator<T> source) {
        try {
            while (!closed) {
                long start = System.nanoTime();
                if (!source.hasNext()) {
                    break;
                }
                T item = source.next();
                buildNanos.addAndGet(System.nanoTime() - start);
                queue.put(item);
                if (closed) {
                    drain();
                }
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(new Failure(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Failure(Throwable cause) {
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            if (closed) {
                return false;
            }
            long start = System.nanoTime();
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next training batch", e);
            }
            waitNanos += System.nanoTime() - start;
        }
        if (next instanceof Failure failure) {
            throw new IllegalStateException("building a training batch failed: " + failure.cause(), failure.cause());
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = (T) next;
        next = null;
        return item;
    }

    /** Nanoseconds the background thread spent building items so far. */
    long buildNanos() {
        return buildNanos.get();
    }

    /** Nanoseconds the consumer spent waiting for an item (the pipeline's stall time). */
    long waitNanos() {
        return waitNanos;
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
        if (next != null && next != END && !(next instanceof Failure)) {
            discardUnchecked(next);
        }
        next = null;
    }

    private void drain() {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item != END && !(item instanceof Failure)) {
                discardUnchecked(item);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void discardUnchecked(Object item) {
        discard.accept((T) item);
    }
}
