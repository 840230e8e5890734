package org.revos.enrichment.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.spi.EnrichmentProvider;
import org.revos.api.spi.EnrichmentRequest;
import org.revos.api.spi.Firmographics;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.Knobs;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Works off the enrichment marks that account and lead creations leave in their own transactions
 * ({@link PendingMarks}): asks the tenant's enabled {@link EnrichmentProvider}s (highest ranking first, each through
 * the plugin gateway) and has the kernel write what they found into the fields that are still empty, with a record
 * of provider and instant per field. A provider that fails or times out leaves the mark, retried with doubling
 * back-off (configuration {@value #PID}, else the framework property {@value #BACKOFF_PROPERTY}) up to
 * {@value #MAX_ATTEMPTS} attempts; a tenant without an enabled provider just has its marks cleared.
 */
@Component(service = { EnrichmentEngine.class, EventHandler.class },
        property = EventConstants.EVENT_TOPIC + "=" + RevosEvents.OBJECT_CREATED, configurationPid = EnrichmentEngine.PID)
@Designate(ocd = EnrichmentEngine.Config.class)
public final class EnrichmentEngine implements EventHandler {

    /** The configuration PID ({@code org.revos.enrichment.engine.cfg} in the deploy folder). */
    public static final String PID = "org.revos.enrichment.engine";
    /** The framework property that sets the first retry's delay when the configuration does not. */
    static final String BACKOFF_PROPERTY = "revos.enrichment.backoff.ms";
    static final int MAX_ATTEMPTS = 6;
    private static final Logger LOG = Logger.getLogger(EnrichmentEngine.class.getName());
    private static final int BATCH = 50;
    private static final long DEFAULT_BACKOFF_MS = 5_000L;
    private static final long MAX_BACKOFF_MS = Duration.ofHours(1).toMillis();

    /** Settings of this component (PID {@value #PID}). */
    @ObjectClassDefinition(name = "RevOS enrichment", description = "How long a failed enrichment waits before its"
            + " first retry; each retry waits twice as long.")
    public @interface Config {
        @AttributeDefinition(name = "First retry after (ms)", min = "0", description = "0 takes the framework"
                + " property " + BACKOFF_PROPERTY + ", or " + DEFAULT_BACKOFF_MS + ".")
        long backoffMillis() default 0;
    }

    private final TenantStore store;
    private final PluginCalls plugins;
    private final RevosData data;
    private final ObjectCollections collections;
    private final Contributions<EnrichmentProvider> providers;
    private final ScheduledExecutorService worker = Daemons.scheduler("revos-enrichment");
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    /** the first retry's delay; the configuration changes it while the runtime runs */
    private volatile long backoffMs;

    @Activate
    public EnrichmentEngine(@Reference TenantStore store, @Reference PluginCalls plugins, @Reference RevosData data,
            @Reference ObjectCollections collections, BundleContext context, Config config) {
        this.store = store;
        this.plugins = plugins;
        this.providers = new Contributions<>(plugins);
        this.data = data;
        this.collections = collections;
        configure(config, context);
        long every = Math.max(50, Math.min(backoffMs, 10_000));
        worker.scheduleWithFixedDelay(this::drainAll, 2_000, every, TimeUnit.MILLISECONDS);
    }

    @Modified
    void configure(Config config, BundleContext context) {
        backoffMs = Knobs.positive(config.backoffMillis(), context, BACKOFF_PROPERTY, DEFAULT_BACKOFF_MS);
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
            if (store.isUp()) {
                store.tenantIds().forEach(this::drain);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Enrichment catch-up failed", e);
        }
    }

    /** Enriches the tenant's objects whose marks are due. */
    void drain(String tenantId) {
        try {
            long now = System.currentTimeMillis();
            List<PendingEnrichmentEntity> due = store.query(tenantId, em -> em.createQuery("SELECT p FROM"
                    + " EnrichmentPending p WHERE p.nextAttemptAt <= :now ORDER BY p.nextAttemptAt, p.id",
                    PendingEnrichmentEntity.class).setParameter("now", now).setMaxResults(BATCH).getResultList());
            if (due.isEmpty()) {
                return;
            }
            List<Contribution<EnrichmentProvider>> enabled = providers.enabledFor(tenantId);
            Tenant tenant = enabled.isEmpty() ? null : data.forTenant(tenantId).tenant();
            for (PendingEnrichmentEntity mark : due) {
                enrich(tenant, tenantId, enabled, mark);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Enrichment of tenant " + tenantId + " failed; retrying later", e);
        }
    }

    private void enrich(Tenant tenant, String tenantId, List<Contribution<EnrichmentProvider>> enabled,
            PendingEnrichmentEntity mark) {
        ObjectType type = ObjectType.valueOf(mark.objectType);
        ObjectSchema<?> schema = collections.schema(type).orElseThrow();
        JsonNode object = current(tenantId, schema, mark.objectId);
        EnrichmentRequest request = object == null ? null : new EnrichedObject(type, object).request();
        if (request == null || enabled.isEmpty()) {
            store.transaction(tenantId, null, tx -> remove(tx, mark.id));
            return;
        }
        Map<String, Firmographics> answers = new LinkedHashMap<>();
        String failure = null;
        for (Contribution<EnrichmentProvider> provider : enabled) {
            try {
                Optional<Firmographics> found = plugins.call(provider.pluginId(), tenantId, "enrichment of "
                        + request.objectType() + " " + request.objectId(), () -> provider.service().enrich(tenant,
                                request));
                if (found != null && found.isPresent()) {
                    answers.putIfAbsent(provider.pluginId(), found.get());
                }
            } catch (PluginCallFailed e) {
                failure = e.getMessage();
                LOG.log(Level.FINE, e.getMessage(), e.getCause());
            }
        }
        String lastError = failure;
        store.transaction(tenantId, null, tx -> {
            JsonNode after = collections.fillEmpty(tx, schema, mark.objectId, "ENRICH",
                    new EnrichedObject(type, object).found(answers));
            PendingEnrichmentEntity pending = tx.em().find(PendingEnrichmentEntity.class, mark.id);
            boolean done = after == null || new EnrichedObject(type, after).request() == null || lastError == null;
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

    /** @return the object as the API shows it, {@code null} when it was deleted meanwhile */
    private JsonNode current(String tenantId, ObjectSchema<?> schema, String id) {
        try {
            return collections.get(tenantId, schema, id);
        } catch (Problem e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static Object remove(TenantTransaction tx, String markId) {
        PendingEnrichmentEntity pending = tx.em().find(PendingEnrichmentEntity.class, markId);
        if (pending != null) {
            tx.em().remove(pending);
        }
        return null;
    }
}
