package io.weir.runtime.internal.io;

/** Control events that travel in-band with records through channels. */
public abstract class StreamEvent {
    private StreamEvent() {}

    /** Checkpoint barrier n: everything before it belongs to checkpoint n, everything after does not. */
    public static final class Barrier extends StreamEvent {
        public final long checkpointId;
        public final long timestamp;

        public Barrier(long checkpointId, long timestamp) {
            this.checkpointId = checkpointId;
            this.timestamp = timestamp;
        }

        @Override
        public String toString() {
            return "Barrier(" + checkpointId + ")";
        }
    }

    /**
     * An unaligned checkpoint barrier, sent through a channel's priority lane: it logically sits
     * before the element with sequence number {@code mark}, overtaking the elements queued before it.
     */
    public static final class PriorityBarrier extends StreamEvent {
        public final long checkpointId;
        public final long timestamp;
        public final long mark;

        public PriorityBarrier(long checkpointId, long timestamp, long mark) {
            this.checkpointId = checkpointId;
            this.timestamp = timestamp;
            this.mark = mark;
        }

        @Override
        public String toString() {
            return "PriorityBarrier(" + checkpointId + " @" + mark + ")";
        }
    }

    /** Event-time progress: no record with a smaller timestamp follows on this channel. */
    public static final class Watermark extends StreamEvent {
        public final long timestamp;

        public Watermark(long timestamp) {
            this.timestamp = timestamp;
        }

        @Override
        public String toString() {
            return "Watermark(" + timestamp + ")";
        }
    }

    /**
     * The channel's producer became idle (its watermarks no longer hold back event time downstream)
     * or active again. See {@code WatermarkStrategy.withIdleness}.
     */
    public static final class WatermarkStatus extends StreamEvent {
        public static final WatermarkStatus IDLE = new WatermarkStatus(true);
        public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);

        public final boolean idle;

        private WatermarkStatus(boolean idle) {
            this.idle = idle;
        }

        @Override
        public String toString() {
            return idle ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
        }
    }

    /** No more records on this channel; barriers may still follow (the final checkpoint). */
    public static final EndOfData END_OF_DATA = new EndOfData();
    /** Nothing at all follows on this channel. */
    public static final EndOfPartition END_OF_PARTITION = new EndOfPartition();

    /** See {@link #END_OF_DATA}. */
    public static final class EndOfData extends StreamEvent {
        @Override
        public String toString() {
            return "EndOfData";
        }
    }

    /** See {@link #END_OF_PARTITION}. */
    public static final class EndOfPartition extends StreamEvent {
        @Override
        public String toString() {
            return "EndOfPartition";
        }
    }
}
