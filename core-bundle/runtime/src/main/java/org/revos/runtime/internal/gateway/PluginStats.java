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

    final String pluginId;
    final Semaphore permits;
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
        this.permits = new Semaphore(maxConcurrent, true);
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
