package com.certcare.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every turn of an admission (the platform's HeavyReads lanes) taken by reads that wait until {@link #close()}: a
 * test then sees what a caller who finds none gets. {@code run} is how one read takes a turn, e.g.
 * {@code read -> heavyReads.run(read)}.
 */
public final class HeldTurns implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool;
    private final List<Future<?>> holders = new ArrayList<>();

    private HeldTurns(int turns) {
        this.pool = Executors.newFixedThreadPool(turns);
    }

    /** Takes {@code turns} turns through {@code run}; returns once all are held (fails after 10 s). */
    public static HeldTurns hold(int turns, Consumer<Supplier<Boolean>> run) {
        HeldTurns held = new HeldTurns(turns);
        CountDownLatch holding = new CountDownLatch(turns);
        for (int i = 0; i < turns; i++) {
            held.holders.add(held.pool.submit(() -> run.accept(() -> {
                holding.countDown();
                try {
                    return held.release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            })));
        }
        boolean taken;
        try {
            taken = holding.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) { // let the turns that were taken go, and say first what went wrong
            IllegalStateException notTaken = new IllegalStateException("the turns were not all taken within 10 s");
            try {
                held.close();
            } catch (RuntimeException e) {
                notTaken.addSuppressed(e);
            }
            throw notTaken;
        }
        return held;
    }

    /** Lets the held reads end and waits for them (at most 10 s each). */
    @Override
    public void close() {
        release.countDown();
        try {
            for (Future<?> holder : holders) {
                holder.get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a held turn did not end", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
