package io.weir.api.connector.sink2;

import java.io.IOException;
import java.io.Serializable;

/**
 * A sink in Flink's unified sink API (Sink V2), added with {@code DataStream.sinkTo(sink)}. The sink itself is a
 * serializable factory, built with the job; each subtask creates its {@link SinkWriter}. A sink that also implements
 * {@link SupportsCommitter} writes exactly once: its writer turns what it wrote into committables at every checkpoint
 * ({@link CommittingSinkWriter#prepareCommit()}), the committables go into the checkpoint, and its {@link Committer}
 * makes them visible once the checkpoint is complete (and again after a restore, so committing must be idempotent). A
 * sink that implements {@link SupportsWriterState} has its writer's state checkpointed and restored.
 *
 * <p>Implement {@link #createWriter(WriterInitContext)}; Flink 1.20 sinks that implement the deprecated
 * {@link #createWriter(InitContext)} instead work too. Called on the subtask's thread when the sink opens.
 *
 * @param <InputT> the type of the elements written
 */
public interface Sink<InputT> extends Serializable {
    /**
     * Flink's older form of {@link #createWriter(WriterInitContext)}; implement one of the two.
     *
     * @param context where the writer runs
     *
     * @throws IOException if the writer cannot be created
     * @throws UnsupportedOperationException if neither form is implemented
     */
    @Deprecated
    default SinkWriter<InputT> createWriter(Sink.InitContext context) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " implements neither createWriter(WriterInitContext) nor"
                + " createWriter(InitContext).");
    }

    /**
     * Creates the writer of one subtask.
     *
     * @throws IOException if the writer cannot be created (fails the task; the job restarts as its strategy says)
     */
    default SinkWriter<InputT> createWriter(WriterInitContext context) throws IOException {
        if (context instanceof Sink.InitContext) {
            return createWriter((Sink.InitContext) context);
        }
        return createWriter(new Sink.InitContext() {
            @Override
            public int getSubtaskId() {
                return context.getSubtaskId();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return context.getNumberOfParallelSubtasks();
            }

            @Override
            public int getAttemptNumber() {
                return context.getAttemptNumber();
            }

            @Override
            public java.util.OptionalLong getRestoredCheckpointId() {
                return context.getRestoredCheckpointId();
            }
        });
    }

    /** Flink's older name for the context given to {@link #createWriter(Sink.InitContext)}. */
    @Deprecated
    interface InitContext extends io.weir.api.connector.sink2.InitContext {}
}
