package org.revos.runtime.internal.gateway;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counters, the concurrency cap and the per-tenant breakers of one plugin. */
final class PluginStats {

    /** Consecutive failures of one (plugin, tenant) and the end of its quarantine. */
    static final class Breaker {
        int consecutiveFailures;
        long quarantinedUntil;
        boolean trialInFlight;
    }

    /** A cap that can be lowered while calls hold permits: they return them, and the lower cap holds from then on. */
    static final class Cap extends Semaphore {
        private static final long serialVersionUID = 1L;
        private int limit;

        Cap(int limit) {
            super(limit, true);
            this.limit = limit;
        }

        synchronized void resize(int newLimit) {
            if (newLimit > limit) {
                release(newLimit - limit);
            } else if (newLimit < limit) {
                reducePermits(limit - newLimit);
            }
            limit = newLimit;
        }
    }

    final String pluginId;
    final Cap permits;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong totalMillis = new AtomicLong();
    final AtomicLong maxMillis = new AtomicLong();
    final AtomicReference<String> lastError = new AtomicReference<>();
    final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    PluginStats(String pluginId, int maxConcurrent) {
        this.pluginId = pluginId;
        this.permits = new Cap(maxConcurrent);
    }

    void recordLatency(long millis) {
        totalMillis.addAndGet(millis);
        maxMillis.accumulateAndGet(millis, Math::max);
    }

    CallRecord snapshot(long now) {
        Set<String> quarantined = new TreeSet<>();
        breakers.forEach((tenant, b) -> {
            synchronized (b) {
                if (b.quarantinedUntil > now || b.trialInFlight) {
                    quarantined.add(tenant);
                }
            }
        });
        long n = calls.get();
        return new CallRecord(pluginId, n, failures.get(), timeouts.get(), rejected.get(),
                n == 0 ? 0 : (double) totalMillis.get() / n, maxMillis.get(), quarantined, lastError.get());
    }
}
