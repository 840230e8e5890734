package org.revos.kpi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.kernel.spi.CommitListener;
import org.revos.kernel.spi.FactsSource;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.EngineFiles;
import org.revos.kernel.spi.SnapshotSeals;
import org.revos.kernel.spi.TenantStore;

/**
 * Each tenant's {@link Facts}, held in memory as columns, built from the store on first use and then kept up to date
 * write by write. The kernel's change feed tells this projection of every committed write ({@link CommitListener}),
 * numbered per tenant, before {@link TenantStore#commits(String)} moves, so a read that follows a write always finds
 * the write's events here: the read then re-reads only the objects, stage histories and ledgers those events name and
 * appends them to a successor snapshot ({@link FactChanges}). Deletions, changes of a user's segment or of the tenant,
 * events it cannot place, too many changes at once and a gap in the feed's numbers (writes this projection did not
 * hear of) fall back to reading everything again. A snapshot is never answered once a write it does not hold has
 * committed: if bringing it up to date fails, the request fails. Readers share one immutable snapshot; updating a
 * tenant never blocks readers of another. Everything lives in memory: when the engine starts again (installed,
 * updated) each tenant's facts are read whole on first use, writes made meanwhile included.
 */
@Component(service = { FactsProjection.class, CommitListener.class, FactsSource.class })
public final class FactsProjection implements CommitListener, FactsSource {

    private static final Logger LOG = Logger.getLogger(FactsProjection.class.getName());

    /**
     * @param commits    the number of the tenant's last commit the snapshot holds
     * @param strategies the calculators' revision its memos were made under
     * @param token      the token of the tenant's seal when the facts file holds exactly this snapshot (loaded from it,
     *                   or written and sealed since), {@code null} otherwise
     */
    private record Snapshot(long commits, long strategies, Facts facts, String token) {
        Snapshot(long commits, long strategies, Facts facts) {
            this(commits, strategies, facts, null);
        }
    }

    private final TenantStore store;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, FactChanges> changes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> fullReads = new ConcurrentHashMap<>();
    private final Loader loader;
    private final LongSupplier strategies;

    /** Where snapshots are kept across restarts; {@code null}: nowhere (tests of the projection alone) */
    private final FactsFiles files;
    /** Writes snapshot files in the background, one at a time, and keeps idle tenants' files current. */
    private final ScheduledExecutorService background;
    /** Writes the files when the process ends without stopping the framework (see {@link #atExit()}). */
    private final Thread atExit = new Thread(this::atExit, "revos-kpi-facts-at-exit");
    /** Tenants whose facts are to be written to their file, with when that was first asked (nanoTime). */
    private final Map<String, Long> unpersisted = new ConcurrentHashMap<>();

    /** @throws java.io.IOException when the engine's folder {@code data/kpi} cannot be made */
    @Activate
    public FactsProjection(@Reference TenantStore store, @Reference KpiCalculators calculators,
            @Reference SnapshotSeals seals, @Reference EngineFiles folders) throws java.io.IOException {
        this(store, calculators::revision, new Loader() {
        }, new FactsFiles(seals, folders.folder("kpi")));
    }

    /** @param strategies the revision of the calculators (see {@link KpiCalculators#revision()}) */
    FactsProjection(TenantStore store, LongSupplier strategies, Loader loader) {
        this(store, strategies, loader, null);
    }

    /** @param files where snapshots are kept across restarts, {@code null} for nowhere */
    FactsProjection(TenantStore store, LongSupplier strategies, Loader loader, FactsFiles files) {
        this.store = store;
        this.strategies = strategies;
        this.loader = loader;
        this.files = files;
        if (files == null) {
            background = null;
        } else {
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "revos-kpi-facts-files");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            background.scheduleWithFixedDelay(this::persistIdle, IDLE_CHECK_MS, IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
            Runtime.getRuntime().addShutdownHook(atExit);
        }
    }

    /** How long a tenant goes without a write before its facts file is brought up to date. */
    static final long IDLE_MS = 30_000;
    private static final long IDLE_CHECK_MS = 10_000;
    /** The least time between two files of a tenant written while running (a clean stop writes regardless). */
    static final long SPACING_MS = 300_000;
    /** When each tenant's facts were last written to its file (nanoTime). */
    private final Map<String, Long> persisted = new ConcurrentHashMap<>();

    /**
     * The engine stops (uninstalled, updated, the framework stopped): every tenant whose snapshot is current and not
     * on file yet is written and sealed, so the next start loads it rather than reading the store.
     */
    @Deactivate
    void deactivate() {
        if (background == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it writes the files
            return;
        }
        background.shutdownNow();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        persistAll();
    }

    /**
     * The process is asked to end ({@code SIGTERM}, Ctrl-C): the launcher ends the JVM without stopping the
     * framework, so the engine writes its files from a shutdown hook, within {@link #EXIT_BOUND_MS}.
     */
    private void atExit() {
        background.shutdownNow();
        persistAll();
    }

    /** How long writing files at exit may take; tenants left are read from the store at the next start. */
    static final long EXIT_BOUND_MS = 15_000;

    private void persistAll() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_BOUND_MS);
        for (String tenantId : List.copyOf(snapshots.keySet())) {
            if (System.nanoTime() > until) {
                LOG.warning("Stopped writing the KPI facts files after " + EXIT_BOUND_MS + " ms; the tenants left"
                        + " are read from the store at the next start");
                return;
            }
            try {
                persist(tenantId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not write the facts file of tenant " + tenantId, e);
            }
        }
    }

    /** Writes the facts of tenants idle for {@link #IDLE_MS} to their files (a background round). */
    private void persistIdle() {
        long now = System.nanoTime();
        for (Map.Entry<String, Long> e : List.copyOf(unpersisted.entrySet())) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            FactChanges pending = changes.get(e.getKey());
            long quiet = pending == null ? e.getValue() : Math.max(e.getValue(), pending.lastHeard());
            Long last = persisted.get(e.getKey());
            if (now - quiet < TimeUnit.MILLISECONDS.toNanos(IDLE_MS)
                    || last != null && now - last < TimeUnit.MILLISECONDS.toNanos(SPACING_MS)) {
                continue;
            }
            try {
                Snapshot s = snapshots.get(e.getKey());
                if (s != null && s.commits() != store.commits(e.getKey()) && store.isUp()) {
                    current(s.facts().tenant()); // writes came since: bring the snapshot up to date first
                }
                persist(e.getKey());
            } catch (RuntimeException failed) {
                LOG.log(Level.FINE, "Could not write the facts file of tenant " + e.getKey(), failed);
            }
        }
    }

    /** Writes the tenant's snapshot to its file and seals it, when it is current and not on file already. */
    private void persist(String tenantId) {
        Snapshot s = snapshots.get(tenantId);
        if (s == null) {
            unpersisted.remove(tenantId); // read whole at the next request anyway
            return;
        }
        if (s.commits() != store.commits(tenantId)) {
            return; // writes not in it yet: the idle round comes back to it
        }
        unpersisted.remove(tenantId);
        if (s.token() != null && files.sealed(tenantId, s.token())) {
            return;
        }
        persisted.put(tenantId, System.nanoTime());
        files.persist(s.facts(), s.commits()).ifPresent(token -> snapshots.replace(tenantId, s,
                new Snapshot(s.commits(), s.strategies(), s.facts(), token)));
    }

    /** @return the tenant's facts as known at {@code asOf} ({@code null}: now) */
    @Override
    public Facts facts(Tenant tenant, Instant asOf) {
        Facts now = current(tenant);
        return asOf == null ? now : now.asOf(asOf);
    }

    @Override
    public void committed(String tenantId, long commit, List<Map.Entry<String, Map<String, Object>>> events) {
        FactChanges pending = changes.get(tenantId);
        if (pending != null) {
            pending.add(commit, events);
        }
        if (files != null) {
            unpersisted.putIfAbsent(tenantId, System.nanoTime());
        }
    }

    private Facts current(Tenant tenant) {
        Snapshot s = snapshots.get(tenant.id());
        if (s != null && s.commits() == store.commits(tenant.id()) && s.strategies() == strategies.getAsLong()) {
            return s.facts();
        }
        synchronized (lock(tenant.id())) {
            // heard from before the counter is read, so that no write counted below goes unheard
            FactChanges pending = changes.computeIfAbsent(tenant.id(), t -> new FactChanges());
            s = snapshots.get(tenant.id());
            long revision = strategies.getAsLong();
            long latest = store.commits(tenant.id());
            if (s != null && s.commits() == latest && s.strategies() == revision) {
                return s.facts();
            }
            FactChanges.Drained drained = pending.drain();
            if (s != null && s.strategies() != revision) {
                // a plugin came or went: its memos are instances of classes a new revision cannot read
                drained.forgetDerived();
            }
            Facts facts;
            long holds = latest;
            try {
                boolean incremental = s != null && drained.covers(s.commits(), latest)
                        && s.facts().tenant().equals(tenant);
                facts = incremental ? update(tenant, s.facts(), drained) : null;
                if (facts == null && s == null && files != null) {
                    // the counter was read above, so the file, if its seal holds now, holds every write it counts
                    FactsFiles.Loaded loaded = files.load(tenant, Instant.now()).orElse(null);
                    if (loaded != null) {
                        Snapshot fromFile = new Snapshot(latest, revision, loaded.facts(), loaded.token());
                        snapshots.put(tenant.id(), fromFile);
                        return fromFile.facts();
                    }
                }
                if (facts == null) {
                    facts = rebuild(tenant);
                    if (files != null) {
                        // written in the background, once the tenant has been quiet a little
                        unpersisted.putIfAbsent(tenant.id(), System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(
                                IDLE_MS - IDLE_CHECK_MS));
                    }
                } else {
                    // writes numbered past the counter read above may have been drained and applied already
                    holds = Math.max(Math.max(latest, s.commits()), drained.last());
                }
            } catch (RuntimeException e) {
                // The drained changes are gone with this attempt: the old snapshot must never be stamped current
                // again, so the next read starts from the store.
                snapshots.remove(tenant.id());
                String incident = UUID.randomUUID().toString();
                LOG.log(Level.SEVERE, "Incident " + incident + ": the KPI facts of tenant " + tenant.id()
                        + " could not be brought up to date; no figure is answered from the previous snapshot", e);
                throw new Problem(503, "figures-unavailable", "Figures unavailable", "The figures could not be"
                        + " brought up to date with the latest writes, so none is answered; retry shortly (incident "
                        + incident + " is in the runtime's log)", List.of());
            }
            snapshots.put(tenant.id(), new Snapshot(holds, revision, facts));
            return facts;
        }
    }

    private Facts rebuild(Tenant tenant) {
        long start = System.nanoTime();
        Facts facts = store.query(tenant.id(), em -> jdbc(em, c -> loader.load(tenant, c)));
        LOG.info(String.format("Read the facts of tenant %s in %,d ms: %,d deals, %,d leads, %,d accounts,"
                + " %,d stage entries, %,d revenue events", tenant.id(), (System.nanoTime() - start) / 1_000_000,
                facts.objects(ObjectType.DEAL).size(), facts.objects(ObjectType.LEAD).size(),
                facts.objects(ObjectType.ACCOUNT).size(), facts.stages(ObjectType.DEAL).size()
                        + facts.stages(ObjectType.LEAD).size(), facts.revenue().size()));
        fullReads.computeIfAbsent(tenant.id(), t -> new AtomicLong()).incrementAndGet();
        return facts;
    }

    /** @return the successor of {@code facts} with the drained changes, or {@code null} when it must be rebuilt */
    private Facts update(Tenant tenant, Facts facts, FactChanges.Drained drained) {
        if (drained.isEmpty()) {
            return facts;
        }
        try {
            return store.query(tenant.id(), em -> jdbc(em, c -> loader.apply(drained, facts, tenant, c)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not update the facts of tenant " + tenant.id() + " write by write; reading"
                    + " them all again", e);
            return null;
        }
    }

    /** @return how many times the tenant's facts were read whole (the first build, then fallbacks) */
    long fullReads(String tenantId) {
        AtomicLong n = fullReads.get(tenantId);
        return n == null ? 0 : n.get();
    }

    private Object lock(String tenantId) {
        return locks.computeIfAbsent(tenantId, t -> new Object());
    }

    /** Reads every fact of the tenant (see {@link FactsReader}). */
    static Facts load(Tenant tenant, Connection connection) throws SQLException {
        Instant now = Instant.now();
        FactsBuilder b = Facts.builder(tenant);
        new FactsReader(connection, tenant.id(), b).all();
        return b.build(now);
    }

    /** How facts are read whole and brought up to date; tests replace it to make either fail. */
    interface Loader {
        default Facts load(Tenant tenant, Connection connection) throws SQLException {
            return FactsProjection.load(tenant, connection);
        }

        default Facts apply(FactChanges.Drained drained, Facts facts, Tenant tenant, Connection connection)
                throws SQLException {
            return drained.applyTo(facts, tenant, connection);
        }
    }

    /** Work on the entity manager's JDBC connection. */
    interface Jdbc<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the connection of {@code em} in a read-only transaction that is rolled back. */
    static <T> T jdbc(EntityManager em, Jdbc<T> work) {
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the facts: " + e.getMessage(), e);
        } finally {
            tx.rollback();
        }
    }
}
