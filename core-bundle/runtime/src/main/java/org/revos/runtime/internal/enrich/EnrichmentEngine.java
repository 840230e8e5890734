package org.revos.runtime.internal.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.revos.api.event.RevosEvents;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.spi.EnrichmentProvider;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.Knobs;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.TenantRow;
import org.revos.runtime.internal.boot.Daemons;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.EnrichPendingEntity;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.plugins.PluginServices;
import org.revos.runtime.internal.plugins.PluginServices.Contribution;
import org.revos.runtime.internal.plugins.TenantPlugins;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Works off the enrichment marks that account and lead creations leave in their own transactions: asks the tenant's
 * enabled {@link EnrichmentProvider}s (highest ranking first, each through the plugin gateway) and writes what they
 * found into the fields that are still empty, with a record of provider and instant per field. A provider that fails
 * or times out leaves the mark, retried with doubling back-off ({@value #BACKOFF_PROPERTY}) up to
 * {@value #MAX_ATTEMPTS} attempts; a tenant without an enabled provider just has its marks cleared.
 */
@Component(service = { EnrichmentEngine.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + RevosEvents.OBJECT_CREATED,
        configurationPid = "org.revos.enrichment")
@Designate(ocd = EnrichmentEngine.Config.class)
public final class EnrichmentEngine implements EventHandler {

    private static final Logger LOG = Logger.getLogger(EnrichmentEngine.class.getName());
    static final String BACKOFF_PROPERTY = "revos.enrichment.backoff.ms";
    static final int MAX_ATTEMPTS = 6;
    private static final int BATCH = 50;
    private static final long MAX_BACKOFF_MS = Duration.ofHours(1).toMillis();

    private final Store store;
    private final PluginGateway gateway;
    private final RevosData data;
    private final PluginServices<EnrichmentProvider> providers;
    private static final long DEFAULT_BACKOFF_MS = 5_000L;
    /** the first retry's delay; the configuration changes it while the runtime runs */
    private volatile long backoffMs;

    /** Settings of this component (PID {@value #PID}). */
    @ObjectClassDefinition(name = "RevOS enrichment", description = "How long a failed enrichment waits before its"
            + " first retry; each retry waits twice as long.")
    public @interface Config {
        @AttributeDefinition(name = "First retry after (ms)", min = "0", description = "0 takes the framework"
                + " property " + BACKOFF_PROPERTY + ", or " + DEFAULT_BACKOFF_MS + ".")
        long backoffMillis() default 0;
    }

    /** The configuration PID ({@code org.revos.enrichment.cfg} in the deploy folder). */
    public static final String PID = "org.revos.enrichment";

    @Modified
    void configure(Config config, BundleContext context) {
        backoffMs = Knobs.positive(config.backoffMillis(), context, BACKOFF_PROPERTY, DEFAULT_BACKOFF_MS);
    }
    private final ScheduledExecutorService worker = Daemons.scheduler("revos-enrichment");
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();

    @Activate
    public EnrichmentEngine(@Reference Store store, @Reference PluginGateway gateway, @Reference TenantPlugins plugins,
            @Reference RevosData data,
            BundleContext context, Config config) {
        configure(config, context);
        this.store = store;
        this.gateway = gateway;
        this.data = data;
        this.providers = new PluginServices<>(plugins);
        long every = Math.max(50, Math.min(backoffMs, 10_000));
        worker.scheduleWithFixedDelay(this::drainAll, 2_000, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(ServiceReference<EnrichmentProvider> ref, EnrichmentProvider provider) {
        providers.add(ref, provider);
    }

    void removeProvider(ServiceReference<EnrichmentProvider> ref) {
        providers.remove(ref);
    }

    @Override
    public void handleEvent(Event event) {
        Object type = event.getProperty(RevosEvents.OBJECT_TYPE);
        if (event.getProperty(RevosEvents.TENANT) instanceof String tenantId
                && ("ACCOUNT".equals(type) || "LEAD".equals(type)) && scheduled.add(tenantId)) {
            worker.execute(() -> {
                scheduled.remove(tenantId);
                drain(tenantId);
            });
        }
    }

    private void drainAll() {
        try {
            if (!store.status().isUp()) {
                return;
            }
            for (String tenantId : store.readPlatform(em -> em.createQuery("SELECT t.id FROM TenantEntity t",
                    String.class).getResultList())) {
                drain(tenantId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Enrichment catch-up failed", e);
        }
    }

    /** Enriches the tenant's objects whose marks are due. */
    void drain(String tenantId) {
        try {
            long now = System.currentTimeMillis();
            List<EnrichPendingEntity> due = store.read(tenantId, em -> em.createQuery("SELECT p FROM"
                    + " EnrichPendingEntity p WHERE p.nextAttemptAt <= :now ORDER BY p.nextAttemptAt, p.id",
                    EnrichPendingEntity.class).setParameter("now", now).setMaxResults(BATCH).getResultList());
            if (due.isEmpty()) {
                return;
            }
            List<Contribution<EnrichmentProvider>> enabled = providers.enabledFor(tenantId);
            Tenant tenant = enabled.isEmpty() ? null : data.forTenant(tenantId).tenant();
            for (EnrichPendingEntity mark : due) {
                enrich(tenant, tenantId, enabled, mark);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Enrichment of tenant " + tenantId + " failed; retrying later", e);
        }
    }

    private void enrich(Tenant tenant, String tenantId, List<Contribution<EnrichmentProvider>> enabled,
            EnrichPendingEntity mark) {
        TenantRow object = store.read(tenantId, em -> em.find(entityClass(mark), mark.objectId));
        EnrichmentRequest request = object == null ? null : new EnrichedObject(object).request();
        if (request == null || enabled.isEmpty()) {
            store.write(tenantId, null, tx -> remove(tx, mark.id));
            return;
        }
        List<Answer> answers = new ArrayList<>();
        String failure = null;
        for (Contribution<EnrichmentProvider> provider : enabled) {
            try {
                Optional<Firmographics> found = gateway.call(provider.pluginId(), tenantId, "enrichment of "
                        + request.objectType() + " " + request.objectId(), () -> provider.service().enrich(tenant,
                                request));
                if (found != null && found.isPresent()) {
                    answers.add(new Answer(provider.pluginId(), found.get()));
                }
            } catch (PluginCallFailed e) {
                failure = e.getMessage();
                LOG.log(Level.FINE, e.getMessage(), e.getCause());
            }
        }
        String lastError = failure;
        store.write(tenantId, null, tx -> {
            TenantRow stored = tx.em().find(entityClass(mark), mark.objectId);
            EnrichedObject target = stored == null ? null : new EnrichedObject(stored);
            if (target != null && !answers.isEmpty()) {
                write(tx, stored, target, answers);
            }
            EnrichPendingEntity pending = tx.em().find(EnrichPendingEntity.class, mark.id);
            boolean done = target == null || target.request() == null || lastError == null;
            if (pending != null && !done && pending.attempts + 1 < MAX_ATTEMPTS) {
                pending.attempts++;
                pending.lastError = lastError.length() > 1000 ? lastError.substring(0, 1000) : lastError;
                pending.nextAttemptAt = tx.now() + Math.min(MAX_BACKOFF_MS, backoffMs << (pending.attempts - 1));
                pending.updatedAt = tx.now();
            } else if (pending != null) {
                if (!done) {
                    LOG.warning("Enrichment of " + mark.objectType + " " + mark.objectId + " of tenant " + tenantId
                            + " gave up after " + MAX_ATTEMPTS + " attempts: " + lastError);
                }
                tx.em().remove(pending);
            }
            return null;
        });
    }

    private static void write(Tx tx, TenantRow stored, EnrichedObject target, List<Answer> answers) {
        ObjectNode before = render(stored);
        Set<String> written = new TreeSet<>();
        for (Answer answer : answers) {
            written.addAll(target.fill(answer.found(), answer.pluginId(), tx.now()));
        }
        if (written.isEmpty()) {
            return;
        }
        String type = target.type().name();
        tx.audit("ENRICH", type, stored.id, before, render(stored));
        Map<String, Object> props = new HashMap<>();
        props.put(RevosEvents.OBJECT_TYPE, type);
        props.put(RevosEvents.OBJECT_ID, stored.id);
        tx.publish(RevosEvents.OBJECT_UPDATED, props);
    }

    private static ObjectNode render(TenantRow row) {
        return row instanceof AccountEntity a ? ObjectEngine.render(Catalog.ACCOUNT, a)
                : ObjectEngine.render(Catalog.LEAD, (LeadEntity) row);
    }

    private static Object remove(Tx tx, String markId) {
        EnrichPendingEntity pending = tx.em().find(EnrichPendingEntity.class, markId);
        if (pending != null) {
            tx.em().remove(pending);
        }
        return null;
    }

    private static Class<? extends TenantRow> entityClass(EnrichPendingEntity mark) {
        return "ACCOUNT".equals(mark.objectType) ? AccountEntity.class : LeadEntity.class;
    }

    private record Answer(String pluginId, Firmographics found) {
    }
}
