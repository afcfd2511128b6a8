package io.weir.api.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * String key/value settings using Flink's configuration keys (see {@link ConfigKeys}). Typed getters
 * parse on read and fail with an {@link IllegalConfigurationException} naming the key, the bad value
 * and what is allowed.
 * Durations accept Flink's forms: {@code 1000} (ms), {@code 500 ms}, {@code 10 s}, {@code 2 min}, {@code 1 h}.
 */
public final class Configuration implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    /** An empty configuration. Not thread-safe: build and read it on one thread, or hand it over after the last write. */
    public Configuration() {}

    /** A configuration holding a copy of {@code initial}. */
    public Configuration(Map<String, String> initial) {
        values.putAll(initial);
    }

    /** Sets {@code key} to {@code value}, replacing any value. Not thread-safe; returns this configuration. */
    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Sets {@code key} to the decimal text of {@code value}. Not thread-safe; returns this configuration. */
    public Configuration setInteger(String key, int value) {
        return setString(key, Integer.toString(value));
    }

    /** Sets {@code key} to the decimal text of {@code value}. Not thread-safe; returns this configuration. */
    public Configuration setLong(String key, long value) {
        return setString(key, Long.toString(value));
    }

    /** Sets {@code key} to {@code true} or {@code false}. Not thread-safe; returns this configuration. */
    public Configuration setBoolean(String key, boolean value) {
        return setString(key, Boolean.toString(value));
    }

    /**
     * Whether {@code key}, or one of Flink's other names for it ({@link ConfigKeys#fallbackKeys}), is set. Pure read;
     * any thread, but not while another thread writes this configuration.
     */
    public boolean containsKey(String key) {
        return lookup(key) != null;
    }

    /**
     * The value of {@code key} as set, or else the value of the first of Flink's other names for it that is set
     * ({@link ConfigKeys#fallbackKeys}, for example {@code state.checkpoints.dir} for {@code execution.checkpointing.dir}),
     * or else {@code defaultValue}. Pure read; any thread, but not while another thread writes this configuration.
     */
    public String getString(String key, String defaultValue) {
        String v = lookup(key);
        return v == null ? defaultValue : v;
    }

    private String lookup(String key) {
        String v = values.get(key);
        if (v != null) {
            return v;
        }
        for (String other : ConfigKeys.fallbackKeys(key)) {
            v = values.get(other);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * The value of {@code key} as an int (surrounding blanks ignored), or {@code defaultValue} when unset.
     * Pure read; any thread, but a Configuration is not thread-safe, so not while another thread writes it.
     *
     * @throws IllegalConfigurationException if the value is not an integer in int's range, naming key and value
     */
    public int getInteger(String key, int defaultValue) {
        String v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    /**
     * The value of {@code key} as a long (surrounding blanks ignored), or {@code defaultValue} when unset.
     * Pure read; any thread, but a Configuration is not thread-safe, so not while another thread writes it.
     *
     * @throws IllegalConfigurationException if the value is not an integer in long's range, naming key and value
     */
    public long getLong(String key, long defaultValue) {
        String v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "an integer");
        }
    }

    /**
     * The value of {@code key} as a double, or {@code defaultValue} when unset.
     * Pure read; any thread, but a Configuration is not thread-safe, so not while another thread writes it.
     *
     * @throws IllegalConfigurationException if the value is not a decimal number, naming key and value
     */
    public double getDouble(String key, double defaultValue) {
        String v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a decimal number");
        }
    }

    /**
     * The value of {@code key} as a boolean ({@code true} or {@code false}, any case), or {@code defaultValue} when unset.
     * Pure read; any thread, but a Configuration is not thread-safe, so not while another thread writes it.
     *
     * @throws IllegalConfigurationException on any other text, naming key and value
     */
    public boolean getBoolean(String key, boolean defaultValue) {
        String v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw invalid(key, v, "true or false");
    }

    /**
     * The value of {@code key} as a duration (a bare number is milliseconds; see the class comment for
     * the units), or {@code defaultValue} when unset.
     * Pure read; any thread, but a Configuration is not thread-safe, so not while another thread writes it.
     *
     * @throws IllegalConfigurationException if the value is not such a duration or does not fit in a long of
     *                                        milliseconds, naming key and value
     */
    public Duration getDuration(String key, Duration defaultValue) {
        String v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return parseDuration(v);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(key, v, "a duration such as 1000, 500 ms, 10 s, 2 min or 1 h (at most about 292 years)");
        }
    }

    /**
     * The value of {@code key} as a constant of {@code type} (any case, {@code -} for {@code _}), or
     * {@code defaultValue} when unset.
     * Pure read; any thread, but a Configuration is not thread-safe, so not while another thread writes it.
     *
     * @throws IllegalConfigurationException if no constant matches, naming key, value and the constants
     */
    public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
        String v = lookup(key);
        if (v == null) {
            return defaultValue;
        }
        String norm = v.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        throw invalid(key, v, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /**
     * The value of {@code option}: its key, else its own fallback keys in order, else Flink's other names for the key
     * ({@link ConfigKeys#fallbackKeys}), parsed as the option's type; else its default (possibly null). Pure read; any
     * thread, but not while another thread writes this configuration.
     *
     * @throws IllegalConfigurationException if the value does not parse as the option's type, naming key and value
     */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElse(option.defaultValue());
    }

    /**
     * The value of {@code option} if it or one of its fallback keys is set (see {@link #get(ConfigOption)}), else empty.
     *
     * @throws IllegalConfigurationException if the value does not parse as the option's type, naming key and value
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> java.util.Optional<T> getOptional(ConfigOption<T> option) {
        String key = option.key();
        if (lookup(key) == null) {
            key = null;
            for (String fallback : option.fallbackKeys()) {
                if (lookup(fallback) != null) {
                    key = fallback;
                    break;
                }
            }
            if (key == null) {
                return java.util.Optional.empty();
            }
        }
        Class<T> type = option.type();
        Object value;
        if (type == String.class) {
            value = lookup(key);
        } else if (type == Integer.class) {
            value = getInteger(key, 0);
        } else if (type == Long.class) {
            value = getLong(key, 0);
        } else if (type == Boolean.class) {
            value = getBoolean(key, false);
        } else if (type == Double.class) {
            value = getDouble(key, 0);
        } else if (type == Duration.class) {
            value = getDuration(key, Duration.ZERO);
        } else if (type.isEnum()) {
            value = getEnum(key, (Class) type, null);
        } else {
            throw new IllegalArgumentException("Configuration option '" + option.key() + "' has type " + type.getName()
                    + ", which Configuration cannot read; use String, Integer, Long, Boolean, Double, Duration or an enum.");
        }
        return java.util.Optional.of((T) value);
    }

    /** Whether {@code option}'s key, one of its fallback keys or one of Flink's other names for it is set. */
    public boolean contains(ConfigOption<?> option) {
        if (lookup(option.key()) != null) {
            return true;
        }
        for (String fallback : option.fallbackKeys()) {
            if (lookup(fallback) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets {@code option}'s key to {@code value} in the text form the getters read back (durations in milliseconds,
     * enums by name). Not thread-safe.
     *
     * @return this configuration
     * @throws NullPointerException if {@code value} is null
     */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        java.util.Objects.requireNonNull(value, () -> "value of " + option.key());
        String text = value instanceof Duration d ? d.toMillis() + " ms" : value instanceof Enum<?> e ? e.name() : value.toString();
        return setString(option.key(), text);
    }

    /**
     * Removes {@code option}'s key (not its fallback keys). Not thread-safe.
     *
     * @return whether the key was set
     */
    public boolean removeConfig(ConfigOption<?> option) {
        return values.remove(option.key()) != null;
    }

    /**
     * Removes {@code key} (not Flink's other names for it). Not thread-safe.
     *
     * @return whether the key was set
     */
    public boolean remove(String key) {
        return values.remove(key) != null;
    }

    /** Every setting as set (keys as written, no fallback resolution), unmodifiable, backed by this configuration. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    /** An independent copy of every setting. */
    public Configuration copy() {
        return new Configuration(values);
    }

    /** Adds every entry of {@code other}, replacing existing keys. */
    public void addAll(Configuration other) {
        values.putAll(other.values);
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(text);
        }
        long n = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).trim();
        switch (unit) {
            case "": case "ms": case "milli": case "millis": case "millisecond": case "milliseconds": return Duration.ofMillis(n);
            case "s": case "sec": case "secs": case "second": case "seconds": return Duration.ofSeconds(n);
            case "min": case "m": case "minute": case "minutes": return Duration.ofMinutes(n);
            case "h": case "hour": case "hours": return Duration.ofHours(n);
            case "d": case "day": case "days": return Duration.ofDays(n);
            default: throw new IllegalArgumentException(text);
        }
    }

    private static IllegalConfigurationException invalid(String key, String value, String allowed) {
        return IllegalConfigurationException.invalid(key, value, allowed);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
