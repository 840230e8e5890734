package org.revos.integration.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.RevosData;
import org.revos.api.services.NotificationCenter;
import org.revos.api.spi.Exporter;
import org.revos.api.spi.ImportRow;
import org.revos.api.spi.Importer;
import org.revos.api.spi.Notification;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Daemons;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Knobs;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageMoves;

/**
 * Runs the tenants' syncs on their schedules. Every run checks its location again ({@link SyncSource}): one that
 * leaves the tenant's folder or reaches a refused address fails the run as a sync error and reads or writes nothing.
 * An outbound run ({@code ONE_WAY_OUT}) writes every object of the type
 * through the tenant's exporter of the definition's format to the target file, replacing it atomically. An inbound
 * run ({@code ONE_WAY_IN}) reads the source through the tenant's importer of the
 * definition's format and writes every row by its external id (a row without one is refused: re-runs must update,
 * not duplicate), one row per transaction, so a bad row never holds back the good ones. Each failing row (or an
 * unreadable source) is a sync error; the next run comes early, after a doubling back-off ({@value #BACKOFF_PROPERTY}
 * ms, at most the definition's interval), and re-tries it; after the definition's number of attempts the error gives
 * up, is assigned to the definition's owner, and the owner is told through the {@link NotificationCenter}. A run that reads
 * the whole source resolves every error it no longer meets (the row went through, or is gone from the source).
 */
@Component(service = SyncEngine.class, immediate = true, configurationPid = SyncEngine.PID)
@Designate(ocd = SyncEngine.Config.class)
public final class SyncEngine {

    private static final Logger LOG = Logger.getLogger(SyncEngine.class.getName());
    static final String BACKOFF_PROPERTY = "revos.sync.backoff.ms";
    public static final String GAVE_UP_TOPIC = "org/revos/sync/GAVE_UP";
    static final String SOURCE_KEY = "(source)";
    private static final int BATCH = 200;

    private final TenantStore store;
    private final PluginCalls gateway;
    private final ObjectCollections objects;
    private final Imports imports;
    private final Exports exports;
    /** the stage engine's moves; absent while no stage engine runs (objects are then created without a stage) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StageMoves stageMoves;
    private final RevosData data;
    /** Tells a definition's owner when the sync gives up on a row; absent while no notification engine runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NotificationCenter notifications;
    private final SyncSource locations;
    private static final long DEFAULT_BACKOFF_MS = 30_000L;
    /** the first retry's delay; the configuration changes it while the runtime runs */
    private volatile long backoffMs;

    /** Settings of this component (PID {@value #PID}; the kernel read them from {@code org.revos.sync}). */
    @ObjectClassDefinition(name = "RevOS sync", description = "How long a failed sync run waits before it is tried"
            + " again early; each failure doubles it, up to the definition's interval.")
    public @interface Config {
        @AttributeDefinition(name = "First retry after (ms)", min = "0", description = "0 takes the framework"
                + " property " + BACKOFF_PROPERTY + ", or " + DEFAULT_BACKOFF_MS + ".")
        long backoffMillis() default 0;
    }

    /**
     * The configuration PID of the engine's settings ({@code org.revos.integration.engine.cfg} in the deploy
     * folder): never the plugin id, which is the factory PID of each tenant's plugin settings (see the admin guide).
     */
    public static final String PID = "org.revos.integration.engine";

    @Modified
    void configure(Config config, BundleContext context) {
        backoffMs = Knobs.positive(config.backoffMillis(), context, BACKOFF_PROPERTY, DEFAULT_BACKOFF_MS);
    }
    private final ScheduledExecutorService worker = Daemons.scheduler("revos-sync");

    @Activate
    public SyncEngine(@Reference TenantStore store, @Reference PluginCalls gateway, @Reference Imports imports,
            @Reference Exports exports, @Reference RevosData data, @Reference SyncSource locations,
            @Reference ObjectCollections objects, BundleContext context, Config config) {
        configure(config, context);
        this.store = store;
        this.gateway = gateway;
        this.objects = objects;
        this.imports = imports;
        this.exports = exports;
        this.data = data;
        this.locations = locations;
        long every = Math.max(100, Math.min(backoffMs, 5_000));
        worker.scheduleWithFixedDelay(this::runDue, 1_000, every, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    /** Runs a definition soon, whatever its schedule says. */
    void runSoon(String tenantId, String definitionId) {
        worker.execute(() -> {
            SyncDefinitionEntity d = store.query(tenantId, em -> em.find(SyncDefinitionEntity.class, definitionId));
            if (d != null) {
                run(tenantId, d);
            }
        });
    }

    /** @return the wait before the next attempt: {@code base}, doubling per attempt, never beyond the interval */
    static long backoff(long backoffMs, int attempts, int intervalMinutes) {
        long cap = Math.max(backoffMs, intervalMinutes * 60_000L);
        return Math.min(cap, backoffMs << Math.min(20, Math.max(0, attempts - 1)));
    }

    private void runDue() {
        try {
            if (!store.isUp()) {
                return;
            }
            long now = System.currentTimeMillis();
            for (String tenantId : store.tenantIds()) {
                List<SyncDefinitionEntity> due = store.query(tenantId, em -> em.createQuery("SELECT d FROM"
                        + " SyncDefinitionEntity d WHERE d.nextRunAt <= :now ORDER BY d.nextRunAt, d.id",
                        SyncDefinitionEntity.class).setParameter("now", now).getResultList());
                due.forEach(d -> run(tenantId, d));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sync scheduling failed", e);
        }
    }

    /** One run of a definition; never throws, whatever the source or the rows do. */
    private void run(String tenantId, SyncDefinitionEntity d) {
        Run run = new Run(tenantId, d);
        try {
            if ("ONE_WAY_OUT".equals(d.direction)) {
                run.exportAll();
            } else {
                run.readAll();
            }
        } catch (IOException | PluginCallFailed | Problem e) {
            run.failed(SOURCE_KEY, 0, null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sync " + d.id + " of tenant " + tenantId + " failed", e);
            run.failed(SOURCE_KEY, 0, null, "the run failed: " + e);
        }
        run.finish();
    }

    /** The bookkeeping of one run. */
    private final class Run {
        private final String tenantId;
        private final SyncDefinitionEntity d;
        private final ObjectSchema<?> schema;
        private boolean sourceRead;
        private final Map<String, String> failures = new LinkedHashMap<>();
        private final List<SyncErrorEntity> gaveUp = new ArrayList<>();
        private int written;

        Run(String tenantId, SyncDefinitionEntity d) {
            this.tenantId = tenantId;
            this.d = d;
            this.schema = Transfers.of(objects, ObjectType.valueOf(d.objectType));
        }

        void readAll() throws IOException, PluginCallFailed {
            Contribution<Importer> importer = imports.importer(tenantId, d.format, schema);
            Path file = locations.fetch(tenantId, d.location);
            RowApplier<?> applier = new RowApplier<>(objects, schema, () -> stageMoves);
            try (ImportSource source = new ImportSource(gateway, importer, tenantId, schema.type(), file, Map.of())) {
                for (List<ImportRow> batch = source.next(BATCH); !batch.isEmpty(); batch = source.next(BATCH)) {
                    batch.forEach(row -> apply(applier, row));
                }
            } finally {
                ImportSource.delete(file);
            }
            sourceRead = true;
        }

        private void apply(RowApplier<?> applier, ImportRow row) {
            String key = key(row);
            if (!row.problems().isEmpty()) {
                failed(key, row.line(), null, String.join("; ", row.problems()));
                return;
            }
            if (key.startsWith("line ")) {
                failed(key, row.line(), null, "externalId: a synced row needs an externalId (or id), so that the"
                        + " next run updates the object instead of creating another");
                return;
            }
            try {
                store.transaction(tenantId, null, tx -> {
                    if (d.sourceReadAt == null) {
                        tx.origin("sync:" + d.id); // the first read brings the source's history: not news
                    }
                    return applier.apply(tx, row);
                });
                written++;
            } catch (Problem p) {
                failed(key, row.line(), objectId(key), describe(p));
            } catch (RuntimeException e) {
                failed(key, row.line(), objectId(key), "cannot be written: " + e.getMessage());
            }
        }

        void exportAll() throws IOException {
            Contribution<Exporter> exporter = exports.find(tenantId, d.format, schema.type()).orElseThrow(
                    () -> new IOException("'" + d.format + "' is not an export format for " + schema.path()
                            + " of this tenant"));
            Path target = locations.target(tenantId, d.location);
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), ".revos-sync-", ".part");
            try {
                try (OutputStream out = Files.newOutputStream(part)) {
                    exports.stream(tenantId, schema, exporter, out);
                }
                try {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(part);
            }
            written = Math.toIntExact(store.query(tenantId, em -> em.createQuery("SELECT COUNT(o) FROM "
                    + schema.entityName() + " o", Long.class).getSingleResult()));
            sourceRead = true;
        }

        private String objectId(String externalId) {
            return store.query(tenantId, em -> em.createQuery("SELECT o.id FROM " + schema.entityName()
                    + " o WHERE o.externalId = :x", String.class).setParameter("x", externalId).getResultList())
                    .stream().findFirst().orElse(null);
        }

        void failed(String key, long line, String objectId, String error) {
            failures.put(key, error == null ? "unknown failure" : error);
            store.transaction(tenantId, null, tx -> {
                SyncErrorEntity e = find(tx.em(), key);
                if (e == null) {
                    e = new SyncErrorEntity();
                    e.id = Ids.next("sye");
                    e.definitionId = d.id;
                    e.objectType = d.objectType;
                    e.rowKey = key.length() > 220 ? key.substring(0, 220) : key;
                    e.createdAt = tx.now();
                    e.status = "RESOLVED";
                    tx.em().persist(e);
                }
                if ("RESOLVED".equals(e.status)) {
                    e.status = "RETRYING";
                    e.attempts = 0;
                    e.assignedTo = null;
                }
                e.attempts++;
                e.line = line;
                e.objectId = objectId;
                String text = failures.get(key);
                e.error = text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
                e.lastAttemptAt = tx.now();
                e.updatedAt = tx.now();
                if ("RETRYING".equals(e.status) && e.attempts >= d.maxAttempts) {
                    e.status = "GAVE_UP";
                    e.assignedTo = d.ownerId;
                    e.nextRetryAt = null;
                    gaveUp.add(e);
                } else if ("RETRYING".equals(e.status)) {
                    e.nextRetryAt = tx.now() + backoff(backoffMs, e.attempts, d.intervalMinutes);
                }
                return null;
            });
        }

        private SyncErrorEntity find(EntityManager em, String key) {
            return em.createQuery("SELECT e FROM SyncErrorEntity e WHERE e.definitionId = :d AND e.rowKey = :k",
                    SyncErrorEntity.class).setParameter("d", d.id).setParameter("k", key).getResultList().stream()
                    .findFirst().orElse(null);
        }

        void finish() {
            store.transaction(tenantId, null, tx -> {
                if (sourceRead) {
                    for (SyncErrorEntity e : tx.em().createQuery("SELECT e FROM SyncErrorEntity e WHERE"
                            + " e.definitionId = :d AND e.status <> 'RESOLVED'", SyncErrorEntity.class)
                            .setParameter("d", d.id).getResultList()) {
                        if (!failures.containsKey(e.rowKey)) {
                            e.status = "RESOLVED";
                            e.nextRetryAt = null;
                            e.updatedAt = tx.now();
                        }
                    }
                }
                SyncDefinitionEntity stored = tx.em().find(SyncDefinitionEntity.class, d.id);
                if (stored == null) {
                    return null;
                }
                Long retry = tx.em().createQuery("SELECT MIN(e.nextRetryAt) FROM SyncErrorEntity e WHERE"
                        + " e.definitionId = :d AND e.status = 'RETRYING'", Long.class).setParameter("d", d.id)
                        .getSingleResult();
                long scheduled = tx.now() + stored.intervalMinutes * 60_000L;
                stored.nextRunAt = retry == null ? scheduled : Math.min(scheduled, retry);
                stored.lastRunAt = tx.now();
                if (sourceRead && stored.sourceReadAt == null) {
                    stored.sourceReadAt = tx.now();
                }
                stored.lastStatus = failures.containsKey(SOURCE_KEY) ? "FAILED"
                        : failures.isEmpty() ? "OK" : "ERRORS";
                String detail = written + " rows written, " + failures.size() + " failed";
                if (failures.containsKey(SOURCE_KEY)) {
                    detail = failures.get(SOURCE_KEY);
                }
                stored.lastDetail = detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail;
                stored.updatedAt = tx.now();
                return null;
            });
            if (!gaveUp.isEmpty()) {
                tellOwner();
            }
        }

        private void tellOwner() {
            Tenant tenant = data.forTenant(tenantId).tenant();
            for (SyncErrorEntity e : gaveUp) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("syncDefinitionId", d.id);
                details.put("syncErrorId", e.id);
                details.put("objectType", d.objectType);
                details.put("row", e.rowKey);
                details.put("attempts", e.attempts);
                details.put("error", e.error);
                NotificationCenter center = notifications;
                if (center == null) {
                    LOG.warning(() -> "Sync " + d.id + " of tenant " + tenantId + " gave up on " + e.rowKey
                            + "; no notification engine runs to tell its owner");
                    continue;
                }
                try {
                    center.notify(tenant, d.ownerId, new Notification(GAVE_UP_TOPIC, "Sync gave up on a "
                            + schema.name(), "The " + d.source + " sync of " + schema.path() + " failed " + e.attempts
                            + " times on " + e.rowKey + ": " + e.error + ". It is assigned to you: fix it in "
                            + d.source + "; the next run resolves it (GET /api/v1/sync/errors).", details));
                } catch (RuntimeException failed) {
                    LOG.log(Level.WARNING, "Could not tell the owner of sync " + d.id + " of tenant " + tenantId
                            + " about error " + e.id, failed);
                }
            }
        }
    }

    static String key(ImportRow row) {
        String externalId = blank(row.fields().get("externalId"));
        String id = blank(row.fields().get("id"));
        return externalId != null ? externalId : id != null ? id : "line " + row.line();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String describe(Problem p) {
        if (p.errors().isEmpty()) {
            return p.getMessage();
        }
        List<String> parts = new ArrayList<>();
        for (FieldError e : p.errors()) {
            parts.add(e.field() + ": " + e.message());
        }
        return String.join("; ", parts);
    }

}
