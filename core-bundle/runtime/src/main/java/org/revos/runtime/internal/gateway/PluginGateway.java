package org.revos.runtime.internal.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.revos.kernel.spi.PluginCallFailed;

/**
 * Runs calls into plugin code on the gateway's own threads with a timeout, at most
 * {@link GatewayPolicy#maxConcurrent()} at once per plugin, and counts what happens. After
 * {@link GatewayPolicy#quarantineAfter()} consecutive failures for one tenant, the plugin is quarantined for that
 * tenant only: calls fail at once without running plugin code until the quarantine ends (then one trial call decides)
 * or an admin releases it. Other tenants and other plugins are not affected.
 */
@Component(service = PluginGateway.class, configurationPid = PluginGateway.PID)
@Designate(ocd = PluginGateway.Config.class)
public final class PluginGateway {

    /** The configuration's PID: {@code org.revos.gateway.cfg} in the deploy folder, or any ConfigAdmin client. */
    public static final String PID = "org.revos.gateway";

    /** The limits on every call into plugin code; a change applies to the next call, without a restart. */
    @ObjectClassDefinition(id = PID, name = "RevOS plugin gateway", description = "Limits on every call the runtime"
            + " makes into plugin code: time, concurrency per plugin, and the per-tenant quarantine")
    public @interface Config {
        @AttributeDefinition(name = "Call timeout (ms)", description = "How long one call may take (1-600000)")
        long timeoutMillis() default 10_000;

        @AttributeDefinition(name = "Concurrent calls per plugin", description = "Calls one plugin may run at once,"
                + " timed-out calls still running included (1-1000)")
        int maxConcurrent() default 8;

        @AttributeDefinition(name = "Queue wait (ms)", description = "How long a call waits for a free place before"
                + " it is refused as busy (0-60000)")
        long queueWaitMillis() default 500;

        @AttributeDefinition(name = "Failures before quarantine", description = "Consecutive failures for one"
                + " tenant after which the plugin is quarantined for that tenant (1-1000)")
        int quarantineAfter() default 5;

        @AttributeDefinition(name = "Quarantine (s)", description = "How long a quarantine lasts before one trial"
                + " call is let through (1-86400)")
        long quarantineSeconds() default 60;
    }

    private static final Logger LOG = Logger.getLogger(PluginGateway.class.getName());

    private volatile GatewayPolicy policy;
    private final LongSupplier clock;
    private final ExecutorService threads;
    private final ConcurrentHashMap<String, PluginStats> plugins = new ConcurrentHashMap<>();

    public PluginGateway() {
        this(GatewayPolicy.DEFAULT, System::currentTimeMillis);
    }

    /** @throws IllegalArgumentException naming every value out of range: the component does not start */
    @Activate
    public PluginGateway(Config config) {
        this(GatewayPolicy.of(config), System::currentTimeMillis);
    }

    /**
     * Applies a changed configuration to the next calls; calls running keep their places. A configuration with values
     * out of range is refused with a log entry naming them, and the limits stay as they were.
     */
    @Modified
    void modified(Config config) {
        GatewayPolicy next;
        try {
            next = GatewayPolicy.of(config);
        } catch (IllegalArgumentException e) {
            LOG.warning("Ignored the plugin gateway configuration " + PID + ": " + e.getMessage()
                    + "; the limits stay as they were");
            return;
        }
        policy = next;
        plugins.values().forEach(stats -> stats.permits.resize(next.maxConcurrent()));
        LOG.info("Plugin gateway limits now: " + next);
    }

    /** @return the limits in force */
    public GatewayPolicy policy() {
        return policy;
    }

    public PluginGateway(GatewayPolicy policy, LongSupplier clock) {
        this.policy = policy;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "revos-plugin-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    public void close() {
        threads.shutdownNow();
    }

    /**
     * Calls plugin code for a tenant.
     *
     * @param operation what is called, for messages ("kpi win_rate")
     * @throws PluginCallFailed when the plugin threw, timed out, is saturated or is quarantined for the tenant
     */
    public <T> T call(String pluginId, String tenantId, String operation, Callable<T> work) throws PluginCallFailed {
        GatewayPolicy policy = this.policy;
        PluginStats stats = plugins.computeIfAbsent(pluginId, id -> new PluginStats(id, policy.maxConcurrent()));
        stats.permits.resize(policy.maxConcurrent()); // a no-op unless the limit changed meanwhile
        PluginStats.Breaker breaker = stats.breakers.computeIfAbsent(tenantId, t -> new PluginStats.Breaker());
        boolean trial = admit(stats, breaker, tenantId, operation);
        try {
            if (!stats.permits.tryAcquire(policy.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
                stats.rejected.incrementAndGet();
                throw new PluginCallFailed(pluginId, tenantId, PluginCallFailed.Reason.SATURATED,
                        "is busy: " + policy.maxConcurrent() + " calls already running (" + operation + ")", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endTrial(breaker, trial);
            throw new PluginCallFailed(pluginId, tenantId, PluginCallFailed.Reason.SATURATED, "call interrupted", e);
        } catch (PluginCallFailed saturated) {
            endTrial(breaker, trial);
            throw saturated;
        }
        long start = clock.getAsLong();
        stats.calls.incrementAndGet();
        Permit permit = new Permit(stats);
        Future<T> future;
        try {
            future = threads.submit(() -> {
                if (!permit.claimForRun()) {
                    return null; // the caller gave up before the call started: it returned the permit
                }
                try {
                    return work.call();
                } finally {
                    permit.release();
                }
            });
        } catch (RuntimeException e) {
            permit.claimForRun();
            permit.release();
            endTrial(breaker, trial);
            throw new PluginCallFailed(pluginId, tenantId, PluginCallFailed.Reason.SATURATED,
                    "cannot be called now: the runtime is stopping (" + operation + ")", e);
        }
        try {
            T result = future.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
            succeeded(breaker);
            return result;
        } catch (TimeoutException e) {
            future.cancel(true);
            stats.timeouts.incrementAndGet();
            throw failed(stats, breaker, tenantId, PluginCallFailed.Reason.TIMED_OUT,
                    "did not answer " + operation + " within " + policy.timeout().toMillis() + " ms", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw failed(stats, breaker, tenantId, PluginCallFailed.Reason.FAILED,
                    "failed in " + operation + ": " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallFailed(pluginId, tenantId, PluginCallFailed.Reason.FAILED, "call interrupted", e);
        } finally {
            stats.recordLatency(clock.getAsLong() - start);
            permit.giveUpIfNotStarted();
            endTrial(breaker, trial);
        }
    }

    /**
     * A call's place under the plugin's cap. It is held until the plugin's code has returned, not until the caller
     * stopped waiting: a call that timed out and whose thread still runs (plugin code may ignore the interrupt) keeps
     * counting against the cap, so hanging calls cannot pile up past it.
     */
    private static final class Permit {
        private final PluginStats stats;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Permit(PluginStats stats) {
            this.stats = stats;
        }

        /** @return whether the plugin's code may run: the caller has not given the permit back first */
        boolean claimForRun() {
            return claimed.compareAndSet(false, true);
        }

        /** Returns the permit of a call that never started; a started call returns it when its code ends. */
        void giveUpIfNotStarted() {
            if (claimed.compareAndSet(false, true)) {
                release();
            }
        }

        void release() {
            stats.permits.release();
        }
    }

    /** @return whether a call may run; {@code true} when it is the trial call after a quarantine */
    private boolean admit(PluginStats stats, PluginStats.Breaker breaker, String tenantId, String operation)
            throws PluginCallFailed {
        synchronized (breaker) {
            long now = clock.getAsLong();
            if (breaker.quarantinedUntil == 0) {
                return false;
            }
            if (breaker.quarantinedUntil > now || breaker.trialInFlight) {
                stats.rejected.incrementAndGet();
                throw new PluginCallFailed(stats.pluginId, tenantId, PluginCallFailed.Reason.QUARANTINED,
                        "is quarantined for this tenant after " + breaker.consecutiveFailures
                                + " consecutive failures (" + operation + " not called)", null);
            }
            breaker.trialInFlight = true;
            return true;
        }
    }

    private static void endTrial(PluginStats.Breaker breaker, boolean trial) {
        if (trial) {
            synchronized (breaker) {
                breaker.trialInFlight = false;
            }
        }
    }

    private static void succeeded(PluginStats.Breaker breaker) {
        synchronized (breaker) {
            breaker.consecutiveFailures = 0;
            breaker.quarantinedUntil = 0;
        }
    }

    private PluginCallFailed failed(PluginStats stats, PluginStats.Breaker breaker, String tenantId,
            PluginCallFailed.Reason reason, String message, Throwable cause) {
        stats.failures.incrementAndGet();
        stats.lastError.set(message);
        synchronized (breaker) {
            breaker.consecutiveFailures++;
            if (breaker.consecutiveFailures >= policy.quarantineAfter()) {
                breaker.quarantinedUntil = clock.getAsLong() + policy.quarantineFor().toMillis();
                LOG.log(Level.WARNING, "Quarantined plugin " + stats.pluginId + " for tenant " + tenantId + " after "
                        + breaker.consecutiveFailures + " consecutive failures; last: " + message);
            }
        }
        return new PluginCallFailed(stats.pluginId, tenantId, reason, message, cause);
    }

    /** @return what the gateway has seen of a plugin, empty if it was never called */
    public Optional<CallRecord> health(String pluginId) {
        return Optional.ofNullable(plugins.get(pluginId)).map(s -> s.snapshot(clock.getAsLong()));
    }

    /** @return every plugin the gateway has called */
    public List<CallRecord> health() {
        long now = clock.getAsLong();
        return plugins.values().stream().map(s -> s.snapshot(now)).sorted((a, b) -> a.pluginId().compareTo(b.pluginId()))
                .toList();
    }

    /** @return whether the plugin is fenced off for the tenant now */
    public boolean isQuarantined(String pluginId, String tenantId) {
        return health(pluginId).map(h -> h.quarantinedFor().contains(tenantId)).orElse(false);
    }

    /** Lifts a quarantine (an admin fixed the cause). */
    public void release(String pluginId, String tenantId) {
        PluginStats stats = plugins.get(pluginId);
        PluginStats.Breaker breaker = stats == null ? null : stats.breakers.get(tenantId);
        if (breaker != null) {
            succeeded(breaker);
        }
    }

    /** Forgets a plugin's history: a new revision starts with a clean record. */
    public void forget(String pluginId) {
        plugins.remove(pluginId);
    }
}
