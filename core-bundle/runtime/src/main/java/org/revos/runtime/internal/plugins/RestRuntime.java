package org.revos.runtime.internal.plugins;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;

/**
 * The Jakarta REST whiteboard as the plugin lifecycle sees it. The whiteboard may come and go (it restarts when its
 * configuration changes), so it is referenced dynamically: without it there is nothing to check a plugin's REST
 * resources against. Every change the whiteboard applies bumps its service's change count; that is what
 * {@link #awaitServed} waits on.
 */
@Component(service = RestRuntime.class)
public final class RestRuntime {

    private final Object changes = new Object();
    private volatile JakartarsServiceRuntime whiteboard;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, updated = "changed")
    void bind(JakartarsServiceRuntime runtime) {
        whiteboard = runtime;
        changed(runtime);
    }

    void changed(JakartarsServiceRuntime runtime) {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    void unbind(JakartarsServiceRuntime runtime) {
        if (whiteboard == runtime) {
            whiteboard = null;
        }
        changed(runtime);
    }

    /** @return the status of the given resource and extension services; empty when no whiteboard is running */
    public Optional<RestStatus> status(Set<Long> serviceIds) {
        JakartarsServiceRuntime current = whiteboard;
        return current == null ? Optional.empty() : Optional.of(RestStatus.of(current.getRuntimeDTO(), serviceIds));
    }

    /**
     * Waits, up to {@code bound}, until the whiteboard has applied a swap: every service of {@code served} is
     * processed (served or refused) and none of {@code gone} is known to it any more. The whiteboard updates its
     * runtime DTO only after it has reloaded the application's container, so once this returns true the requests
     * it dispatches meet the new set of resources.
     *
     * @return whether the whiteboard got there in time (also true when no whiteboard runs: nothing to wait for)
     */
    public boolean awaitServed(Set<Long> served, Set<Long> gone, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        Set<Long> all = new HashSet<>(served);
        all.addAll(gone);
        synchronized (changes) {
            while (true) {
                Optional<RestStatus> status = status(all);
                if (status.isEmpty() || status.get().applied(served, gone)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changes.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
