package org.revos.runtime.internal.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Holds requests while a plugin or engine is being swapped. The plugin lifecycle {@linkplain #close closes} the gate
 * before it stops, starts or discards a bundle and {@linkplain #open opens} it once the new revision (or the restored
 * old one) is registered and the REST runtime serves it. A request that arrives meanwhile {@linkplain #enter waits};
 * past the configured bound it is turned away, and the caller answers 503 with {@code Retry-After}. Requests already
 * inside when the gate closes are counted, so a swap can let them finish first ({@link #drain}).
 */
@Component(service = SwapGate.class)
@Designate(ocd = SwapGate.Config.class)
public final class SwapGate {

    /** How long requests wait for a swap. */
    @ObjectClassDefinition(name = "RevOS swap hold", description = "How requests are held while a plugin or engine"
            + " is installed, updated, rolled back or removed")
    public @interface Config {
        @AttributeDefinition(name = "Hold bound (ms)", description = "How long a request waits for a swap to"
                + " complete before it is answered 503 with Retry-After")
        long holdMillis() default 5000;
    }

    /** What a request got at the gate: let in after {@code waitedMillis}, or turned away while {@code swapping}. */
    public record Entry(boolean admitted, long waitedMillis, List<String> swapping) {
    }

    /** One closing of the gate, opened again by {@link #open}. */
    public record Swap(long id, String what) {
    }

    private final Object monitor = new Object();
    private final Map<Long, String> swaps = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Duration bound;
    private int inside;

    @Activate
    public SwapGate(Config config) {
        this(Duration.ofMillis(Math.max(0, config.holdMillis())));
    }

    SwapGate(Duration bound) {
        this.bound = bound;
    }

    /** @return how long a request waits at most */
    public Duration bound() {
        return bound;
    }

    /** Closes the gate for {@code what} (a plugin id, as messages name it); requests arriving from now on wait. */
    public Swap close(String what) {
        Swap swap = new Swap(ids.incrementAndGet(), what);
        synchronized (monitor) {
            swaps.put(swap.id(), what);
        }
        return swap;
    }

    /** Opens what {@code swap} closed; held requests go on once no other swap holds the gate. */
    public void open(Swap swap) {
        synchronized (monitor) {
            swaps.remove(swap.id());
            monitor.notifyAll();
        }
    }

    /**
     * Waits, up to {@code limit}, until the requests let in before the gate closed have left.
     *
     * @return whether they all left in time
     */
    public boolean drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (monitor) {
            while (inside > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * Lets a request in, waiting while a swap holds the gate, at most {@link #bound()}. A request let in must
     * {@link #leave()}.
     */
    public Entry enter() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        synchronized (monitor) {
            while (!swaps.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Entry(false, (System.nanoTime() - start) / 1_000_000, new ArrayList<>(swaps.values()));
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
            inside++;
        }
        return new Entry(true, (System.nanoTime() - start) / 1_000_000, List.of());
    }

    /** Counts out a request {@link #enter} let in. */
    public void leave() {
        synchronized (monitor) {
            inside--;
            monitor.notifyAll();
        }
    }
}
