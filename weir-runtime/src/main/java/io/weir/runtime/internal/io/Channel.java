package io.weir.runtime.internal.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded single-producer single-consumer queue of {@link RecordBatch}es and {@link StreamEvent}s
 * between two subtasks. A full channel blocks the producer: that is backpressure. Records pass by
 * reference.
 */
public final class Channel {
    private final Object[] slots;
    private final int mask;
    private final AtomicLong head = new AtomicLong(); // next slot to read; written by the consumer
    private final AtomicLong tail = new AtomicLong(); // next slot to write; written by the producer
    private final Wakeup consumerWakeup;
    private final Wakeup producerWakeup = new Wakeup();
    private final int index;

    /** @param capacity a power of two; @param index this channel's position among the consumer's inputs */
    public Channel(int capacity, Wakeup consumerWakeup, int index) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("channel capacity must be a power of two: " + capacity);
        }
        this.slots = new Object[capacity];
        this.mask = capacity - 1;
        this.consumerWakeup = consumerWakeup;
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** Producer side: offers without blocking; returns false when full. */
    public boolean offer(Object element) {
        long t = tail.get();
        if (t - head.get() >= slots.length) {
            return false;
        }
        slots[(int) (t & mask)] = element;
        tail.lazySet(t + 1);
        consumerWakeup.signal();
        return true;
    }

    /**
     * Producer side: waits while the channel is full (backpressure). Returns false if the wait was
     * abandoned because {@code stop} became true (cancellation).
     */
    public boolean put(Object element, java.util.function.BooleanSupplier stop) {
        while (!offer(element)) {
            producerWakeup.prepare();
            if (isFull()) {
                if (stop.getAsBoolean()) {
                    producerWakeup.cancelPrepare();
                    return false;
                }
                producerWakeup.park(1_000_000L);
            } else {
                producerWakeup.cancelPrepare();
            }
        }
        return true;
    }

    private boolean isFull() {
        return tail.get() - head.get() >= slots.length;
    }

    /** Consumer side: the next element, or null when empty. */
    public Object poll() {
        long h = head.get();
        if (h >= tail.get()) {
            return null;
        }
        int i = (int) (h & mask);
        Object e = slots[i];
        slots[i] = null;
        head.lazySet(h + 1);
        producerWakeup.signal();
        return e;
    }

    public boolean isEmpty() {
        return head.get() >= tail.get();
    }

    public int queued() {
        return (int) (tail.get() - head.get());
    }
}
