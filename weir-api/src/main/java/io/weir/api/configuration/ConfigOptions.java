package io.weir.api.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds {@link ConfigOption}s as Flink does: {@code ConfigOptions.key("my.setting").intType().defaultValue(4)}. Pure;
 * any thread.
 */
public final class ConfigOptions {
    private ConfigOptions() {}

    /**
     * Starts an option with this key; choose its type next.
     *
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if {@code key} is blank
     */
    public static OptionBuilder key(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("A configuration option needs a non-blank key.");
        }
        return new OptionBuilder(key);
    }

    /** An option key whose value type is not chosen yet. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        /** A text value, read as written. */
        public TypedConfigOptionBuilder<String> stringType() {
            return new TypedConfigOptionBuilder<>(key, String.class);
        }

        /** An int, in decimal. */
        public TypedConfigOptionBuilder<Integer> intType() {
            return new TypedConfigOptionBuilder<>(key, Integer.class);
        }

        /** A long, in decimal. */
        public TypedConfigOptionBuilder<Long> longType() {
            return new TypedConfigOptionBuilder<>(key, Long.class);
        }

        /** {@code true} or {@code false}, any case. */
        public TypedConfigOptionBuilder<Boolean> booleanType() {
            return new TypedConfigOptionBuilder<>(key, Boolean.class);
        }

        /** A decimal number. */
        public TypedConfigOptionBuilder<Double> doubleType() {
            return new TypedConfigOptionBuilder<>(key, Double.class);
        }

        /** A duration: a bare number is milliseconds; {@code 500 ms}, {@code 10 s}, {@code 2 min}, {@code 1 h} as in Flink. */
        public TypedConfigOptionBuilder<Duration> durationType() {
            return new TypedConfigOptionBuilder<>(key, Duration.class);
        }

        /** A constant of {@code type}, matched ignoring case, with {@code -} read as {@code _}. */
        public <E extends Enum<E>> TypedConfigOptionBuilder<E> enumType(Class<E> type) {
            return new TypedConfigOptionBuilder<>(key, Objects.requireNonNull(type, "type"));
        }
    }

    /** An option key with its value type; finish it with a default or without one. */
    public static final class TypedConfigOptionBuilder<T> {
        private final String key;
        private final Class<T> type;

        TypedConfigOptionBuilder(String key, Class<T> type) {
            this.key = key;
            this.type = type;
        }

        /** The option, read as {@code value} when unset. */
        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, value, "", List.of());
        }

        /** The option, read as {@code null} (or empty from {@link Configuration#getOptional}) when unset. */
        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "", List.of());
        }
    }
}
