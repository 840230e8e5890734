package org.revos.kpi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.kernel.spi.CommitListener;
import org.revos.kernel.spi.FactsSource;
import org.revos.kernel.spi.Problem;
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
     */
    private record Snapshot(long commits, long strategies, Facts facts) {
    }

    private final TenantStore store;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, FactChanges> changes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> fullReads = new ConcurrentHashMap<>();
    private final Loader loader;
    private final LongSupplier strategies;

    @Activate
    public FactsProjection(@Reference TenantStore store, @Reference KpiCalculators calculators) {
        this(store, calculators::revision, new Loader() {
        });
    }

    /** @param strategies the revision of the calculators (see {@link KpiCalculators#revision()}) */
    FactsProjection(TenantStore store, LongSupplier strategies, Loader loader) {
        this.store = store;
        this.strategies = strategies;
        this.loader = loader;
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
                if (facts == null) {
                    facts = rebuild(tenant);
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
