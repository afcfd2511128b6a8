/**
 * Serializers for state and checkpoints: {@link io.weir.runtime.serialization.Serializers} picks a
 * built-in format for common types and falls back to Kryo for the rest, and
 * {@link io.weir.runtime.serialization.SerializationException} reports what could not be
 * serialized and what to do about it.
 */
package io.weir.runtime.serialization;
