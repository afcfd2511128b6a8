package io.weir.runtime.internal.master;

import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.api.configuration.ConfigKeys;
import io.weir.api.configuration.Configuration;

/**
 * The runtime settings of a job that are not checkpoint or restart settings, read and validated in
 * one place ({@code execute()} fails on a bad value, naming the key and the allowed values).
 *
 * @param cancellationTimeoutMillis {@link ConfigKeys#TASK_CANCELLATION_TIMEOUT}
 * @param batchSize                 {@link ConfigKeys#CHANNEL_BATCH_SIZE}
 * @param objectReuse               {@link ConfigKeys#OBJECT_REUSE}
 * @param localRecovery             {@link ConfigKeys#LOCAL_RECOVERY}
 * @param allowRewind               {@link ConfigKeys#RESTORE_ALLOW_REWIND}
 */
record JobSettings(long cancellationTimeoutMillis, int batchSize, boolean objectReuse, boolean localRecovery, boolean allowRewind) {
    static final int MAX_BATCH_SIZE = 65_536;

    static JobSettings of(Configuration conf) {
        long timeout = conf.getDuration(ConfigKeys.TASK_CANCELLATION_TIMEOUT, java.time.Duration.ofSeconds(30)).toMillis();
        if (timeout < 1) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.TASK_CANCELLATION_TIMEOUT + "' = " + timeout
                    + " ms; allowed: at least 1 ms (for example '30 s').");
        }
        int batch = conf.getInteger(ConfigKeys.CHANNEL_BATCH_SIZE, 512);
        if (batch < 1 || batch > MAX_BATCH_SIZE) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.CHANNEL_BATCH_SIZE + "' = " + batch
                    + "; allowed: 1 to " + MAX_BATCH_SIZE + ".");
        }
        String mode = conf.getString(ConfigKeys.RUNTIME_MODE, "STREAMING");
        if (!mode.equalsIgnoreCase("STREAMING")) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.RUNTIME_MODE + "' = " + mode + "; Weir runs jobs in"
                    + " STREAMING mode only (Flink's BATCH execution, also chosen by AUTOMATIC for bounded jobs, gives different results,"
                    + " which Weir does not imitate). Remove the setting or set it to STREAMING.");
        }
        String backend = conf.getString(ConfigKeys.STATE_BACKEND_TYPE, "hashmap");
        if (!backend.equalsIgnoreCase("hashmap")) {
            throw new IllegalConfigurationException("Invalid configuration: '" + ConfigKeys.STATE_BACKEND_TYPE + "' = " + backend + "; this Weir"
                    + " has the 'hashmap' state backend (state on the heap) only. Remove the setting or set it to hashmap.");
        }
        return new JobSettings(timeout, batch, conf.getBoolean(ConfigKeys.OBJECT_REUSE, false), conf.getBoolean(ConfigKeys.LOCAL_RECOVERY, true),
                conf.getBoolean(ConfigKeys.RESTORE_ALLOW_REWIND, false));
    }
}
