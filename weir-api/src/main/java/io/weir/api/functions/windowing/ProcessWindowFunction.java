package io.weir.api.functions.windowing;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.Window;

/**
 * Evaluates one window of one key: receives all elements of the window (or the single result of an
 * incremental {@code reduce}/{@code aggregate} run before it), with a context giving the window and
 * the current times. It is a rich function: {@code open}/{@code close} and keyed state of the current
 * key through {@code getRuntimeContext()} work as in other keyed functions.
 *
 * @param <IN>  the input type (the elements, or the incremental result)
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W>   the window type
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Called when the window fires (again, for a late firing within the allowed lateness). Results carry the timestamp {@code window.maxTimestamp()}. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /**
     * Called when the window is cleaned up (at its end plus the allowed lateness in event time, at its end
     * in processing time); clear the window's {@link Context#windowState() per-window state} here. The
     * default does nothing.
     */
    public void clear(Context context) throws Exception {}

    /**
     * The context of one evaluation: the window, the times, and state of the key per window
     * ({@link #windowState()}) and across windows ({@link #globalState()}).
     */
    public abstract class Context {
        /** The window being evaluated. */
        public abstract W window();

        /** The operator's current processing time. */
        public abstract long currentProcessingTime();

        /** The operator's current event time (watermark). */
        public abstract long currentWatermark();

        /**
         * State of the current key and window, checkpointed: each window of the key has its own. Not
         * available with merging windows (session windows), as in Flink. Clear it in
         * {@link ProcessWindowFunction#clear}; Weir also drops what is left of it when the window is
         * cleaned up, after {@code clear} (Flink keeps it).
         *
         * @throws UnsupportedOperationException (from its getters) when the windows merge
         */
        public abstract KeyedStateStore windowState();

        /** Keyed state of the current key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag} (read it with {@code getSideOutput}). */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
