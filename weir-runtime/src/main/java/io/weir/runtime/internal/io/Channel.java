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
    private final Wakeup producerWakeup;
    private final int index;
    /** Events that overtake the queued data (unaligned checkpoint barriers); never full. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Object> priority = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param capacity       a power of two
     * @param consumerWakeup woken when data or a priority event arrives
     * @param producerWakeup woken when the consumer frees a slot
     * @param index          this channel's position among the consumer's inputs
     */
    public Channel(int capacity, Wakeup consumerWakeup, Wakeup producerWakeup, int index) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("channel capacity must be a power of two: " + capacity);
        }
        this.slots = new Object[capacity];
        this.mask = capacity - 1;
        this.consumerWakeup = consumerWakeup;
        this.producerWakeup = producerWakeup;
        this.index = index;
    }

    /** Convenience for tests: a channel whose producer has its own wake-up. */
    public Channel(int capacity, Wakeup consumerWakeup, int index) {
        this(capacity, consumerWakeup, new Wakeup(), index);
    }

    /** Producer side: sends an event that overtakes everything queued. Never blocks. */
    public void offerPriority(Object event) {
        priority.add(event);
        consumerWakeup.signal();
    }

    /** Consumer side: the next priority event, or null. */
    public Object pollPriority() {
        return priority.isEmpty() ? null : priority.poll();
    }

    public boolean hasPriority() {
        return !priority.isEmpty();
    }

    /** Producer side: number of elements ever enqueued (the sequence number of the next one). */
    public long enqueuedCount() {
        return tail.get();
    }

    /** Consumer side: number of elements ever dequeued (the sequence number of the next one to read). */
    public long dequeuedCount() {
        return head.get();
    }

    /** Consumer side: the queued element with sequence number {@code seq} (dequeuedCount <= seq < enqueuedCount), without removing it. */
    public Object peek(long seq) {
        if (seq < head.get() || seq >= tail.get()) {
            throw new IllegalArgumentException("sequence " + seq + " is not queued");
        }
        return slots[(int) (seq & mask)];
    }

    /** Producer side: whether {@code n} more elements fit without blocking. */
    public boolean hasCapacity(int n) {
        return tail.get() - head.get() <= slots.length - n;
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
