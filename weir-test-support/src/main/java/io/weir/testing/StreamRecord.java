package io.weir.testing;

/** An element emitted by an operator under test, with its timestamp ({@code null} if it has none). */
public record StreamRecord<T>(T value, Long timestamp) {}
