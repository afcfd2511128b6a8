package io.weir.api.datastream;

import io.weir.api.functions.Function;
import io.weir.api.functions.RichFunction;
import io.weir.api.graph.OperatorKind;
import io.weir.api.graph.WindowOperatorSpec;
import io.weir.api.graph.WindowOperatorSpec.Contents;
import io.weir.api.util.OutputTag;
import io.weir.api.windowing.MergingWindowAssigner;
import io.weir.api.windowing.WindowAssigner;
import io.weir.api.windowing.evictors.Evictor;
import io.weir.api.windowing.triggers.Trigger;

import java.time.Duration;

/** The settings shared by {@link WindowedStream} and {@link AllWindowedStream}, and the operator they build. */
final class WindowOperatorBuilder {
    private final WindowAssigner<?, ?> assigner;
    private long allowedLatenessMillis;
    private OutputTag<?> lateDataOutputTag;
    private Trigger<?, ?> trigger;
    private Evictor<?, ?> evictor;

    WindowOperatorBuilder(WindowAssigner<?, ?> assigner) {
        if (assigner == null) {
            throw new IllegalArgumentException("window(...) needs a WindowAssigner, but got null.");
        }
        this.assigner = assigner;
    }

    void allowedLateness(Duration lateness) {
        if (lateness == null || lateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness must not be negative (or null), but is " + lateness + ".");
        }
        allowedLatenessMillis = lateness.toMillis();
    }

    void sideOutputLateData(OutputTag<?> tag) {
        if (tag == null) {
            throw new IllegalArgumentException("sideOutputLateData needs an OutputTag, but got null.");
        }
        lateDataOutputTag = tag;
    }

    /** As Flink: a merging assigner (sessions) needs a trigger that can merge. */
    void trigger(Trigger<?, ?> t) {
        if (t == null) {
            throw new IllegalArgumentException("trigger(...) needs a Trigger, but got null.");
        }
        if (assigner instanceof MergingWindowAssigner && !t.canMerge()) {
            throw new UnsupportedOperationException("The trigger " + t + " cannot be used with the merging window assigner " + assigner
                    + ": its canMerge() is false. Use a trigger that can merge windows (canMerge() true, with onMerge implemented).");
        }
        trigger = t;
    }

    void evictor(Evictor<?, ?> e) {
        if (e == null) {
            throw new IllegalArgumentException("evictor(...) needs an Evictor, but got null.");
        }
        evictor = e;
    }

    /** Flink does not call open/close on the incremental function of a window, so it rejects rich ones; so does Weir. */
    static void checkNotRich(Function f, String what) {
        if (f == null) {
            throw new IllegalArgumentException("The " + what + " of a window must not be null.");
        }
        if (f instanceof RichFunction) {
            throw new UnsupportedOperationException("The " + what + " of a window cannot be a RichFunction (" + f.getClass().getName()
                    + "): its open/close would never be called. Move the rich part into a ProcessWindowFunction passed as the second argument.");
        }
    }

    <T, R> SingleOutputStreamOperator<R> build(DataStream<T> keyedInput, Contents contents, Function incremental, Function windowFunction,
            boolean nonParallel) {
        if (contents == Contents.ELEMENTS && windowFunction == null) {
            throw new IllegalArgumentException("The window function must not be null.");
        }
        WindowOperatorSpec spec = new WindowOperatorSpec(assigner, contents, incremental, windowFunction, allowedLatenessMillis, lateDataOutputTag,
                trigger, evictor);
        StringBuilder name = new StringBuilder(evictor == null ? "Window(" : "EvictingWindow(").append(assigner);
        if (trigger != null) {
            name.append(", ").append(trigger);
        }
        if (evictor != null) {
            name.append(", ").append(evictor);
        }
        for (Function f : new Function[] {incremental, windowFunction}) {
            if (f != null) {
                String simple = f.getClass().getSimpleName();
                name.append(", ").append(simple.isEmpty() || simple.contains("$$Lambda") ? f.getClass().getInterfaces().length > 0
                        ? f.getClass().getInterfaces()[0].getSimpleName() : "Function" : simple);
            }
        }
        name.append(')');
        SingleOutputStreamOperator<R> out = keyedInput.transform(name.toString(), OperatorKind.WINDOW, spec);
        if (nonParallel) {
            out.setParallelism(1);
            out.nonParallel = true;
        }
        return out;
    }
}
