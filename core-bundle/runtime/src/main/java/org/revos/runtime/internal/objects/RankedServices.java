package org.revos.runtime.internal.objects;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Whiteboard services the object engine calls in order: highest service ranking first, then the order they came in.
 * Reads (every object write) never lock; the rare registrations replace the list.
 *
 * @param <T> the service interface
 */
final class RankedServices<T> implements Iterable<T> {

    private record Registered<T>(Object key, int ranking, long order, T service) {
    }

    private final List<Registered<T>> services = new CopyOnWriteArrayList<>();

    /** Adds a service registered in the framework, keyed by its reference. */
    void add(ServiceReference<?> ref, T service) {
        add(ref, ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0,
                (Long) ref.getProperty(Constants.SERVICE_ID), service);
    }

    synchronized void add(Object key, int ranking, long order, T service) {
        services.add(new Registered<>(key, ranking, order, service));
        services.sort(Comparator.<Registered<T>>comparingInt(Registered::ranking).reversed()
                .thenComparingLong(Registered::order));
    }

    void remove(Object key) {
        services.removeIf(r -> r.key().equals(key));
    }

    boolean isEmpty() {
        return services.isEmpty();
    }

    @Override
    public Iterator<T> iterator() {
        return services.stream().map(Registered::service).iterator();
    }
}
