package io.weir.api.connector.source;

/** Whether a source ends. A job whose sources are all bounded finishes when they are drained. */
public enum Boundedness { BOUNDED, CONTINUOUS_UNBOUNDED }
