package org.revos.runtime.internal.kpi;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.runtime.internal.persistence.Store;

/**
 * Each tenant's {@link Facts}, held in memory as columns and built from the store on first use. A snapshot stays
 * valid until the tenant's next committed write ({@link Store#commits(String)} moves before that write's events are
 * posted), so a read that follows a write always sees it; the next read then rebuilds. Readers share one immutable
 * snapshot; a rebuild never blocks readers of another tenant.
 */
@Component(service = FactsProjection.class)
public final class FactsProjection {

    private record Snapshot(long commits, Facts facts) {
    }

    private final Store store;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    @Activate
    public FactsProjection(@Reference Store store) {
        this.store = store;
    }

    /** @return the tenant's facts as known at {@code asOf} ({@code null}: now) */
    public Facts facts(Tenant tenant, Instant asOf) {
        Facts now = current(tenant);
        return asOf == null ? now : now.asOf(asOf);
    }

    private Facts current(Tenant tenant) {
        long commits = store.commits(tenant.id());
        Snapshot s = snapshots.get(tenant.id());
        if (s != null && s.commits() == commits) {
            return s.facts();
        }
        synchronized (lock(tenant.id())) {
            s = snapshots.get(tenant.id());
            long latest = store.commits(tenant.id());
            if (s == null || s.commits() != latest) {
                s = new Snapshot(latest, store.read(tenant.id(), em -> load(tenant, em)));
                snapshots.put(tenant.id(), s);
            }
            return s.facts();
        }
    }

    private Object lock(String tenantId) {
        return locks.computeIfAbsent(tenantId, t -> new Object());
    }

    /** Reads every fact of the tenant with scalar queries (no entities) and builds the columns. */
    static Facts load(Tenant tenant, EntityManager em) {
        Instant now = Instant.now();
        FactsBuilder b = Facts.builder(tenant);
        Map<String, String> segmentOfUser = new HashMap<>();
        Map<String, String> teamOfUser = new HashMap<>();
        for (Object[] u : rows(em, "SELECT u.id, u.team, u.segment FROM UserEntity u")) {
            teamOfUser.put((String) u[0], (String) u[1]);
            segmentOfUser.put((String) u[0], (String) u[2]);
        }
        for (Object[] m : rows(em, "SELECT m.userId, m.team, m.sinceAt FROM TeamMembershipEntity m")) {
            b.membership((String) m[0], (String) m[1], at(m[2]));
            teamOfUser.remove((String) m[0]);
        }
        teamOfUser.forEach((user, team) -> b.membership(user, team, Instant.EPOCH));
        Map<String, String[]> accountDims = new HashMap<>();
        for (Object[] a : rows(em, "SELECT a.id, a.createdAt, a.ownerId, a.segment, a.country FROM AccountEntity a")) {
            accountDims.put((String) a[0], new String[] { (String) a[3], (String) a[4] });
            b.object(ObjectType.ACCOUNT, (String) a[0], at(a[1]), 0, dims("ownerId", a[2], "segment", a[3],
                    "country", a[4]));
        }
        for (Object[] d : rows(em, "SELECT d.id, d.createdAt, d.arrCents, d.ownerId, d.accountId, d.pipeline"
                + " FROM DealEntity d")) {
            String[] account = accountDims.getOrDefault((String) d[4], new String[2]);
            b.object(ObjectType.DEAL, (String) d[0], at(d[1]), (Long) d[2], dims("ownerId", d[3], "pipeline", d[5],
                    "segment", account[0], "country", account[1]));
        }
        for (Object[] l : rows(em, "SELECT l.id, l.createdAt, l.ownerId, l.pipeline, l.source, l.country"
                + " FROM LeadEntity l")) {
            b.object(ObjectType.LEAD, (String) l[0], at(l[1]), 0, dims("ownerId", l[2], "pipeline", l[3], "source",
                    l[4], "country", l[5], "segment", segmentOfUser.get((String) l[2])));
        }
        for (Object[] t : rows(em, "SELECT t.objectType, t.objectId, t.toStage, t.at FROM StageTransitionEntity t"
                + " ORDER BY t.at, t.id")) {
            b.entered(ObjectType.valueOf((String) t[0]), (String) t[1], (String) t[2], at(t[3]));
        }
        for (Object[] r : rows(em, "SELECT r.accountId, r.occurredAt, r.kind, r.arrDeltaCents, r.dealId, r.createdAt"
                + " FROM RevenueEventEntity r ORDER BY r.occurredAt, r.id")) {
            b.revenue((String) r[0], at(r[1]), RevenueKind.valueOf((String) r[2]), (Long) r[3], r[4] != null,
                    at(r[5]));
        }
        return b.build(now);
    }

    private static List<Object[]> rows(EntityManager em, String jpql) {
        return em.createQuery(jpql, Object[].class).getResultList();
    }

    private static Instant at(Object millis) {
        return Instant.ofEpochMilli((Long) millis);
    }

    private static Map<String, String> dims(Object... pairs) {
        Map<String, String> dims = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                dims.put((String) pairs[i], (String) pairs[i + 1]);
            }
        }
        return dims;
    }
}
