package io.weir.api.environment;

/** The consistency a checkpoint gives to state. */
public enum CheckpointingMode {
    /** Every record affects state exactly once: subtasks with several inputs align barriers. */
    EXACTLY_ONCE,
    /** No alignment; after a restore some records may affect state twice. Lower latency. */
    AT_LEAST_ONCE
}
