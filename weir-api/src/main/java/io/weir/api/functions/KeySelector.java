package io.weir.api.functions;

/**
 * Extracts the key of an element. The key must be deterministic and its type must have a stable
 * {@code hashCode} (not an array, not an enum in some JVMs' identity hash): the key decides the key
 * group, and so the subtask and the place in a checkpoint.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
