package org.revos.runtime.internal.query;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy stream over pages fetched one after another; nothing stays open between pages, so callers need not close
 * the stream. The page function receives the last element of the previous page ({@code null} first).
 */
final class Pages {

    static final int SIZE = 500;

    private Pages() {
    }

    static <T> Stream<T> stream(BiFunction<T, Integer, List<T>> page) {
        Iterator<T> iterator = new Iterator<>() {
            private List<T> current = null;
            private int index = 0;
            private boolean exhausted = false;

            @Override
            public boolean hasNext() {
                if (current != null && index < current.size()) {
                    return true;
                }
                if (exhausted) {
                    return false;
                }
                T last = current == null || current.isEmpty() ? null : current.get(current.size() - 1);
                current = page.apply(last, SIZE);
                index = 0;
                exhausted = current.size() < SIZE;
                return !current.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.get(index++);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }
}
