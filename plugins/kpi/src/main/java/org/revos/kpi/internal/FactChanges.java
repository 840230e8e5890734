package org.revos.kpi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.revos.api.event.RevosEvents;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.api.query.ObjectTable;

/**
 * The committed writes of one tenant not yet in its facts snapshot, as their events. Drained, they say what to read
 * again: the rows of created or changed leads, deals and accounts; the whole stage history of each lead or deal that
 * moved or was created; the whole ledger of each account that got revenue; the users and team history when a user
 * changed. Reading a whole history or ledger again (rather than the one new row) makes applying a change twice
 * harmless, so a write that lands while a snapshot is being read is simply applied again after it.
 */
final class FactChanges {

    /** Past this many events between two reads, reading everything again is cheaper. */
    static final int LIMIT = 20_000;

    private static final Set<String> FACT_TYPES = Set.of("LEAD", "DEAL", "ACCOUNT", "USER", "REVENUE_EVENT");
    private static final Set<String> IRRELEVANT = Set.of(RevosEvents.DEAL_WON, RevosEvents.ACCOUNT_GREEN);

    private List<Map<String, Object>> events = new ArrayList<>();
    private List<String> topics = new ArrayList<>();
    private boolean overflow;
    /** The numbers of the first and last write heard since the last drain; -1 while none */
    private long first = -1;
    private long last = -1;
    /** Whether a number was skipped since the last drain: writes went unheard */
    private boolean gap;
    /** When the last write was heard ({@link System#nanoTime()}), for writing files of quiet tenants */
    private volatile long lastHeard = System.nanoTime();

    /** @param commit the write's number in the tenant's change feed */
    synchronized void add(long commit, List<Map.Entry<String, Map<String, Object>>> committed) {
        lastHeard = System.nanoTime();
        if (last >= 0 && commit != last + 1) {
            gap = true;
        }
        if (first < 0) {
            first = commit;
        }
        last = commit;
        if (overflow) {
            return;
        }
        for (Map.Entry<String, Map<String, Object>> e : committed) {
            topics.add(e.getKey());
            events.add(e.getValue());
        }
        if (events.size() > LIMIT) {
            overflow = true;
            events = new ArrayList<>();
            topics = new ArrayList<>();
        }
    }

    /** @return when the last write was heard, in {@link System#nanoTime()}'s terms */
    long lastHeard() {
        return lastHeard;
    }

    /** @return the changes so far, forgetting them here */
    synchronized Drained drain() {
        Drained d = new Drained(overflow, first, last, gap);
        for (int i = 0; i < events.size() && d.incremental; i++) {
            d.add(topics.get(i), events.get(i));
        }
        events = new ArrayList<>();
        topics = new ArrayList<>();
        overflow = false;
        first = -1;
        last = -1;
        gap = false;
        return d;
    }

    /** What drained changes name, and whether they can be applied to a snapshot at all. */
    static final class Drained {
        private boolean incremental;
        private final Map<ObjectType, Set<String>> rows = new EnumMap<>(ObjectType.class);
        private final Map<ObjectType, Set<String>> histories = new EnumMap<>(ObjectType.class);
        private final Set<String> ledgers = new LinkedHashSet<>();
        private final Set<String> revenueEvents = new LinkedHashSet<>();
        private boolean users;
        private final long first;
        private final long last;
        private final boolean gap;

        private Drained(boolean overflow, long first, long last, boolean gap) {
            this.incremental = !overflow;
            this.first = first;
            this.last = last;
            this.gap = gap;
            for (ObjectType t : List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT)) {
                rows.put(t, new LinkedHashSet<>());
            }
            histories.put(ObjectType.LEAD, new LinkedHashSet<>());
            histories.put(ObjectType.DEAL, new LinkedHashSet<>());
        }

        boolean incremental() {
            return incremental;
        }

        /**
         * @param held   the number of the last write the snapshot holds
         * @param latest the tenant's commit counter now
         * @return whether these changes can bring a snapshot holding writes up to {@code held} up to {@code latest}:
         *         nothing overflowed, no number was skipped, and every write after {@code held} up to {@code latest}
         *         was heard (a write heard twice is harmless, see above)
         */
        boolean covers(long held, long latest) {
            if (!incremental || gap) {
                return false;
            }
            if (first < 0) {
                return latest <= held;
            }
            return first <= held + 1 && last >= latest;
        }

        /**
         * Makes the successor snapshot start without the memos of its predecessor: reading the users and team history
         * again counts as a change to everything (see {@code FactsBuilder.clearMemberships}).
         */
        void forgetDerived() {
            users = true;
        }

        /** @return the number of the last write these changes hold; -1 when none */
        long last() {
            return last;
        }

        boolean isEmpty() {
            return !users && ledgers.isEmpty() && revenueEvents.isEmpty()
                    && rows.values().stream().allMatch(Set::isEmpty)
                    && histories.values().stream().allMatch(Set::isEmpty);
        }

        private void add(String topic, Map<String, Object> event) {
            String type = String.valueOf(event.get(RevosEvents.OBJECT_TYPE));
            String id = (String) event.get(RevosEvents.OBJECT_ID);
            boolean object = topic.equals(RevosEvents.OBJECT_CREATED) || topic.equals(RevosEvents.OBJECT_UPDATED);
            if (IRRELEVANT.contains(topic) || (topic.startsWith("org/revos/object/") && !FACT_TYPES.contains(type))) {
                return;
            }
            if (topic.equals(RevosEvents.STAGE_CHANGED) && histories.containsKey(objectType(type))) {
                histories.get(objectType(type)).add(id);
            } else if (topic.equals(RevosEvents.REVENUE_RECORDED) && event.get(RevosEvents.ACCOUNT_ID) != null) {
                ledgers.add((String) event.get(RevosEvents.ACCOUNT_ID));
            } else if (object && type.equals("USER")) {
                users = true;
            } else if (topic.equals(RevosEvents.OBJECT_CREATED) && type.equals("REVENUE_EVENT")) {
                revenueEvents.add(id);
            } else if (object && rows.containsKey(objectType(type))) {
                rows.get(objectType(type)).add(id);
                if (topic.equals(RevosEvents.OBJECT_CREATED) && histories.containsKey(objectType(type))) {
                    histories.get(objectType(type)).add(id);
                }
            } else {
                incremental = false;
            }
        }

        private static ObjectType objectType(String name) {
            try {
                return ObjectType.valueOf(name);
            } catch (IllegalArgumentException e) {
                return ObjectType.CONTACT;
            }
        }

        /**
         * @return the successor of {@code facts} with every named object, history and ledger read again; {@code null}
         *         when a change cannot be applied row by row (a user's segment or an account's slicing dimensions
         *         changed, which other objects inherit)
         */
        Facts applyTo(Facts facts, Tenant tenant, Connection connection) throws SQLException {
            if (onlyRowsThatHold(facts, tenant, connection)) {
                return facts;
            }
            FactsBuilder b = facts.toBuilder();
            FactsReader reader = new FactsReader(connection, tenant.id(), b);
            if (users) {
                reader.users();
                if (!leadSegmentsHold(facts, reader.segments())) {
                    return null;
                }
            }
            readRows(reader, !users);
            for (String event : revenueEvents) {
                String account = reader.accountOfRevenueEvent(event);
                if (account != null) {
                    ledgers.add(account);
                }
            }
            for (Map.Entry<ObjectType, Set<String>> h : histories.entrySet()) {
                for (String id : h.getValue()) {
                    b.forgetEntries(h.getKey(), id);
                    reader.entries(h.getKey(), id);
                }
            }
            for (String account : ledgers) {
                b.forgetRevenue(account);
                reader.revenueOf(account);
            }
            Facts next = b.build(Instant.now());
            return accountDimensionsHold(facts, next) ? next : null;
        }

        /**
         * @return whether the changes are only updates of existing objects that left every fact of them as it was
         *         (a deal renamed, an account's website changed): then the snapshot, and what was derived from it, stays
         */
        private boolean onlyRowsThatHold(Facts facts, Tenant tenant, Connection connection) throws SQLException {
            if (users || !ledgers.isEmpty() || !revenueEvents.isEmpty()
                    || histories.values().stream().anyMatch(h -> !h.isEmpty())) {
                return false;
            }
            FactsBuilder scratch = Facts.builder(tenant);
            FactsReader reader = new FactsReader(connection, tenant.id(), scratch);
            readRows(reader, true);
            Facts read = scratch.build(facts.asOf());
            for (Map.Entry<ObjectType, Set<String>> changed : rows.entrySet()) {
                for (String id : changed.getValue()) {
                    if (!sameRow(facts.objects(changed.getKey()), read.objects(changed.getKey()), id)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Reads the named leads, deals and accounts (and the users first, for leads' segments, when asked). */
        private void readRows(FactsReader reader, boolean usersForLeads) throws SQLException {
            if (usersForLeads && !rows.get(ObjectType.LEAD).isEmpty()) {
                reader.users();
            }
            for (String account : rows.get(ObjectType.ACCOUNT)) {
                reader.accounts(account);
            }
            for (String deal : rows.get(ObjectType.DEAL)) {
                reader.deals(deal);
            }
            for (String lead : rows.get(ObjectType.LEAD)) {
                reader.leads(lead);
            }
        }

        private static boolean sameRow(ObjectTable was, ObjectTable now, String id) {
            int i = was.indexOf(id);
            int j = now.indexOf(id);
            if (i < 0 || j < 0 || was.createdAt(i) != now.createdAt(j) || was.arrCents(i) != now.arrCents(j)) {
                return false;
            }
            for (String d : was.dimensions()) {
                if (!Objects.equals(was.dimension(d, i), now.dimension(d, j))) {
                    return false;
                }
            }
            return true;
        }

        /** @return whether every lead still has its owner's segment */
        private static boolean leadSegmentsHold(Facts facts, Map<String, String> segmentOfUser) {
            ObjectTable leads = facts.objects(ObjectType.LEAD);
            for (int i = 0; i < leads.size(); i++) {
                String owner = leads.dimension("ownerId", i);
                if (!Objects.equals(leads.dimension("segment", i), owner == null ? null : segmentOfUser.get(owner))) {
                    return false;
                }
            }
            return true;
        }

        /** @return whether the changed accounts kept the segment and country their deals carry */
        private boolean accountDimensionsHold(Facts before, Facts after) {
            ObjectTable was = before.objects(ObjectType.ACCOUNT);
            ObjectTable now = after.objects(ObjectType.ACCOUNT);
            for (String id : rows.get(ObjectType.ACCOUNT)) {
                int i = was.indexOf(id);
                int j = now.indexOf(id);
                if (i >= 0 && (!Objects.equals(was.dimension("segment", i), now.dimension("segment", j))
                        || !Objects.equals(was.dimension("country", i), now.dimension("country", j)))) {
                    return false;
                }
            }
            return true;
        }
    }
}
