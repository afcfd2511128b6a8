package io.weir.runtime.internal.operators;

import io.weir.api.functions.Function;
import io.weir.api.functions.windowing.AllWindowFunction;
import io.weir.api.functions.windowing.ProcessAllWindowFunction;
import io.weir.api.functions.windowing.ProcessWindowFunction;
import io.weir.api.functions.windowing.WindowFunction;
import io.weir.api.state.KeyedStateStore;
import io.weir.api.util.Collector;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.Window;

import java.util.Collections;

/** Calls the window function of a {@link WindowOperator}, whichever of Flink's four kinds it is, with its context. */
final class WindowFunctions {
    private final Function fn;
    private final WindowOperator op;
    private Window window;
    private ProcessWindowFunction<Object, Object, Object, Window>.Context keyedContext;
    private ProcessAllWindowFunction<Object, Object, Window>.Context allContext;

    /** @param fn the window function, or null when the incremental result is emitted as it is */
    @SuppressWarnings("unchecked")
    WindowFunctions(Function fn, WindowOperator op) {
        this.fn = fn;
        this.op = op;
        if (fn instanceof ProcessWindowFunction) {
            keyedContext = ((ProcessWindowFunction<Object, Object, Object, Window>) fn).new Context() {
                @Override
                public Window window() {
                    return window;
                }

                @Override
                public long currentProcessingTime() {
                    return op.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return op.currentWatermark();
                }

                @Override
                public KeyedStateStore windowState() {
                    return op.windowState(window);
                }

                @Override
                public KeyedStateStore globalState() {
                    return op.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    op.sideOutput(outputTag, value, window.maxTimestamp());
                }
            };
        } else if (fn instanceof ProcessAllWindowFunction) {
            allContext = ((ProcessAllWindowFunction<Object, Object, Window>) fn).new Context() {
                @Override
                public Window window() {
                    return window;
                }

                @Override
                public KeyedStateStore windowState() {
                    return op.windowState(window);
                }

                @Override
                public KeyedStateStore globalState() {
                    return op.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> outputTag, X value) {
                    op.sideOutput(outputTag, value, window.maxTimestamp());
                }
            };
        }
    }

    /** Emits the single incremental result of a window (through the window function, if any). */
    void emitOne(Object key, Window w, Object value, Collector<Object> out) throws Exception {
        if (fn == null) {
            out.collect(value);
        } else {
            emitAll(key, w, Collections.singletonList(value), out);
        }
    }

    @SuppressWarnings("unchecked")
    void emitAll(Object key, Window w, Iterable<Object> elements, Collector<Object> out) throws Exception {
        this.window = w;
        op.scopeTo(w);
        if (fn instanceof ProcessWindowFunction) {
            ((ProcessWindowFunction<Object, Object, Object, Window>) fn).process(key, keyedContext, elements, out);
        } else if (fn instanceof ProcessAllWindowFunction) {
            ((ProcessAllWindowFunction<Object, Object, Window>) fn).process(allContext, elements, out);
        } else if (fn instanceof WindowFunction) {
            ((WindowFunction<Object, Object, Object, Window>) fn).apply(key, w, elements, out);
        } else if (fn instanceof AllWindowFunction) {
            ((AllWindowFunction<Object, Object, Window>) fn).apply(w, elements, out);
        } else {
            throw new IllegalStateException("Unknown window function type " + (fn == null ? "null" : fn.getClass().getName()));
        }
    }

    /** The window is cleaned up: calls the function's {@code clear}. */
    @SuppressWarnings("unchecked")
    void clear(Window w) throws Exception {
        this.window = w;
        op.scopeTo(w);
        if (fn instanceof ProcessWindowFunction) {
            ((ProcessWindowFunction<Object, Object, Object, Window>) fn).clear(keyedContext);
        } else if (fn instanceof ProcessAllWindowFunction) {
            ((ProcessAllWindowFunction<Object, Object, Window>) fn).clear(allContext);
        }
    }
}
