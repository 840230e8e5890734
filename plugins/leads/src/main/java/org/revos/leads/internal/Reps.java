package org.revos.leads.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.revos.api.leads.Rep;
import org.revos.api.model.UserRole;

/**
 * The tenant's users as routing sees them, loaded once per intake request under the tenant's intake lock and kept
 * current as leads are routed: capacity from the user, load from the open leads and open deals they own, and the
 * round-robin ordinal of their last routed lead. Users and leads are the kernel's; they are read by their entity names,
 * which JPQL knows in the one persistence unit.
 */
final class Reps {

    /** One user; {@link #load} and {@link #lastRouted} change as intake routes to them. */
    static final class State implements Rep {
        private final String id;
        private final UserRole role;
        private final String team;
        private final String segment;
        private final int capacity;
        int load;
        long lastRouted;

        State(String id, UserRole role, String team, String segment, int capacity, int load, long lastRouted) {
            this.id = id;
            this.role = role;
            this.team = team;
            this.segment = segment;
            this.capacity = capacity;
            this.load = load;
            this.lastRouted = lastRouted;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public UserRole role() {
            return role;
        }

        @Override
        public String team() {
            return team;
        }

        @Override
        public String segment() {
            return segment;
        }

        @Override
        public int capacity() {
            return capacity;
        }

        @Override
        public int load() {
            return load;
        }

        @Override
        public long lastRouted() {
            return lastRouted;
        }
    }

    /** An immutable copy handed to a strategy, so what it keeps cannot change under it. */
    record Snapshot(String id, UserRole role, String team, String segment, int capacity, int load, long lastRouted)
            implements Rep {
    }

    private final Map<String, State> reps;
    private long seq;

    Reps(Map<String, State> reps, long seq) {
        this.reps = reps;
        this.seq = seq;
    }

    static Reps load(EntityManager em, IntakeSettings settings) {
        Map<String, Integer> load = new LinkedHashMap<>();
        var leads = em.createQuery("SELECT l.ownerId, COUNT(l) FROM LeadEntity l WHERE l.ownerId IS NOT NULL AND "
                + openLead(settings, "l") + " GROUP BY l.ownerId", Object[].class);
        if (!settings.openLeadStages().isEmpty()) {
            leads.setParameter("open", List.copyOf(settings.openLeadStages()));
        }
        leads.getResultList().forEach(r -> load.merge((String) r[0], ((Number) r[1]).intValue(), Integer::sum));
        boolean closed = !settings.closedDealStages().isEmpty();
        var deals = em.createQuery("SELECT d.ownerId, COUNT(d) FROM DealEntity d WHERE d.ownerId IS NOT NULL"
                + (closed ? " AND (d.stage IS NULL OR d.stage NOT IN :closed)" : "") + " GROUP BY d.ownerId",
                Object[].class);
        if (closed) {
            deals.setParameter("closed", List.copyOf(settings.closedDealStages()));
        }
        deals.getResultList().forEach(r -> load.merge((String) r[0], ((Number) r[1]).intValue(), Integer::sum));
        Map<String, Long> last = new LinkedHashMap<>();
        em.createQuery("SELECT r FROM LeadRepEntity r", LeadRepEntity.class).getResultList()
                .forEach(r -> last.put(r.id, r.lastRouted));
        Map<String, State> reps = new LinkedHashMap<>();
        for (Object[] u : em.createQuery("SELECT u.id, u.role, u.team, u.segment, u.capacity FROM UserEntity u"
                + " ORDER BY u.id", Object[].class).getResultList()) {
            String id = (String) u[0];
            UserRole role;
            try {
                role = UserRole.valueOf((String) u[1]);
            } catch (IllegalArgumentException | NullPointerException e) {
                role = null;
            }
            reps.put(id, new State(id, role, (String) u[2], (String) u[3],
                    u[4] == null ? 0 : ((Number) u[4]).intValue(), load.getOrDefault(id, 0),
                    last.getOrDefault(id, 0L)));
        }
        long seq = last.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new Reps(reps, seq);
    }

    /**
     * @return the JPQL condition that a lead ({@code alias}) is open: without a stage, or in one of the tenant's open
     *         lead stages (parameter {@code :open}, set only when there are any)
     */
    static String openLead(IntakeSettings settings, String alias) {
        return settings.openLeadStages().isEmpty() ? alias + ".stage IS NULL"
                : "(" + alias + ".stage IS NULL OR " + alias + ".stage IN :open)";
    }

    List<Rep> snapshot() {
        List<Rep> out = new ArrayList<>(reps.size());
        reps.values().forEach(r -> out.add(new Snapshot(r.id, r.role, r.team, r.segment, r.capacity, r.load,
                r.lastRouted)));
        return out;
    }

    State get(String id) {
        return id == null ? null : reps.get(id);
    }

    /** @return the ordinal the next routed lead takes */
    long nextSeq() {
        return seq + 1;
    }

    /** Books a routed lead once its transaction has committed. */
    void routed(String repId, long ordinal) {
        State rep = reps.get(repId);
        if (rep != null) {
            rep.load++;
            rep.lastRouted = ordinal;
        }
        seq = Math.max(seq, ordinal);
    }
}
