package io.weir.runtime.internal.operators;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.state.ListState;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** The operators at the head of source tasks. */
public final class SourceOperators {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SourceOperators.class);

    private SourceOperators() {}

    private static final String SPLITS_STATE = "__weir_source_splits";

    /**
     * Reads a split-based {@link Source}. The task calls {@link #emitNext()} between mails, so the
     * reader's position in a snapshot always matches the records emitted before the barrier.
     */
    public static final class SourceReaderOperator extends StreamOperator {
        private final Source<Object, Object> source;
        private SourceReader<Object, Object> reader;
        private ListState<Object> splitsState;
        private final ReaderOutput<Object> readerOutput = new ReaderOutput<>() {
            @Override
            public void collect(Object record) {
                collect(record, noTimestamp());
            }

            @Override
            public void collect(Object record, long timestamp) {
                if (record == null) {
                    throw new NullPointerException("Source emitted null; streams cannot carry null elements.");
                }
                status.active(output);
                output.collect(record, timestamp);
            }

            @Override
            public void emitWatermark(io.weir.api.eventtime.Watermark watermark) {
                status.watermark(output, watermark.getTimestamp());
            }

            @Override
            public void markIdle() {
                status.idle(output);
            }
        };
        private final SourceEventTime status = new SourceEventTime();

        @SuppressWarnings("unchecked")
        public SourceReaderOperator(Source<?, ?> source) {
            this.source = (Source<Object, Object>) source;
        }

        @Override
        protected void initializeUserState() throws Exception {
            splitsState = operatorState.getListState(SPLITS_STATE, source.getSplitSerializer(), false);
            List<Object> splits = new ArrayList<>();
            if (context.restored() != null) {
                splitsState.get().forEach(splits::add);
            } else {
                List<Object> all = source.createSplits(context.parallelism());
                for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
                    splits.add(all.get(i));
                }
            }
            reader = source.createReader(new SourceReaderContext() {
                @Override
                public int getIndexOfSubtask() {
                    return context.subtaskIndex();
                }

                @Override
                public int getParallelism() {
                    return context.parallelism();
                }
            });
            reader.addSplits(splits);
        }

        /** Emits the next batch of records. */
        public InputStatus emitNext() {
            try {
                return reader.pollNext(readerOutput);
            } catch (OperatorException | io.weir.runtime.internal.io.RecordWriter.TaskCancelledException e) {
                throw e;
            } catch (Exception e) {
                throw new OperatorException(name(), context.subtaskIndex(), e);
            }
        }

        @Override
        protected void process(Object record, long timestamp) {
            throw new IllegalStateException("A source has no input");
        }

        @Override
        protected void snapshotUserState(long checkpointId, long timestamp) throws Exception {
            splitsState.update(reader.snapshotState(checkpointId));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            reader.notifyCheckpointComplete(checkpointId);
        }

        @Override
        protected void doClose() throws Exception {
            if (reader != null) {
                reader.close();
            }
        }
    }

    /**
     * Runs a classic {@link SourceFunction} on its own thread. Emission and the task's control
     * actions (checkpoints, flushes) exclude each other through the checkpoint lock, as in Flink.
     */
    public static final class LegacySourceOperator extends UdfOperator<SourceFunction<Object>> {
        private final SourceEventTime status = new SourceEventTime();
        /** How long closing waits for the source thread to end after cancel() and an interrupt. */
        private static final long SOURCE_STOP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

        private final Object lock = new Object();
        private volatile Thread thread;
        /** Set on the source thread once the user's run() has returned or thrown. */
        private volatile boolean runReturned;
        /** The first failure of the user's cancel() (later ones suppressed in it), reported by close. */
        private final AtomicReference<Throwable> cancelFailure = new AtomicReference<>();

        public LegacySourceOperator(SourceFunction<Object> f) {
            super(f);
        }

        public Object checkpointLock() {
            return lock;
        }

        @Override
        protected void process(Object record, long timestamp) {
            throw new IllegalStateException("A source has no input");
        }

        /**
         * Starts {@code run} on a new thread.
         *
         * @param onEnd called on that thread, with null when run returned normally, or the failure
         */
        public void start(java.util.function.Consumer<Throwable> onEnd) {
            SourceFunction.SourceContext<Object> ctx = new SourceFunction.SourceContext<>() {
                @Override
                public void collect(Object element) {
                    collectWithTimestamp(element, noTimestamp());
                }

                @Override
                public void collectWithTimestamp(Object element, long timestamp) {
                    if (element == null) {
                        throw new NullPointerException("Source emitted null; streams cannot carry null elements.");
                    }
                    synchronized (lock) {
                        status.active(output);
                        output.collect(element, timestamp);
                    }
                }

                @Override
                public Object getCheckpointLock() {
                    return lock;
                }

                @Override
                public void emitWatermark(io.weir.api.eventtime.Watermark mark) {
                    synchronized (lock) {
                        status.watermark(output, mark.getTimestamp());
                    }
                }

                @Override
                public void markAsTemporarilyIdle() {
                    synchronized (lock) {
                        status.idle(output);
                    }
                }
            };
            Thread t = new Thread(() -> {
                Throwable failure = null;
                try {
                    userFunction.run(ctx);
                } catch (Throwable e) {
                    failure = e instanceof OperatorException || e instanceof io.weir.runtime.internal.io.RecordWriter.TaskCancelledException
                            ? e : new OperatorException(name(), context.subtaskIndex(), e);
                }
                runReturned = true;
                onEnd.accept(failure);
            }, "weir-source " + context.taskNameWithSubtasks());
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        /**
         * Asks the source to stop (the user's {@code cancel()}) and interrupts its thread; does
         * nothing once {@code run} has returned. Any thread. Never throws: a failure of the user's
         * {@code cancel()} does not keep the interrupt from being sent, and {@link #close} reports it.
         */
        public void cancelSource() {
            if (runReturned) {
                return;
            }
            try {
                userFunction.cancel();
            } catch (Throwable e) {
                if (!cancelFailure.compareAndSet(null, e)) {
                    Throwable first = cancelFailure.get();
                    if (first != e) {
                        first.addSuppressed(e);
                    }
                }
            } finally {
                Thread t = thread;
                if (t != null) {
                    t.interrupt();
                }
            }
        }

        public Thread sourceThread() {
            return thread;
        }

        /**
         * Stops the source thread (if {@code run} has not returned yet) and waits for it, so that no
         * thread of this attempt outlives the task; then the user function's {@code close}, whatever
         * happened before (a failed {@code cancel()}, an interrupt of the closing thread, a source
         * thread that did not stop in time). {@code close} sees the closing thread's interrupt status
         * as it was. A failure of the user's {@code cancel()} (here or on an earlier cancellation) is
         * thrown after that, with a failure of {@code close} suppressed in it.
         */
        @Override
        protected void doClose() throws Exception {
            Thread t = thread;
            if (t != null && t != Thread.currentThread() && t.isAlive()) {
                cancelSource();
                awaitSourceThread(t);
            }
            Throwable failure = cancelFailure.get();
            try {
                super.doClose();
            } catch (Throwable e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure != null) {
                throw LegacySourceSupport.rethrow(failure);
            }
        }

        /**
         * Waits up to 10 s for the source thread to end. An interrupt of the calling thread (the task
         * thread is interrupted when the task is cancelled) neither cuts the wait short nor is lost:
         * the interrupt status is cleared for the wait and set again afterwards.
         */
        private void awaitSourceThread(Thread t) {
            boolean interrupted = Thread.interrupted();
            try {
                long deadline = System.nanoTime() + SOURCE_STOP_TIMEOUT_NANOS;
                long left;
                while (t.isAlive() && (left = deadline - System.nanoTime()) > 0) {
                    try {
                        TimeUnit.NANOSECONDS.timedJoin(t, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (t.isAlive()) {
                LOG.warn("The source thread of '{}' did not stop within 10 s after cancel() and an interrupt; "
                        + "its run() should check a flag set by cancel() or react to interrupts.", name());
            }
        }
    }

    /**
     * The watermarks and idleness a source emits itself: watermarks only upwards, an idle status until the next record or
     * watermark. Used under the source's emission discipline (task thread, or the checkpoint lock for legacy sources).
     */
    static final class SourceEventTime {
        private long lastWatermark = Long.MIN_VALUE;
        private boolean idle;

        void active(Output output) {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(false);
            }
        }

        void idle(Output output) {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(true);
            }
        }

        void watermark(Output output, long timestamp) {
            if (timestamp > lastWatermark) {
                active(output);
                lastWatermark = timestamp;
                output.emitWatermark(timestamp);
            }
        }
    }
}
