package io.weir.api.windowing.evictors;

import io.weir.api.windowing.Window;

/** What the built-in evictors share: they evict in one place, before the window function or (if asked) after it. */
abstract class BeforeOrAfterEvictor<T, W extends Window> implements Evictor<T, W> {
    private static final long serialVersionUID = 1L;

    final boolean doEvictAfter;

    BeforeOrAfterEvictor(boolean doEvictAfter) {
        this.doEvictAfter = doEvictAfter;
    }

    abstract void evict(Iterable<TimestampedValue<T>> elements, int size);

    @Override
    public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    String describe(Object setting) {
        return getClass().getSimpleName() + "(" + setting + (doEvictAfter ? ", after" : "") + ")";
    }
}
