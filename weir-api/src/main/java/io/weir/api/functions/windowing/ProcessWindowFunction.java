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

    /** Called when the window's contents are purged (after its allowed lateness); the default does nothing. */
    public void clear(Context context) throws Exception {}

    /**
     * The context of one evaluation. Weir does not provide Flink's per-window state
     * ({@code windowState()}); {@link #globalState()} is the keyed state of the key.
     */
    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** Keyed state of the current key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag} (read it with {@code getSideOutput}). */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
