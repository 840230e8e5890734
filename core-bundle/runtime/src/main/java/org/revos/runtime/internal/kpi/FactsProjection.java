package org.revos.runtime.internal.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.revos.runtime.internal.persistence.Store;

/**
 * Each tenant's {@link Facts}, held in memory as columns, built from the store on first use and then kept up to date
 * write by write. The store tells this projection of every committed write ({@link Store.CommitListener}) before
 * {@link Store#commits(String)} moves, so a read that follows a write always finds the write's events here: the read
 * then re-reads only the objects, stage histories and ledgers those events name and appends them to a successor
 * snapshot ({@link FactChanges}). Deletions, changes of a user's segment or of the tenant, events it cannot place and
 * too many changes at once fall back to reading everything again. Readers share one immutable snapshot; updating a
 * tenant never blocks readers of another.
 */
@Component(service = FactsProjection.class)
public final class FactsProjection {

    private static final Logger LOG = Logger.getLogger(FactsProjection.class.getName());

    /** @param commits the tenant's commit counter when the snapshot was made current */
    private record Snapshot(long commits, Facts facts) {
    }

    private final Store store;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, FactChanges> changes = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Store.CommitListener listener = this::committed;
    private final Map<String, java.util.concurrent.atomic.AtomicLong> fullReads = new ConcurrentHashMap<>();

    @Activate
    public FactsProjection(@Reference Store store) {
        this.store = store;
        store.addCommitListener(listener);
    }

    @Deactivate
    public void close() {
        store.removeCommitListener(listener);
    }

    /** @return the tenant's facts as known at {@code asOf} ({@code null}: now) */
    public Facts facts(Tenant tenant, Instant asOf) {
        Facts now = current(tenant);
        return asOf == null ? now : now.asOf(asOf);
    }

    private void committed(String tenantId, List<Map.Entry<String, Map<String, Object>>> events) {
        FactChanges pending = changes.get(tenantId);
        if (pending != null) {
            pending.add(events);
        }
    }

    private Facts current(Tenant tenant) {
        Snapshot s = snapshots.get(tenant.id());
        if (s != null && s.commits() == store.commits(tenant.id())) {
            return s.facts();
        }
        synchronized (lock(tenant.id())) {
            s = snapshots.get(tenant.id());
            long latest = store.commits(tenant.id());
            if (s != null && s.commits() == latest) {
                return s.facts();
            }
            FactChanges pending = changes.computeIfAbsent(tenant.id(), t -> new FactChanges());
            FactChanges.Drained drained = pending.drain();
            Facts facts = s == null || !drained.incremental() || !s.facts().tenant().equals(tenant) ? null
                    : update(tenant, s.facts(), drained);
            if (facts == null) {
                long start = System.nanoTime();
                facts = store.read(tenant.id(), em -> jdbc(em, c -> load(tenant, c)));
                LOG.info(String.format("Read the facts of tenant %s in %,d ms: %,d deals, %,d leads, %,d accounts,"
                        + " %,d stage entries, %,d revenue events", tenant.id(), (System.nanoTime() - start) / 1_000_000,
                        facts.objects(ObjectType.DEAL).size(), facts.objects(ObjectType.LEAD).size(),
                        facts.objects(ObjectType.ACCOUNT).size(), facts.stages(ObjectType.DEAL).size()
                                + facts.stages(ObjectType.LEAD).size(), facts.revenue().size()));
                fullReads.computeIfAbsent(tenant.id(), t -> new java.util.concurrent.atomic.AtomicLong())
                        .incrementAndGet();
            }
            snapshots.put(tenant.id(), new Snapshot(latest, facts));
            return facts;
        }
    }

    /** @return the successor of {@code facts} with the drained changes, or {@code null} when it must be rebuilt */
    private Facts update(Tenant tenant, Facts facts, FactChanges.Drained drained) {
        if (drained.isEmpty()) {
            return facts;
        }
        try {
            return store.read(tenant.id(), em -> jdbc(em, c -> drained.applyTo(facts, tenant, c)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not update the facts of tenant " + tenant.id() + " write by write; reading"
                    + " them all again", e);
            return null;
        }
    }

    /** @return how many times the tenant's facts were read whole (the first build, then fallbacks) */
    long fullReads(String tenantId) {
        java.util.concurrent.atomic.AtomicLong n = fullReads.get(tenantId);
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
