package io.weir.api.configuration;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A typed configuration setting: its key, the type its value is read as, an optional default and the other keys it
 * may also be set under, as in Flink. Built with {@link ConfigOptions#key(String)}; read and written with
 * {@link Configuration#get(ConfigOption)}, {@link Configuration#getOptional(ConfigOption)} and
 * {@link Configuration#set(ConfigOption, Object)}. Immutable and thread-safe; the {@code with...} methods return new
 * options.
 *
 * @param <T> the value type: {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Double},
 *     {@code java.time.Duration} or an enum
 */
public final class ConfigOption<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;

    ConfigOption(String key, Class<T> type, T defaultValue, String description, List<String> fallbackKeys) {
        this.key = Objects.requireNonNull(key, "key");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
        this.fallbackKeys = List.copyOf(fallbackKeys);
    }

    /** The key the value is set under. */
    public String key() {
        return key;
    }

    /** The value read when neither the key nor a fallback key is set, or {@code null} when there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether {@link #defaultValue()} is not null. */
    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    /** The text given with {@link #withDescription(String)}, or {@code ""}. */
    public String description() {
        return description;
    }

    /** The other keys read, in this order, when {@link #key()} is not set. */
    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    /** Whether any fallback key was given. */
    public boolean hasFallbackKeys() {
        return !fallbackKeys.isEmpty();
    }

    /** The type the value is read as. */
    Class<T> type() {
        return type;
    }

    /** This option with a description (shown nowhere by Weir yet; kept for documentation tools). */
    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, type, defaultValue, description, fallbackKeys);
    }

    /**
     * This option, also read from {@code keys} (in order, after the ones given before) when its own key is not set.
     * Flink distinguishes deprecated from fallback keys only in the warnings it logs; Weir reads both the same way.
     */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        List<String> all = new java.util.ArrayList<>(fallbackKeys);
        all.addAll(List.of(keys));
        return new ConfigOption<>(key, type, defaultValue, description, all);
    }

    /** Same as {@link #withFallbackKeys(String...)}. */
    public ConfigOption<T> withDeprecatedKeys(String... keys) {
        return withFallbackKeys(keys);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigOption<?> other && key.equals(other.key) && type.equals(other.type)
                && Objects.equals(defaultValue, other.defaultValue) && fallbackKeys.equals(other.fallbackKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, defaultValue, fallbackKeys);
    }

    @Override
    public String toString() {
        return "Key: '" + key + "' , default: " + defaultValue + " (fallback keys: " + fallbackKeys + ")";
    }
}
