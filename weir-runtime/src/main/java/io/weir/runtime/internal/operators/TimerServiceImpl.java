package io.weir.runtime.internal.operators;

import io.weir.api.functions.TimeDomain;
import io.weir.api.functions.TimerService;
import io.weir.runtime.internal.state.HeapKeyedStateBackend;

import java.util.Map;

/**
 * Event-time and processing-time timers of a keyed operator. The set of timers lives in keyed
 * state (one map per key: timestamp to marker), so it is deduplicated per key and time, stored by
 * key group, and snapshotted copy-on-write with the rest of the keyed state. Priority queues
 * order the firing; a queued timer no longer in the set was deleted and is skipped.
 */
final class TimerServiceImpl implements TimerService {

    /** Fires one timer with the key already set as current key. */
    interface Target {
        void onTimer(long timestamp, TimeDomain domain) throws Exception;
    }

    private record Timer(long timestamp, Object key, int keyGroup) {}

    private static final String EVENT_TIMERS = "__weir_event_timers";
    private static final String PROC_TIMERS = "__weir_processing_timers";

    private final HeapKeyedStateBackend keyed;
    private final ProcessingTimeService processingTime;
    private final Target target;
    private final HeapKeyedStateBackend.LongSet eventSet;
    private final HeapKeyedStateBackend.LongSet procSet;
    /** Timestamp order; ties broken by key group and key so that firing order does not depend on insertion (or restore) order. */
    private static final java.util.Comparator<Timer> ORDER = (a, b) -> {
        int c = Long.compare(a.timestamp, b.timestamp);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.keyGroup, b.keyGroup);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.key.hashCode(), b.key.hashCode());
        return c != 0 ? c : String.valueOf(a.key).compareTo(String.valueOf(b.key));
    };

    /**
     * Timers bucketed by timestamp: many timers share one (every key's window ends at the same
     * time), so a sorted map of buckets is much cheaper than a heap of timers. A bucket is sorted
     * by {@link #ORDER} when it fires.
     */
    static final class TimerQueue {
        private final java.util.TreeMap<Long, java.util.ArrayList<Timer>> buckets = new java.util.TreeMap<>();
        private java.util.ArrayList<Timer> lastBucket;
        private long lastTimestamp = Long.MIN_VALUE;

        void add(Timer t) {
            if (lastBucket != null && lastTimestamp == t.timestamp) {
                lastBucket.add(t);
                return;
            }
            lastBucket = buckets.computeIfAbsent(t.timestamp, k -> new java.util.ArrayList<>());
            lastTimestamp = t.timestamp;
            lastBucket.add(t);
        }

        boolean isEmpty() {
            return buckets.isEmpty();
        }

        long firstTimestamp() {
            return buckets.firstKey();
        }

        /** Removes and returns the earliest bucket, in firing order. */
        java.util.List<Timer> pollFirst() {
            java.util.ArrayList<Timer> b = buckets.pollFirstEntry().getValue();
            if (b == lastBucket) {
                lastBucket = null;
            }
            b.sort(ORDER);
            return b;
        }
    }

    private final TimerQueue eventQueue = new TimerQueue();
    private final TimerQueue procQueue = new TimerQueue();
    private long currentWatermark = Long.MIN_VALUE;
    private long scheduledWakeup = Long.MAX_VALUE;

    TimerServiceImpl(HeapKeyedStateBackend keyed, ProcessingTimeService processingTime, Target target) throws Exception {
        this.keyed = keyed;
        this.processingTime = processingTime;
        this.target = target;
        this.eventSet = keyed.getLongSet(EVENT_TIMERS);
        this.procSet = keyed.getLongSet(PROC_TIMERS);
        rebuild(EVENT_TIMERS, eventQueue);
        rebuild(PROC_TIMERS, procQueue);
        if (!procQueue.isEmpty()) {
            schedule(procQueue.firstTimestamp());
        }
    }

    @SuppressWarnings("unchecked")
    private void rebuild(String name, TimerQueue queue) throws Exception {
        keyed.forEachEntry(name, (key, kg, value) -> {
            for (Long ts : ((Map<Long, Boolean>) value).keySet()) {
                queue.add(new Timer(ts, key, kg));
            }
        });
    }

    @Override
    public long currentProcessingTime() {
        return processingTime.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        try {
            if (procSet.add(time)) {
                procQueue.add(new Timer(time, keyed.getCurrentKey(), keyed.getCurrentKeyGroup()));
                if (time < scheduledWakeup) {
                    schedule(time);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void registerEventTimeTimer(long time) {
        try {
            if (eventSet.add(time)) {
                eventQueue.add(new Timer(time, keyed.getCurrentKey(), keyed.getCurrentKeyGroup()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        try {
            procSet.remove(time);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        try {
            eventSet.remove(time);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fires every event-time timer at or before the watermark, in timestamp order. */
    void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        fire(eventQueue, eventSet, watermark, TimeDomain.EVENT_TIME);
    }

    private void schedule(long time) {
        scheduledWakeup = time;
        processingTime.scheduleAt(time, () -> {
            try {
                onProcessingTime();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void onProcessingTime() throws Exception {
        scheduledWakeup = Long.MAX_VALUE;
        fire(procQueue, procSet, processingTime.currentProcessingTime(), TimeDomain.PROCESSING_TIME);
        if (!procQueue.isEmpty()) {
            schedule(procQueue.firstTimestamp());
        }
    }

    private void fire(TimerQueue queue, HeapKeyedStateBackend.LongSet set, long upTo, TimeDomain domain) throws Exception {
        Object savedKey = keyed.getCurrentKey();
        int savedGroup = keyed.getCurrentKeyGroup();
        try {
            while (!queue.isEmpty() && queue.firstTimestamp() <= upTo) {
                for (Timer t : queue.pollFirst()) { // timers registered while firing land in a new bucket
                    keyed.setCurrentKey(t.key, t.keyGroup);
                    if (set.remove(t.timestamp)) { // absent: the timer was deleted
                        target.onTimer(t.timestamp, domain);
                    }
                }
            }
        } finally {
            keyed.setCurrentKey(savedKey, savedGroup);
        }
    }
}
