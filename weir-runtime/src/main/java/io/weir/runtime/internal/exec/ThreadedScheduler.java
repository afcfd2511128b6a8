package io.weir.runtime.internal.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Scheduler} on daemon threads: one thread (ordered) or a small pool (unordered, for I/O). */
public final class ThreadedScheduler implements Scheduler {
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduled; // == executor when single-threaded
    private boolean dropQueuedOnShutdown;

    private ThreadedScheduler(ExecutorService executor, ScheduledExecutorService scheduled) {
        this.executor = executor;
        this.scheduled = scheduled;
    }

    /** One thread: actions run one at a time in submission order. */
    public static ThreadedScheduler singleThread(String name) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name));
        return new ThreadedScheduler(s, s);
    }

    /** Up to {@code threads} threads for blocking I/O; scheduling is not supported. */
    public static ThreadedScheduler pool(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService e = Executors.newFixedThreadPool(threads, r -> daemon(r, name + "-" + n.incrementAndGet()));
        return new ThreadedScheduler(e, null);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void execute(Runnable action) {
        executor.execute(action);
    }

    @Override
    public Cancellable schedule(Runnable action, long delayMillis) {
        ScheduledFuture<?> f = scheduler().schedule(action, delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable action, long initialMillis, long periodMillis) {
        ScheduledFuture<?> f = scheduler().scheduleWithFixedDelay(action, initialMillis, periodMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    private ScheduledExecutorService scheduler() {
        if (scheduled == null) {
            throw new UnsupportedOperationException("this scheduler is an I/O pool; it runs actions, it does not schedule them");
        }
        return scheduled;
    }

    /** On shutdown, drop queued actions and interrupt a running one (for timers, whose callbacks are moot once a job ended). */
    public ThreadedScheduler droppingQueuedOnShutdown() {
        dropQueuedOnShutdown = true;
        return this;
    }

    @Override
    public void shutdown() {
        if (dropQueuedOnShutdown) {
            executor.shutdownNow();
        } else {
            executor.shutdown();
        }
    }

    @Override
    public boolean isShutdown() {
        return executor.isShutdown();
    }
}
