package org.revos.leads.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.revos.api.leads.Rep;
import org.revos.api.model.UserRole;

/**
 * The tenant's users as routing sees them: capacity from the user, load from the open leads and open deals they own,
 * and the round-robin ordinal of their last routed lead. Counted from the store once ({@link #load}), then kept
 * current by intake itself as it routes ({@link #book}), under the tenant's intake lock: the engine keeps one per
 * tenant across requests for as long as no other write could have changed a load (see
 * {@code LeadsEngine#committed}). A transaction that rolls back puts the counts back ({@link #mark},
 * {@link #reset}). Users and leads are the kernel's; they are read by their entity names, which JPQL knows in the one
 * persistence unit.
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

    /**
     * Books a lead routed to {@code repId} in the running transaction, so the next sign-up of the same transaction
     * sees the rep's new load and turn.
     *
     * @param open whether the lead counts against the rep's capacity as it stands (its stage is an open one)
     */
    void book(String repId, long ordinal, boolean open) {
        State rep = reps.get(repId);
        if (rep != null) {
            if (open) {
                rep.load++;
            }
            rep.lastRouted = ordinal;
        }
        seq = Math.max(seq, ordinal);
    }

    /** The counts at one moment, to put back when a transaction that booked leads rolls back. */
    record Mark(Map<String, long[]> states, long seq) {
    }

    Mark mark() {
        Map<String, long[]> states = new LinkedHashMap<>();
        reps.forEach((id, r) -> states.put(id, new long[] { r.load, r.lastRouted }));
        return new Mark(states, seq);
    }

    void reset(Mark mark) {
        mark.states().forEach((id, v) -> {
            State r = reps.get(id);
            r.load = (int) v[0];
            r.lastRouted = v[1];
        });
        seq = mark.seq();
    }

    /** @return every user's load, by id (what a recount must find) */
    Map<String, Integer> loads() {
        Map<String, Integer> out = new LinkedHashMap<>();
        reps.forEach((id, r) -> out.put(id, r.load));
        return out;
    }

    /** @return every user's round-robin ordinal, by id */
    Map<String, Long> turns() {
        Map<String, Long> out = new LinkedHashMap<>();
        reps.forEach((id, r) -> out.put(id, r.lastRouted));
        return out;
    }

    /**
     * @return whether a lead in {@code stage} counts as load by the tenant's settings: without a stage, or in one of
     *         the open lead stages (the same rule as {@link #openLead})
     */
    static boolean openStage(IntakeSettings settings, String stage) {
        return stage == null || settings.openLeadStages().contains(stage);
    }
}
