package io.weir.runtime.internal.restart;

import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;
import io.weir.api.restart.RestartStrategies;
import io.weir.api.restart.RestartStrategies.ExponentialDelayRestartStrategyConfiguration;
import io.weir.api.restart.RestartStrategies.FailureRateRestartStrategyConfiguration;
import io.weir.api.restart.RestartStrategies.FallbackRestartStrategyConfiguration;
import io.weir.api.restart.RestartStrategies.FixedDelayRestartStrategyConfiguration;
import io.weir.api.restart.RestartStrategies.NoRestartStrategyConfiguration;
import io.weir.runtime.internal.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * Builds the restart strategy of a job and is the one place where restart settings are validated.
 *
 * <p>Which strategy, first match wins:
 * <ol>
 *   <li>the setting made through {@link RestartStrategies} on the environment, unless it is
 *       {@code null} or {@link RestartStrategies#fallBackRestart()};</li>
 *   <li>{@code restart-strategy.type} in the configuration, with that type's
 *       {@code restart-strategy.<type>.*} keys (unset keys take Flink's defaults);</li>
 *   <li>otherwise exponential delay with its default settings when checkpointing is enabled, and no
 *       restart when it is not. As in Flink, {@code restart-strategy.exponential-delay.*} keys are
 *       not read in this case: they only apply once {@code restart-strategy.type} names the type.</li>
 * </ol>
 *
 * <p>An invalid setting fails with an {@link IllegalConfigurationException} naming the setting (the
 * configuration key, or the {@code RestartStrategies} method and parameter), the bad value and
 * what is allowed.
 */
public final class RestartStrategyFactory {

    // Flink 1.20 defaults, see the restart-strategy options in Flink's configuration reference.
    static final int DEFAULT_FIXED_DELAY_ATTEMPTS = 1;
    static final Duration DEFAULT_FIXED_DELAY_DELAY = Duration.ofSeconds(1);
    static final int DEFAULT_FAILURE_RATE_MAX_FAILURES = 1;
    static final Duration DEFAULT_FAILURE_RATE_INTERVAL = Duration.ofMinutes(1);
    static final Duration DEFAULT_FAILURE_RATE_DELAY = Duration.ofSeconds(1);
    static final Duration DEFAULT_EXP_INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration DEFAULT_EXP_MAX_BACKOFF = Duration.ofMinutes(1);
    static final double DEFAULT_EXP_MULTIPLIER = 1.5;
    static final Duration DEFAULT_EXP_RESET_THRESHOLD = Duration.ofHours(1);
    static final double DEFAULT_EXP_JITTER = 0.1;
    /** Unlimited. */
    static final int DEFAULT_EXP_ATTEMPTS_BEFORE_RESET = Integer.MAX_VALUE;

    static final String ALLOWED_TYPES = "none, off, disable, fixed-delay, fixeddelay, failure-rate, failurerate, "
            + "exponential-delay, exponentialdelay";

    private RestartStrategyFactory() {}

    /**
     * @param apiSetting the setting made on the environment, or {@code null} if none was made
     * @param conf the job configuration; only the {@code restart-strategy.*} keys are read
     * @param checkpointingEnabled whether the job checkpoints; decides the default strategy
     * @param clock time source for the time-based strategies
     * @param random source of the exponential-delay jitter; seed it to make restarts reproducible
     * @throws IllegalConfigurationException if a setting is invalid
     */
    public static RestartBackoffTimeStrategy create(RestartStrategies.RestartStrategyConfiguration apiSetting,
            Configuration conf, boolean checkpointingEnabled, Clock clock, Random random) {
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (apiSetting != null && !(apiSetting instanceof FallbackRestartStrategyConfiguration)) {
            return fromApi(apiSetting, clock, random);
        }
        String type = conf.getString(ConfigKeys.RESTART_STRATEGY_TYPE, null);
        if (type != null) {
            return fromConfig(type, conf, clock, random);
        }
        if (checkpointingEnabled) {
            return exponentialDelay(Source.CONFIG, DEFAULT_EXP_INITIAL_BACKOFF, DEFAULT_EXP_MAX_BACKOFF,
                    DEFAULT_EXP_MULTIPLIER, DEFAULT_EXP_RESET_THRESHOLD, DEFAULT_EXP_JITTER,
                    DEFAULT_EXP_ATTEMPTS_BEFORE_RESET, clock, random);
        }
        return new NoRestartStrategy();
    }

    private static RestartBackoffTimeStrategy fromApi(RestartStrategies.RestartStrategyConfiguration setting,
            Clock clock, Random random) {
        if (setting instanceof NoRestartStrategyConfiguration) {
            return new NoRestartStrategy();
        }
        if (setting instanceof FixedDelayRestartStrategyConfiguration) {
            FixedDelayRestartStrategyConfiguration s = (FixedDelayRestartStrategyConfiguration) setting;
            return fixedDelay(Source.API, s.getRestartAttempts(), s.getDelayBetweenAttempts());
        }
        if (setting instanceof FailureRateRestartStrategyConfiguration) {
            FailureRateRestartStrategyConfiguration s = (FailureRateRestartStrategyConfiguration) setting;
            return failureRate(Source.API, s.getMaxFailureRate(), s.getFailureInterval(), s.getDelayBetweenAttempts(),
                    clock);
        }
        if (setting instanceof ExponentialDelayRestartStrategyConfiguration) {
            ExponentialDelayRestartStrategyConfiguration s = (ExponentialDelayRestartStrategyConfiguration) setting;
            // The API method has no attempts parameter (nor has Flink's), so the budget is unlimited.
            return exponentialDelay(Source.API, s.getInitialBackoff(), s.getMaxBackoff(), s.getBackoffMultiplier(),
                    s.getResetBackoffThreshold(), s.getJitterFactor(), DEFAULT_EXP_ATTEMPTS_BEFORE_RESET, clock,
                    random);
        }
        throw new IllegalArgumentException("Invalid restart strategy setting: " + setting.getClass().getName()
                + " is not a known restart strategy; allowed: the settings made by RestartStrategies.noRestart(), "
                + "fixedDelayRestart(...), failureRateRestart(...), exponentialDelayRestart(...) or fallBackRestart().");
    }

    private static RestartBackoffTimeStrategy fromConfig(String type, Configuration conf, Clock clock, Random random) {
        switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "none":
            case "off":
            case "disable":
                return new NoRestartStrategy();
            case "fixed-delay":
            case "fixeddelay":
                return fixedDelay(Source.CONFIG,
                        conf.getInteger(ConfigKeys.RESTART_FIXED_DELAY_ATTEMPTS, DEFAULT_FIXED_DELAY_ATTEMPTS),
                        duration(conf, ConfigKeys.RESTART_FIXED_DELAY_DELAY, DEFAULT_FIXED_DELAY_DELAY));
            case "failure-rate":
            case "failurerate":
                return failureRate(Source.CONFIG,
                        conf.getInteger(ConfigKeys.RESTART_FAILURE_RATE_MAX, DEFAULT_FAILURE_RATE_MAX_FAILURES),
                        duration(conf, ConfigKeys.RESTART_FAILURE_RATE_INTERVAL, DEFAULT_FAILURE_RATE_INTERVAL),
                        duration(conf, ConfigKeys.RESTART_FAILURE_RATE_DELAY, DEFAULT_FAILURE_RATE_DELAY),
                        clock);
            case "exponential-delay":
            case "exponentialdelay":
                return exponentialDelay(Source.CONFIG,
                        duration(conf, ConfigKeys.RESTART_EXP_INITIAL, DEFAULT_EXP_INITIAL_BACKOFF),
                        duration(conf, ConfigKeys.RESTART_EXP_MAX, DEFAULT_EXP_MAX_BACKOFF),
                        conf.getDouble(ConfigKeys.RESTART_EXP_MULTIPLIER, DEFAULT_EXP_MULTIPLIER),
                        duration(conf, ConfigKeys.RESTART_EXP_RESET, DEFAULT_EXP_RESET_THRESHOLD),
                        conf.getDouble(ConfigKeys.RESTART_EXP_JITTER, DEFAULT_EXP_JITTER),
                        conf.getInteger(ConfigKeys.RESTART_EXP_ATTEMPTS, DEFAULT_EXP_ATTEMPTS_BEFORE_RESET),
                        clock, random);
            default:
                throw invalid(quoted(ConfigKeys.RESTART_STRATEGY_TYPE), "'" + type + "'", ALLOWED_TYPES);
        }
    }

    private static RestartBackoffTimeStrategy fixedDelay(Source src, int attempts, Duration delay) {
        return new FixedDelayRestartStrategy(
                atLeast(Param.FIXED_DELAY_ATTEMPTS.nameIn(src), attempts, 0),
                nonNegativeMillis(Param.FIXED_DELAY_DELAY.nameIn(src), delay));
    }

    private static RestartBackoffTimeStrategy failureRate(Source src, int maxFailures, Duration interval,
            Duration delay, Clock clock) {
        return new FailureRateRestartStrategy(
                atLeast(Param.FAILURE_RATE_MAX.nameIn(src), maxFailures, 1),
                positiveMillis(Param.FAILURE_RATE_INTERVAL.nameIn(src), interval),
                nonNegativeMillis(Param.FAILURE_RATE_DELAY.nameIn(src), delay),
                clock);
    }

    private static RestartBackoffTimeStrategy exponentialDelay(Source src, Duration initial, Duration max,
            double multiplier, Duration resetThreshold, double jitter, int attempts, Clock clock, Random random) {
        long initialMillis = positiveMillis(Param.EXP_INITIAL.nameIn(src), initial);
        long maxMillis = positiveMillis(Param.EXP_MAX.nameIn(src), max);
        if (maxMillis < initialMillis) {
            throw invalid(Param.EXP_MAX.nameIn(src), maxMillis + " ms",
                    "a duration at least " + Param.EXP_INITIAL.nameIn(src) + " (" + initialMillis + " ms)");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw invalid(Param.EXP_MULTIPLIER.nameIn(src), Double.toString(multiplier), "a finite number >= 1.0");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw invalid(Param.EXP_JITTER.nameIn(src), Double.toString(jitter), "a number from 0.0 to 1.0");
        }
        return new ExponentialDelayRestartStrategy(initialMillis, maxMillis, multiplier,
                positiveMillis(Param.EXP_RESET.nameIn(src), resetThreshold), jitter,
                attemptsBeforeReset(Param.EXP_ATTEMPTS.nameIn(src), attempts), clock, random);
    }

    /**
     * Reads a duration key. Configuration turns unparsable text into an IllegalConfigurationException but
     * lets java.time's overflow (say, {@code 200000000000000 d}) escape as an ArithmeticException.
     */
    private static Duration duration(Configuration conf, String key, Duration defaultValue) {
        try {
            return conf.getDuration(key, defaultValue);
        } catch (ArithmeticException tooLarge) {
            throw invalid(quoted(key), "'" + conf.getString(key, null) + "'",
                    "a duration that fits in a long of milliseconds");
        }
    }

    private static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw invalid(name, Integer.toString(value), "an integer >= " + min);
        }
        return value;
    }

    private static int attemptsBeforeReset(String name, int value) {
        if (value < 1) {
            throw invalid(name, Integer.toString(value),
                    "an integer >= 1 (" + Integer.MAX_VALUE + ", the default, means unlimited)");
        }
        return value;
    }

    private static long nonNegativeMillis(String name, Duration d) {
        long millis = toMillis(name, d, "a duration >= 0 ms");
        if (millis < 0) {
            throw invalid(name, millis + " ms", "a duration >= 0 ms");
        }
        return millis;
    }

    private static long positiveMillis(String name, Duration d) {
        long millis = toMillis(name, d, "a duration of at least 1 ms");
        if (millis < 1) {
            throw invalid(name, millis + " ms", "a duration of at least 1 ms");
        }
        return millis;
    }

    private static long toMillis(String name, Duration d, String allowed) {
        if (d == null) {
            throw invalid(name, "null", allowed);
        }
        try {
            return d.toMillis();
        } catch (ArithmeticException tooLarge) {
            throw invalid(name, d.toString(), allowed + " that fits in a long of milliseconds");
        }
    }

    private static IllegalConfigurationException invalid(String name, String value, String allowed) {
        return new IllegalConfigurationException(
                "Invalid restart strategy setting: " + name + " = " + value + "; allowed: " + allowed + ".");
    }

    private static String quoted(String key) {
        return "'" + key + "'";
    }

    /** Where a setting came from, which decides how an error message names it. */
    private enum Source { API, CONFIG }

    /** Every restart parameter, with its configuration key and its {@code RestartStrategies} name. */
    private enum Param {
        FIXED_DELAY_ATTEMPTS(ConfigKeys.RESTART_FIXED_DELAY_ATTEMPTS, "fixedDelayRestart(restartAttempts)"),
        FIXED_DELAY_DELAY(ConfigKeys.RESTART_FIXED_DELAY_DELAY, "fixedDelayRestart(delayBetweenAttempts)"),
        FAILURE_RATE_MAX(ConfigKeys.RESTART_FAILURE_RATE_MAX, "failureRateRestart(maxFailuresPerInterval)"),
        FAILURE_RATE_INTERVAL(ConfigKeys.RESTART_FAILURE_RATE_INTERVAL, "failureRateRestart(failureInterval)"),
        FAILURE_RATE_DELAY(ConfigKeys.RESTART_FAILURE_RATE_DELAY, "failureRateRestart(delayInterval)"),
        EXP_INITIAL(ConfigKeys.RESTART_EXP_INITIAL, "exponentialDelayRestart(initialBackoff)"),
        EXP_MAX(ConfigKeys.RESTART_EXP_MAX, "exponentialDelayRestart(maxBackoff)"),
        EXP_MULTIPLIER(ConfigKeys.RESTART_EXP_MULTIPLIER, "exponentialDelayRestart(backoffMultiplier)"),
        EXP_RESET(ConfigKeys.RESTART_EXP_RESET, "exponentialDelayRestart(resetBackoffThreshold)"),
        EXP_JITTER(ConfigKeys.RESTART_EXP_JITTER, "exponentialDelayRestart(jitterFactor)"),
        /** Configuration only; the API setting always uses the unlimited default. */
        EXP_ATTEMPTS(ConfigKeys.RESTART_EXP_ATTEMPTS, null);

        private final String configKey;
        private final String apiName;

        Param(String configKey, String apiName) {
            this.configKey = configKey;
            this.apiName = apiName;
        }

        String nameIn(Source source) {
            return source == Source.API && apiName != null ? "RestartStrategies." + apiName : quoted(configKey);
        }
    }
}
