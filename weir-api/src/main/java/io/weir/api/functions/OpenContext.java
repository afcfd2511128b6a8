package io.weir.api.functions;

/** Passed to {@link RichFunction#open(OpenContext)}; reserved for future settings, as in Flink 1.19+. */
public interface OpenContext {}
