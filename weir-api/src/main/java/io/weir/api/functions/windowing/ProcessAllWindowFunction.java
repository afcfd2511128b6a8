package io.weir.api.functions.windowing;

import io.weir.api.functions.AbstractRichFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.Window;

/**
 * Evaluates one window of a non-keyed stream ({@code windowAll}); like {@link ProcessWindowFunction}
 * without a key.
 *
 * @param <IN>  the input type (the elements, or the incremental result)
 * @param <OUT> the output type
 * @param <W>   the window type
 */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** Called when the window fires. Results carry the timestamp {@code window.maxTimestamp()}. */
    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is cleaned up; clear its per-window state here. The default does nothing. */
    public void clear(Context context) throws Exception {}

    /** The context of one evaluation. */
    public abstract class Context {
        /** The window being evaluated. */
        public abstract W window();

        /** State of the window, as {@link ProcessWindowFunction.Context#windowState()}. */
        public abstract KeyedStateStore windowState();

        /** State of the whole (non-keyed) window operator, shared by all windows. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag}, with the window's timestamp. @throws NullPointerException if either is null */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
