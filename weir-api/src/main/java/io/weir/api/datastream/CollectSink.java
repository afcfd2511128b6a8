package io.weir.api.datastream;

import io.weir.api.execution.JobClient;
import io.weir.api.functions.sink.SinkFunction;

import java.util.NoSuchElementException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sink of {@code executeAndCollect}: hands elements to the iterator through a bounded queue in this
 * JVM (a full queue backpressures the job). Elements of an attempt that later fails may be seen
 * again after the restart (at-least-once, as in Flink's collect without checkpointing).
 */
final class CollectSink<T> implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, BlockingQueue<Object>> QUEUES = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    CollectSink() {
        QUEUES.put(id, new ArrayBlockingQueue<>(4096));
    }

    @Override
    public void invoke(T value, Context context) throws Exception {
        BlockingQueue<Object> q = QUEUES.get(id);
        if (q == null) {
            throw new IllegalStateException("The collect iterator of this job was closed.");
        }
        q.put(value);
    }

    CloseableIterator<T> iterator(JobClient client) {
        BlockingQueue<Object> q = QUEUES.get(id);
        return new CloseableIterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    try {
                        next = q.poll(10, TimeUnit.MILLISECONDS);
                        if (next == null && client.getJobExecutionResult().isDone()) {
                            next = q.poll();
                            if (next == null) {
                                rethrowFailure();
                                return false;
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for the job's output.", e);
                    }
                }
                return true;
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T v = (T) next;
                next = null;
                return v;
            }

            @Override
            public void close() throws Exception {
                QUEUES.remove(id);
                if (!client.getJobExecutionResult().isDone()) {
                    q.clear();
                    client.cancel().get();
                }
            }

            private void rethrowFailure() {
                try {
                    client.getJobExecutionResult().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("The job failed: " + e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
