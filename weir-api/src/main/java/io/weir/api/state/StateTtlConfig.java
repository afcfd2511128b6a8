package io.weir.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state, as Flink's {@code StateTtlConfig}: a value (or a list element, or a map entry) not
 * written (or, with {@link UpdateType#OnReadAndWrite}, not read) for longer than the TTL is expired. Enable it on a
 * descriptor with {@link StateDescriptor#enableTimeToLive} before the state is first used.
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *         .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
 *         .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *         .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 *
 * <p>Time is the operator's processing time (the simulator's virtual time in simulations), as in Flink; the last
 * access time is stored with each value and checkpointed, so a restored value expires when it would have. Expired
 * values are removed when they are read; with {@link Builder#cleanupFullSnapshot()} also from every checkpoint (the
 * default strategy in Weir's heap backend); {@link Builder#cleanupIncrementally} is accepted and behaves like cleanup
 * on read plus at checkpoints (Weir does not walk the state between records). State written with TTL cannot be
 * restored without it, and the other way round (as in Flink): the restore is refused naming the state. Immutable.
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which accesses renew a value's time to live. */
    public enum UpdateType {
        /** TTL disabled: values never expire. */
        Disabled,
        /** Creating and writing a value renews it (the default). */
        OnCreateAndWrite,
        /** Reading renews it too. */
        OnReadAndWrite
    }

    /** Whether an expired value that is still stored may be returned. */
    public enum StateVisibility {
        /** An expired value is returned once, on the read that removes it. */
        ReturnExpiredIfNotCleanedUp,
        /** An expired value is never returned (the default). */
        NeverReturnExpired
    }

    /** The time TTL is measured in; processing time only, as in Flink. */
    public enum TtlTimeCharacteristic {
        /** The operator's processing time. */
        ProcessingTime
    }

    /** A TTL config that disables TTL. */
    public static final StateTtlConfig DISABLED = new StateTtlConfig(UpdateType.Disabled, StateVisibility.NeverReturnExpired, Duration.ofMillis(Long.MAX_VALUE), true);

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final Duration ttl;
    private final boolean cleanupFullSnapshot;

    private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility, Duration ttl, boolean cleanupFullSnapshot) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttl = ttl;
        this.cleanupFullSnapshot = cleanupFullSnapshot;
    }

    /**
     * A builder for a TTL of {@code ttl}.
     *
     * @throws IllegalArgumentException if {@code ttl} is not positive
     */
    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    /** Which accesses renew a value. */
    public UpdateType getUpdateType() {
        return updateType;
    }

    /** Whether expired values may be returned. */
    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    /** The time to live. */
    public Duration getTimeToLive() {
        return ttl;
    }

    /** Always {@link TtlTimeCharacteristic#ProcessingTime}. */
    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return TtlTimeCharacteristic.ProcessingTime;
    }

    /** Whether TTL is on. */
    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    /** Whether expired values are left out of checkpoints. */
    public boolean isCleanupInFullSnapshot() {
        return cleanupFullSnapshot;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StateTtlConfig)) {
            return false;
        }
        StateTtlConfig c = (StateTtlConfig) o;
        return c.updateType == updateType && c.stateVisibility == stateVisibility && c.ttl.equals(ttl) && c.cleanupFullSnapshot == cleanupFullSnapshot;
    }

    @Override
    public int hashCode() {
        return Objects.hash(updateType, stateVisibility, ttl, cleanupFullSnapshot);
    }

    @Override
    public String toString() {
        return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", visibility=" + stateVisibility + "}";
    }

    /** Builds a {@link StateTtlConfig}; not thread-safe. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private Duration ttl;
        private boolean cleanupFullSnapshot = true;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        /** Sets which accesses renew a value. */
        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        /** Creating and writing renew a value (the default). */
        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        /** Reading renews a value too. */
        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        /** Sets whether expired values may be returned. */
        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        /** An expired value is returned once, on the read that removes it. */
        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        /** Expired values are never returned (the default). */
        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        /** Accepted: processing time is the only time characteristic. */
        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            Objects.requireNonNull(characteristic, "characteristic");
            return this;
        }

        /** Leaves expired values out of every checkpoint (Weir's default). */
        public Builder cleanupFullSnapshot() {
            cleanupFullSnapshot = true;
            return this;
        }

        /**
         * Accepted for compatibility; Weir cleans expired values on read and at checkpoints instead of walking
         * {@code cleanupSize} entries per access.
         *
         * @throws IllegalArgumentException if {@code cleanupSize} is not positive
         */
        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            if (cleanupSize <= 0) {
                throw new IllegalArgumentException("cleanupIncrementally: cleanupSize must be positive, was " + cleanupSize + ".");
            }
            cleanupFullSnapshot = true;
            return this;
        }

        /** Keeps expired values in checkpoints until they are read (they are removed on read only). */
        public Builder disableCleanupInBackground() {
            cleanupFullSnapshot = false;
            return this;
        }

        /**
         * Sets the time to live.
         *
         * @throws IllegalArgumentException if {@code ttl} is not positive
         */
        public Builder setTtl(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("A state TTL must be positive, was " + ttl + ".");
            }
            this.ttl = ttl;
            return this;
        }

        /** The config. */
        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, stateVisibility, ttl, cleanupFullSnapshot);
        }
    }
}
