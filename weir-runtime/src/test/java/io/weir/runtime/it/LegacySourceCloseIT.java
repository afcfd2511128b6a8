package io.weir.runtime.it;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.RichMapFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.functions.source.RichParallelSourceFunction;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.restart.RestartStrategies;
import io.weir.runtime.internal.operators.OperatorContext;
import io.weir.runtime.internal.operators.Output;
import io.weir.runtime.internal.operators.SourceOperators.LegacySourceOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A classic source's {@code close()} runs exactly once for every {@code open()}: when the job is
 * cancelled, on failover, when {@code run()} or {@code cancel()} throws, and when the source thread
 * ignores interrupts; and closing does not lose the interrupt status of the thread that closes.
 */
class LegacySourceCloseIT {
    private static final int JOBS = 20;
    private static final int PARALLELISM = 2;
    private static final long WAIT_SECONDS = 30;

    /** Emits until cancelled; counts its lifecycle calls and how they were ordered. */
    static final class CountingSource extends RichParallelSourceFunction<Long> {
        static final AtomicInteger OPENS = new AtomicInteger();
        static final AtomicInteger CLOSES = new AtomicInteger();
        /** close() without open(), or a second close() of the same instance. */
        static final AtomicInteger MISPLACED_CLOSES = new AtomicInteger();
        /** Counted down once by each instance of an attempt at least {@link #emittingFromAttempt} once it has emitted. */
        static volatile CountDownLatch emitting = new CountDownLatch(0);
        static volatile int emittingFromAttempt;
        /** run() throws after its first record in this attempt (-1: never). */
        static volatile int failInAttempt = -1;

        private boolean opened;
        private boolean closed;
        private volatile boolean running = true;

        @Override
        public void open(OpenContext openContext) {
            opened = true;
            OPENS.incrementAndGet();
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            int attempt = getRuntimeContext().getAttemptNumber();
            boolean signalled = false;
            long i = 0;
            while (running) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(i++);
                }
                if (!signalled) {
                    signalled = true;
                    if (attempt == failInAttempt) {
                        throw new IllegalStateException("injected source failure in attempt " + attempt);
                    }
                    if (attempt >= emittingFromAttempt) {
                        emitting.countDown();
                    }
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public void close() {
            if (!opened || closed) {
                MISPLACED_CLOSES.incrementAndGet();
            }
            closed = true;
            CLOSES.incrementAndGet();
        }
    }

    /** Throws once (over all attempts and subtasks), at its 1000th record. */
    static final class FailOnceMap extends RichMapFunction<Long, Long> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private long seen;

        @Override
        public Long map(Long value) {
            if (++seen == 1000 && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected map failure");
            }
            return value;
        }
    }

    @BeforeEach
    void reset() {
        CountingSource.OPENS.set(0);
        CountingSource.CLOSES.set(0);
        CountingSource.MISPLACED_CLOSES.set(0);
        CountingSource.emittingFromAttempt = 0;
        CountingSource.failInAttempt = -1;
        FailOnceMap.FAILED.set(false);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // never leave an interrupt behind for the next test
    }

    /** Waits until every subtask's source (of a late enough attempt) has emitted, cancels, and waits for the job's end. */
    private static void cancelOnceEmitting(JobClient client, CountDownLatch emitting) throws Exception {
        assertThat(emitting.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("every source subtask emitted").isTrue();
        client.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThatThrownBy(() -> client.getJobExecutionResult().get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(CancellationException.class);
    }

    private static void assertEveryOpenedSourceClosedOnce(int minOpens) {
        assertThat(CountingSource.OPENS.get()).as("opens").isGreaterThanOrEqualTo(minOpens);
        assertThat(CountingSource.CLOSES.get()).as("closes (opens: %d)", CountingSource.OPENS.get()).isEqualTo(CountingSource.OPENS.get());
        assertThat(CountingSource.MISPLACED_CLOSES.get()).as("close without open, or twice").isZero();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void whenJobsAreCancelled_thenEverySourceTheyOpenedIsClosed() throws Exception {
        for (int job = 0; job < JOBS; job++) {
            CountDownLatch emitting = new CountDownLatch(PARALLELISM);
            CountingSource.emitting = emitting;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
            env.addSource(new CountingSource()).rebalance().addSink(new DiscardingSink<>());
            JobClient client = env.executeAsync("legacy-close-cancel-" + job);
            cancelOnceEmitting(client, emitting);
            assertThat(CountingSource.CLOSES.get()).as("closes after job %d", job).isEqualTo(CountingSource.OPENS.get());
        }
        assertEveryOpenedSourceClosedOnce(JOBS * PARALLELISM);
        assertThat(CountingSource.OPENS.get()).isEqualTo(JOBS * PARALLELISM);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void whenTheSourceFailsAndTheJobRestarts_thenEveryOpenedInstanceIsClosed() throws Exception {
        CountingSource.failInAttempt = 0;
        CountingSource.emittingFromAttempt = 1;
        for (int job = 0; job < JOBS / 4; job++) {
            CountDownLatch emitting = new CountDownLatch(PARALLELISM);
            CountingSource.emitting = emitting;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
            env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2 * PARALLELISM, 0));
            env.addSource(new CountingSource()).rebalance().addSink(new DiscardingSink<>());
            JobClient client = env.executeAsync("legacy-close-source-failover-" + job);
            cancelOnceEmitting(client, emitting);
            assertThat(client.getRestartCount()).as("restarts of job %d", job).isPositive();
        }
        // every job opened the failing source of the first attempt and every subtask of the restarted attempt
        // (the first attempt's other subtasks may be cancelled before they were initialized: then they are
        // neither opened nor closed)
        assertEveryOpenedSourceClosedOnce(JOBS / 4 * (PARALLELISM + 1));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void whenADownstreamMapFailsAndTheJobRestarts_thenEveryOpenedSourceIsClosed() throws Exception {
        CountingSource.emittingFromAttempt = 1;
        for (int job = 0; job < JOBS / 4; job++) {
            FailOnceMap.FAILED.set(false);
            CountDownLatch emitting = new CountDownLatch(PARALLELISM);
            CountingSource.emitting = emitting;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM);
            env.setRestartStrategy(RestartStrategies.fixedDelayRestart(2, 0));
            env.addSource(new CountingSource()).rebalance().map(new FailOnceMap()).addSink(new DiscardingSink<>());
            JobClient client = env.executeAsync("legacy-close-map-failover-" + job);
            cancelOnceEmitting(client, emitting);
            assertThat(client.getRestartCount()).as("restarts of job %d", job).isEqualTo(1);
        }
        // a source of the first attempt emitted the record the map failed on, and every subtask of the
        // restarted attempt emitted; the first attempt's other subtasks may have been cancelled before
        // they were initialized (then neither opened nor closed)
        assertEveryOpenedSourceClosedOnce(JOBS / 4 * (PARALLELISM + 1));
    }

    // ------------------------------------------------------------------ the operator on its own

    /** Lifecycle of one source under test, recorded by the source itself. */
    static final class Probe {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch sawInterrupt = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        volatile boolean runReturned;
        volatile boolean runReturnedAtClose;
        final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    }

    /** A source whose run() ignores interrupts and only returns when the test releases it. */
    static final class StubbornSource extends io.weir.api.functions.AbstractRichFunction implements SourceFunction<Long> {
        final Probe probe;
        final boolean cancelThrows;
        final boolean closeThrows;
        final boolean runThrows;

        StubbornSource(Probe probe, boolean cancelThrows, boolean closeThrows, boolean runThrows) {
            this.probe = probe;
            this.cancelThrows = cancelThrows;
            this.closeThrows = closeThrows;
            this.runThrows = runThrows;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            ctx.collect(1L);
            probe.started.countDown();
            try {
                if (runThrows) {
                    throw new IllegalStateException("run failed");
                }
                while (true) {
                    try {
                        probe.release.await();
                        return;
                    } catch (InterruptedException e) {
                        probe.sawInterrupt.countDown(); // and carry on regardless
                    }
                }
            } finally {
                probe.runReturned = true;
            }
        }

        @Override
        public void cancel() {
            probe.cancels.incrementAndGet();
            if (cancelThrows) {
                throw new IllegalStateException("cancel failed");
            }
        }

        @Override
        public void close() {
            probe.runReturnedAtClose = probe.runReturned;
            probe.closes.incrementAndGet();
            if (closeThrows) {
                throw new IllegalStateException("close failed");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static LegacySourceOperator startedOperator(StubbornSource source) throws Exception {
        LegacySourceOperator op = new LegacySourceOperator((SourceFunction) source);
        op.setup(new OperatorContext("legacy-close", "op", "stubborn source", "stubborn source", 0, 1, 128, 0, null, null, -1, null, false, null, false, null, null),
                new Output() {
                    @Override
                    public void collect(Object record, long timestamp) {}

                    @Override
                    public void emitWatermark(long watermark) {}
                });
        op.initializeState();
        op.open();
        op.start(source.probe.ended::complete);
        assertThat(source.probe.started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        return op;
    }

    /**
     * Interrupts the closing thread again once it waits for the source thread, then lets the source
     * return; stops on its own if close returned without waiting.
     */
    private static Thread releaser(Probe probe, Thread closing, AtomicBoolean closeReturned) {
        Thread t = new Thread(() -> {
            try {
                if (probe.sawInterrupt.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    while (!closeReturned.get() && closing.getState() != Thread.State.TIMED_WAITING) {
                        Thread.onSpinWait();
                    }
                    if (!closeReturned.get()) {
                        closing.interrupt(); // a second interrupt during the wait must not cut it short either
                        // release only once that interrupt was consumed and the closing thread waits again, so
                        // that its interrupt status afterwards shows whether close restored it
                        while (!closeReturned.get() && (closing.isInterrupted() || closing.getState() != Thread.State.TIMED_WAITING)) {
                            Thread.onSpinWait();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                probe.release.countDown();
            }
        }, "legacy-close releaser");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void whenTheClosingThreadIsInterrupted_thenCloseStillWaitsForTheSourceThreadClosesOnceAndKeepsTheInterrupt() throws Exception {
        Probe probe = new Probe();
        LegacySourceOperator op = startedOperator(new StubbornSource(probe, false, false, false));
        AtomicBoolean closeReturned = new AtomicBoolean();
        Thread releaser = releaser(probe, Thread.currentThread(), closeReturned);
        Thread.currentThread().interrupt(); // as StreamTask.cancel does to the task thread
        try {
            op.close();
        } finally {
            closeReturned.set(true);
        }
        boolean interruptedAfterClose = Thread.interrupted();
        releaser.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(probe.closes.get()).as("user close() calls").isEqualTo(1);
        assertThat(probe.runReturnedAtClose).as("run() had returned before close()").isTrue();
        assertThat(op.sourceThread().isAlive()).isFalse();
        assertThat(probe.cancels.get()).isEqualTo(1);
        assertThat(interruptedAfterClose).as("the closing thread's interrupt status is restored").isTrue();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void whenTheClosingThreadIsNotInterrupted_thenCloseLeavesItSo() throws Exception {
        Probe probe = new Probe();
        LegacySourceOperator op = startedOperator(new StubbornSource(probe, false, false, false));
        AtomicBoolean closeReturned = new AtomicBoolean();
        Thread releaser = new Thread(() -> {
            try {
                probe.sawInterrupt.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                probe.release.countDown();
            }
        });
        releaser.setDaemon(true);
        releaser.start();
        op.close();
        closeReturned.set(true);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(probe.closes.get()).isEqualTo(1);
        assertThat(probe.runReturnedAtClose).isTrue();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void whenCancelThrows_thenTheSourceIsStillInterruptedAwaitedAndClosedAndTheFailureIsReported() throws Exception {
        Probe probe = new Probe();
        LegacySourceOperator op = startedOperator(new StubbornSource(probe, true, true, false));
        AtomicBoolean closeReturned = new AtomicBoolean();
        Thread releaser = releaser(probe, Thread.currentThread(), closeReturned);
        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            op.close();
            thrown = null;
        } catch (Throwable t) {
            thrown = t;
        } finally {
            closeReturned.set(true);
        }
        boolean interruptedAfterClose = Thread.interrupted();
        releaser.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(probe.closes.get()).isEqualTo(1);
        assertThat(probe.runReturnedAtClose).isTrue();
        assertThat(interruptedAfterClose).isTrue();
        assertThat(thrown).as("the cancel() failure is not swallowed").isNotNull().hasMessage("cancel failed");
        assertThat(thrown.getSuppressed()).as("nor is the close() failure")
                .anySatisfy(s -> assertThat(s).hasMessage("close failed"));
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void whenRunThrows_thenCloseRunsOnceWithoutCancellingTheEndedSource() throws Exception {
        Probe probe = new Probe();
        LegacySourceOperator op = startedOperator(new StubbornSource(probe, false, false, true));
        assertThat(probe.ended.get(WAIT_SECONDS, TimeUnit.SECONDS)).hasRootCauseMessage("run failed");
        Thread.currentThread().interrupt();
        op.close();
        op.close();
        assertThat(Thread.interrupted()).isTrue();
        assertThat(probe.closes.get()).isEqualTo(1);
        assertThat(probe.cancels.get()).as("cancel() after run() returned").isZero();
    }
}
