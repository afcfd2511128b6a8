package io.weir.runtime.internal.graph;

import io.weir.api.util.OutputTag;
import io.weir.runtime.internal.io.RecordWriter;
import io.weir.runtime.internal.util.JavaSerialization;

/** A data exchange between two tasks. */
public final class JobEdge {
    private final JobVertex source;
    private final JobVertex target;
    private final RecordWriter.Mode mode;
    private final byte[] keySelector;
    private final OutputTag<?> outputTag;
    private final int targetInput;

    JobEdge(JobVertex source, JobVertex target, RecordWriter.Mode mode, Object keySelector, OutputTag<?> outputTag, int targetInput) {
        this.targetInput = targetInput;
        this.source = source;
        this.target = target;
        this.mode = mode;
        this.outputTag = outputTag;
        this.keySelector = keySelector == null ? null : JavaSerialization.serialize(keySelector, "the keyBy key selector into '" + target.name() + "'");
    }

    public JobVertex source() {
        return source;
    }

    public JobVertex target() {
        return target;
    }

    public RecordWriter.Mode mode() {
        return mode;
    }

    /** A fresh copy of the key selector for HASH edges, else null. */
    public io.weir.api.functions.KeySelector<?, ?> newKeySelector() {
        return keySelector == null ? null : (io.weir.api.functions.KeySelector<?, ?>) JavaSerialization.deserialize(keySelector, "key selector");
    }

    /** The side output this edge carries, or null for the source's main output. */
    public OutputTag<?> outputTag() {
        return outputTag;
    }

    /** Which input of the target's head operator this edge feeds: 0, or 1 for the second input of a two-input operator. */
    public int targetInput() {
        return targetInput;
    }

    /** Number of channels each target subtask receives from this edge. */
    public int channelsPerTarget() {
        return mode == RecordWriter.Mode.FORWARD ? 1 : source.parallelism();
    }

    @Override
    public String toString() {
        return source.name() + (outputTag == null ? "" : " [" + outputTag.getId() + "]") + " -" + mode + "-> " + target.name()
                + (targetInput == 0 ? "" : " (input " + (targetInput + 1) + ")");
    }
}
