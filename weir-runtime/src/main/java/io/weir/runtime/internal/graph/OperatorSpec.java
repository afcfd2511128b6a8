package io.weir.runtime.internal.graph;

import io.weir.api.graph.Transformation;
import io.weir.runtime.internal.util.JavaSerialization;

/**
 * One operator of a chain. The user function (or source) is kept serialized, and every subtask of
 * every attempt gets its own fresh copy, so user objects are never shared between threads or
 * carried over from a failed attempt.
 */
public final class OperatorSpec {
    private final String operatorId;
    private final String name;
    private final Transformation<?> transformation;
    private final byte[] payload;

    OperatorSpec(String operatorId, String name, Transformation<?> transformation, Object payloadObject) {
        this.operatorId = operatorId;
        this.name = name;
        this.transformation = transformation;
        this.payload = JavaSerialization.serialize(payloadObject, "operator '" + name + "'");
    }

    /** Stable id naming this operator's state in checkpoints: the user's uid, or derived from the graph position. */
    public String operatorId() {
        return operatorId;
    }

    public String name() {
        return name;
    }

    public Transformation<?> transformation() {
        return transformation;
    }

    /** A fresh copy of the function (or source), as an array {function, stateKeySelector} for operators. */
    public Object newPayload() {
        return JavaSerialization.deserialize(payload, "operator '" + name + "'");
    }
}
