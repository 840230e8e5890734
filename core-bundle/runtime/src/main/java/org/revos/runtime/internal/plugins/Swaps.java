package org.revos.runtime.internal.plugins;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.revos.runtime.internal.gateway.SwapGate;

/**
 * The request-holding side of plugin operations. {@link #begin} closes the {@link SwapGate} and lets the requests
 * already inside finish (bounded); {@link Swap#finish} hands the gate to a thread of its own that opens it once the
 * REST whiteboard serves the bundle that now runs and has dropped the ones that went. That cannot happen inside the
 * operation: the whiteboard reloads an application only after the requests in it, an upload among them, are done.
 */
final class Swaps {

    private static final Logger LOG = Logger.getLogger(Swaps.class.getName());

    private final SwapGate gate;
    private final RestRuntime rest;
    private final ExecutorService openers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "revos-swap-open");
        t.setDaemon(true);
        return t;
    });

    Swaps(SwapGate gate, RestRuntime rest) {
        this.gate = gate;
        this.rest = rest;
    }

    /** Closes the gate for plugin {@code id}, whose running revision (if any) is {@code running}. */
    Swap begin(String id, Bundle running) throws InterruptedException {
        SwapGate.Swap closed = gate.close(id);
        try {
            if (!gate.drain(gate.bound())) {
                LOG.warning("Swapping " + id + ": requests still running after " + gate.bound().toMillis()
                        + " ms; going ahead");
            }
        } catch (InterruptedException e) {
            gate.open(closed);
            throw e;
        }
        Swap swap = new Swap(closed);
        swap.leaving(running);
        return swap;
    }

    void shutdown() {
        openers.shutdownNow();
    }

    /** One swap in progress: the REST services that must disappear before held requests go on. */
    final class Swap {
        private final SwapGate.Swap closed;
        private final Set<Long> gone = new HashSet<>();

        private Swap(SwapGate.Swap closed) {
            this.closed = closed;
        }

        /** Notes that {@code bundle} (if not null) is about to stop: its REST services go. */
        void leaving(Bundle bundle) {
            if (bundle != null) {
                gone.addAll(PluginHealth.restServices(bundle));
            }
        }

        /** Opens the gate once the whiteboard serves {@code running} (null when nothing of the plugin runs). */
        void finish(Bundle running) {
            Set<Long> served = running == null ? Set.of() : PluginHealth.restServices(running);
            Set<Long> leaving = Set.copyOf(gone);
            Runnable open = () -> {
                try {
                    if (!rest.awaitServed(served, leaving, gate.bound())) {
                        LOG.warning("The REST whiteboard had not applied the swap of " + closed.what() + " after "
                                + gate.bound().toMillis() + " ms; requests go on");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    gate.open(closed);
                }
            };
            try {
                openers.execute(open);
            } catch (RejectedExecutionException stopping) {
                gate.open(closed);
            }
        }
    }
}
