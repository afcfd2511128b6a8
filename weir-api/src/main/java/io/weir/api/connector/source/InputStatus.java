package io.weir.api.connector.source;

/** What {@link SourceReader#pollNext} found. */
public enum InputStatus {
    /** More records can be read right away; the runtime calls again after handling pending control actions. */
    MORE_AVAILABLE,
    /** Nothing to read now; the runtime waits briefly (handling control actions) and calls again. */
    NOTHING_AVAILABLE,
    /** Every assigned split is exhausted and no more will come. */
    END_OF_INPUT
}
