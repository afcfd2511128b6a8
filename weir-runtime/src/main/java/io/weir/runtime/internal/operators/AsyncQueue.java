package io.weir.runtime.internal.operators;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/**
 * The elements and watermarks an async operator holds, and the order in which it may emit them: in arrival order
 * ({@link #ordered()}), or as elements complete but never across a watermark ({@link #unordered()}). Task thread only.
 */
abstract class AsyncQueue {

    /** One held element or watermark. */
    abstract static class Entry {}

    /** A held watermark: emitted once every element before it was. */
    static final class Watermark extends Entry {
        final long timestamp;

        Watermark(long timestamp) {
            this.timestamp = timestamp;
        }
    }

    /**
     * A held element and the state of its request. The operator owns every field (task thread); {@code results} is
     * set once, when the request's final completion arrives.
     */
    static final class Element extends Entry {
        final Object value;
        final long timestamp;
        Collection<?> results;
        /** The element's results are ready to be emitted. */
        boolean done;
        /** Attempts started so far. */
        int attempts;
        /** The future of the running attempt; completions of any other are stale and ignored. */
        Object currentAttempt;
        /** The future handed to {@code timeout()}, once the timeout fired. */
        Object timeoutFuture;
        /** A retry waits for its backoff timer. */
        boolean retryPending;
        /** Processing time at which the request times out. */
        long deadline;
        /** The unordered queue's segment holding this element. */
        Segment segment;

        Element(Object value, long timestamp) {
            this.value = value;
            this.timestamp = timestamp;
        }
    }

    /** Where the queue emits to. */
    interface Emitter {
        void element(Element e);

        void watermark(long watermark);
    }

    static AsyncQueue ordered() {
        return new Ordered();
    }

    static AsyncQueue unordered() {
        return new Unordered();
    }

    /** Holds {@code e} after everything held so far. */
    abstract void add(Entry e);

    /** {@code e} (held here) has just become done. */
    abstract void completed(Element e);

    /** Emits, and stops holding, every entry whose turn has come. */
    abstract void emitReady(Emitter out);

    /** How many entries are held. */
    abstract int size();

    /** The held entries in arrival order (what a checkpoint stores). */
    abstract void forEach(Consumer<Entry> action);

    /** Arrival order: an entry is emitted once it and everything before it is done. */
    private static final class Ordered extends AsyncQueue {
        private final ArrayDeque<Entry> entries = new ArrayDeque<>();

        @Override
        void add(Entry e) {
            entries.add(e);
        }

        @Override
        void completed(Element e) {}

        @Override
        void emitReady(Emitter out) {
            while (!entries.isEmpty()) {
                Entry head = entries.peek();
                if (head instanceof Watermark) {
                    out.watermark(((Watermark) head).timestamp);
                } else if (((Element) head).done) {
                    out.element((Element) head);
                } else {
                    return;
                }
                entries.poll();
            }
        }

        @Override
        int size() {
            return entries.size();
        }

        @Override
        void forEach(Consumer<Entry> action) {
            entries.forEach(action);
        }
    }

    /** A watermark, or the elements between two watermarks. */
    static final class Segment {
        final Watermark watermark;
        /** Elements not yet emitted, in arrival order. */
        final LinkedHashSet<Element> held = new LinkedHashSet<>();
        /** Done elements, in the order they completed. */
        final ArrayDeque<Element> ready = new ArrayDeque<>();

        Segment(Watermark watermark) {
            this.watermark = watermark;
        }
    }

    /**
     * Completion order within the elements between two watermarks: the first segment's done elements are emitted as
     * they complete; a watermark when the segments before it are empty, so no element crosses a watermark.
     */
    private static final class Unordered extends AsyncQueue {
        private final ArrayDeque<Segment> segments = new ArrayDeque<>();
        private int size;

        @Override
        void add(Entry e) {
            size++;
            if (e instanceof Watermark) {
                segments.add(new Segment((Watermark) e));
                return;
            }
            Segment last = segments.peekLast();
            if (last == null || last.watermark != null) {
                last = new Segment(null);
                segments.add(last);
            }
            last.held.add((Element) e);
            ((Element) e).segment = last;
        }

        @Override
        void completed(Element e) {
            e.segment.ready.add(e);
        }

        @Override
        void emitReady(Emitter out) {
            Segment first;
            while ((first = segments.peek()) != null) {
                if (first.watermark != null) {
                    size--;
                    segments.poll();
                    out.watermark(first.watermark.timestamp);
                    continue;
                }
                Element e;
                while ((e = first.ready.poll()) != null) {
                    size--;
                    first.held.remove(e);
                    out.element(e);
                }
                if (!first.held.isEmpty()) {
                    return;
                }
                segments.poll();
            }
        }

        @Override
        int size() {
            return size;
        }

        @Override
        void forEach(Consumer<Entry> action) {
            for (Segment s : segments) {
                if (s.watermark != null) {
                    action.accept(s.watermark);
                } else {
                    s.held.forEach(action);
                }
            }
        }
    }
}
