package io.weir.api.configuration;

/**
 * A configuration value was rejected: a key from {@link ConfigKeys} (set with {@code -D}, in a
 * {@link Configuration}, or through the setter the message names) holds text that does not parse,
 * or a number outside the allowed range. Flink's name for the same failure.
 *
 * <p>Thrown on the thread that reads the value: by the typed getters of {@link Configuration}, by
 * {@code StreamExecutionEnvironment.getExecutionEnvironment()} and {@code configure(...)} while they
 * apply the settings, and by {@code execute()} before anything runs. Nothing has started when it is
 * thrown, so no checkpoint or output was touched. The message names the key, the rejected value and
 * what is accepted, on one line. {@code weir run} exits with code 2 (usage error) on it, also when
 * it arrives as the cause of another exception.
 *
 * <p>Unlike Flink's class it extends {@link IllegalArgumentException} (Flink's is a plain
 * {@link RuntimeException}), so that code written against Weir's earlier contract, "invalid settings
 * throw {@code IllegalArgumentException}", keeps working.
 */
public class IllegalConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the key, the rejected value and what is accepted
     */
    public IllegalConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the key, the rejected value and what is accepted
     * @param cause   the parse failure underneath, if any
     */
    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The standard message: {@code Invalid configuration: 'KEY' = 'VALUE'; expected ALLOWED.} Pure; any thread.
     *
     * @param key     the configuration key (or the setting, e.g. {@code "env.setParallelism / parallelism.default"})
     * @param value   the rejected value as the user gave it
     * @param allowed what would be accepted, e.g. {@code "an integer >= 1"}
     * @return a new exception, not thrown
     */
    public static IllegalConfigurationException invalid(String key, String value, String allowed) {
        return new IllegalConfigurationException("Invalid configuration: '" + key + "' = '" + value + "'; expected " + allowed + ".");
    }
}
