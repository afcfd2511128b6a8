package io.weir.api.functions;

/** Which clock a timer was registered on. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
