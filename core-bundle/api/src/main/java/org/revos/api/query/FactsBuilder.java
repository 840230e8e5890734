package org.revos.api.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;

/**
 * Collects facts row by row and builds a {@link Facts} snapshot. Rows may come in any order; stage entries and
 * revenue events are ordered by instant (then by the order they were added) when built. Stage entries of unknown
 * objects and revenue of unknown accounts are left out. Adding an object whose id was added before replaces that
 * object's row. Rows are held in primitive columns, so millions of them cost tens of bytes each.
 */
public final class FactsBuilder {

    private static final List<ObjectType> TYPES = List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT);

    private final Tenant tenant;
    private final Map<ObjectType, Objects> objects = new EnumMap<>(ObjectType.class);
    private final Map<ObjectType, Entries> entries = new EnumMap<>(ObjectType.class);
    private final Revenue revenue;
    private final Map<String, List<Membership>> memberships = new LinkedHashMap<>();
    private final Map<String, String> values = new HashMap<>();
    /** The snapshot this builder started from, {@code null} when it started empty. */
    private final Facts predecessor;
    /** The earliest instant of anything changed since {@link #predecessor}; {@code Long.MIN_VALUE}: anything may have. */
    private long changedFrom = Long.MAX_VALUE;

    FactsBuilder(Tenant tenant) {
        this.tenant = tenant;
        this.predecessor = null;
        for (ObjectType type : TYPES) {
            objects.put(type, new Objects(type, new ConcurrentHashMap<>(), 16));
        }
        entries.put(ObjectType.LEAD, new Entries(objects.get(ObjectType.LEAD), 16));
        entries.put(ObjectType.DEAL, new Entries(objects.get(ObjectType.DEAL), 16));
        revenue = new Revenue(objects.get(ObjectType.ACCOUNT), 16);
    }

    /**
     * A builder that holds every row of {@code facts}, to add what happened since and build its successor without
     * reading everything again. It shares the id index of {@code facts} (rows are only ever added past its end), so
     * build at most one successor from a snapshot.
     */
    FactsBuilder(Facts facts) {
        this.tenant = facts.tenant();
        this.predecessor = facts;
        for (ObjectType type : TYPES) {
            objects.put(type, Objects.from(facts.objects(type)));
        }
        for (ObjectType type : List.of(ObjectType.LEAD, ObjectType.DEAL)) {
            entries.put(type, Entries.from(facts.stages(type), objects.get(type)));
        }
        revenue = Revenue.from(facts.revenue(), facts.revenueRecordedAt(), objects.get(ObjectType.ACCOUNT));
        TeamHistory teams = facts.teams();
        teams.since().forEach((user, since) -> {
            for (int i = 0; i < since.length; i++) {
                membership(user, teams.teams().get(user)[i], Instant.ofEpochMilli(since[i]));
            }
        });
    }

    /**
     * Adds a lead, deal or account, or replaces the row of one added before under the same id.
     *
     * @param arrCents   the deal's ARR in minor units, 0 for others
     * @param dimensions values of {@link Facts#DIMENSIONS} (other than {@code team}); absent ones are unset
     */
    public FactsBuilder object(ObjectType type, String id, Instant createdAt, long arrCents,
            Map<String, String> dimensions) {
        Objects table = table(type);
        Integer known = table.index.get(id);
        if (known != null && known < table.size) {
            if (table.holds(known, createdAt.toEpochMilli(), arrCents, dimensions)) {
                return this;
            }
            changedFrom = Long.MIN_VALUE;
        } else {
            changedFrom = Math.min(changedFrom, createdAt.toEpochMilli());
        }
        int i = table.row(id);
        table.createdAt[i] = createdAt.toEpochMilli();
        table.arr[i] = arrCents;
        for (Map.Entry<String, String[]> column : table.columns.entrySet()) {
            String value = dimensions.get(column.getKey());
            column.getValue()[i] = value == null ? null : values.computeIfAbsent(value, v -> v);
        }
        return this;
    }

    /** Adds that a lead or deal entered a stage. */
    public FactsBuilder entered(ObjectType type, String objectId, String stage, Instant at) {
        Entries log = entries.get(type);
        if (log == null) {
            throw new IllegalArgumentException("Only leads and deals enter stages, not " + type);
        }
        log.add(objectId, stage, at.toEpochMilli());
        return this;
    }

    /**
     * Leaves out the stage entries of one lead or deal added so far (entries added afterwards are kept), to add its
     * whole stage history again as the store now has it.
     *
     * @since 1.1
     */
    public FactsBuilder forgetEntries(ObjectType type, String objectId) {
        Entries log = entries.get(type);
        if (log == null) {
            throw new IllegalArgumentException("Only leads and deals enter stages, not " + type);
        }
        log.forget(objectId);
        return this;
    }

    /**
     * Leaves out the revenue events of one account added so far (events added afterwards are kept), to add its whole
     * ledger again as the store now has it.
     *
     * @since 1.1
     */
    public FactsBuilder forgetRevenue(String accountId) {
        revenue.forget(accountId);
        return this;
    }

    /** Adds a revenue event; {@code recordedAt} is when it was written. */
    public FactsBuilder revenue(String accountId, Instant occurredAt, RevenueKind kind, long arrDeltaCents,
            boolean salesClosed, Instant recordedAt) {
        revenue.add(accountId, occurredAt.toEpochMilli(), kind, arrDeltaCents, salesClosed, recordedAt.toEpochMilli());
        return this;
    }

    /**
     * Adds that a user belongs to {@code team} from {@code since} on (until a later membership starts); a {@code null}
     * team means the user belongs to no team from then on (the field is optional).
     */
    public FactsBuilder membership(String userId, String team, Instant since) {
        memberships.computeIfAbsent(userId, u -> new ArrayList<>()).add(new Membership(since.toEpochMilli(), team));
        return this;
    }

    /** @param team {@code null} for "in no team" */
    private record Membership(long since, String team) {
    }

    /**
     * Forgets every membership added so far, to add the whole team history again.
     *
     * @since 1.1
     */
    public FactsBuilder clearMemberships() {
        memberships.clear();
        changedFrom = Long.MIN_VALUE;
        return this;
    }

    /** @return a snapshot of everything added */
    public Facts build(Instant asOf) {
        Map<ObjectType, ObjectTable> tables = new EnumMap<>(ObjectType.class);
        objects.forEach((type, o) -> tables.put(type, o.table()));
        Map<ObjectType, StageLog> logs = new EnumMap<>(ObjectType.class);
        entries.forEach((type, e) -> logs.put(type, e.log(tables.get(type))));
        Facts facts = revenue.facts(tenant, asOf, tables, logs, teams());
        if (predecessor != null) {
            long changed = changedFrom;
            for (Entries e : entries.values()) {
                changed = Math.min(changed, e.changedFrom);
            }
            facts.keepDerived(predecessor, Math.min(changed, revenue.changedFrom));
        }
        return facts;
    }

    private TeamHistory teams() {
        Map<String, long[]> since = new HashMap<>();
        Map<String, String[]> teams = new HashMap<>();
        memberships.forEach((user, list) -> {
            List<Membership> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingLong(Membership::since));
            since.put(user, sorted.stream().mapToLong(Membership::since).toArray());
            teams.put(user, sorted.stream().map(Membership::team).toArray(String[]::new));
        });
        return new TeamHistory(since, teams);
    }

    private Objects table(ObjectType type) {
        Objects table = objects.get(type);
        if (table == null) {
            throw new IllegalArgumentException("Facts hold leads, deals and accounts, not " + type);
        }
        return table;
    }

    /** @return {@code facts} without what was created, entered, occurred or recorded after {@code instant} */
    static Facts copy(Facts facts, Instant instant) {
        long t = instant.toEpochMilli();
        FactsBuilder b = new FactsBuilder(facts.tenant());
        for (ObjectType type : TYPES) {
            ObjectTable table = facts.objects(type);
            for (int i = 0; i < table.size(); i++) {
                if (table.createdAt(i) <= t) {
                    Map<String, String> dims = new HashMap<>();
                    for (String d : table.dimensions()) {
                        if (table.dimension(d, i) != null) {
                            dims.put(d, table.dimension(d, i));
                        }
                    }
                    b.object(type, table.id(i), Instant.ofEpochMilli(table.createdAt(i)), table.arrCents(i), dims);
                }
            }
            if (type != ObjectType.ACCOUNT) {
                StageLog log = facts.stages(type);
                for (int i = 0; i < log.size() && log.at(i) <= t; i++) {
                    b.entered(type, table.id(log.object(i)), log.stageId(log.stage(i)), Instant.ofEpochMilli(log.at(i)));
                }
            }
        }
        RevenueLog r = facts.revenue();
        ObjectTable accounts = facts.objects(ObjectType.ACCOUNT);
        for (int i = 0; i < r.size() && r.at(i) <= t; i++) {
            if (facts.revenueRecordedAt()[i] <= t) {
                b.revenue(accounts.id(r.account(i)), Instant.ofEpochMilli(r.at(i)), r.kind(i), r.arrDeltaCents(i),
                        r.salesClosed(i), Instant.ofEpochMilli(facts.revenueRecordedAt()[i]));
            }
        }
        TeamHistory teams = facts.teams().until(t);
        teams.since().forEach((user, since) -> {
            for (int i = 0; i < since.length; i++) {
                b.membership(user, teams.teams().get(user)[i], Instant.ofEpochMilli(since[i]));
            }
        });
        return b.build(instant);
    }

    private static int grown(int size) {
        return size + (size >> 1) + 16;
    }

    /**
     * Rows of one object type, as growing columns; the index maps ids to rows. Rows below {@code shared} are also an
     * earlier snapshot's (its columns are these arrays): they are copied before one of them changes, while rows are
     * appended past them in place.
     */
    private static final class Objects {
        final ObjectType type;
        final Map<String, Integer> index;
        final Map<String, String[]> columns = new LinkedHashMap<>();
        String[] ids;
        long[] createdAt;
        long[] arr;
        int size;
        int shared;

        Objects(ObjectType type, Map<String, Integer> index, int capacity) {
            this.type = type;
            this.index = index;
            ids = new String[capacity];
            createdAt = new long[capacity];
            arr = new long[capacity];
            for (String d : Facts.DIMENSIONS) {
                boolean carried = !d.equals("team") && !(d.equals("source") && type != ObjectType.LEAD)
                        && !(d.equals("pipeline") && type == ObjectType.ACCOUNT);
                if (carried) {
                    columns.put(d, new String[capacity]);
                }
            }
        }

        static Objects from(ObjectTable table) {
            Objects o = new Objects(table.type(), table.index(), 0);
            o.ids = table.ids();
            o.createdAt = table.createdAt();
            o.arr = table.arrCents();
            o.columns.replaceAll((d, empty) -> table.column(d));
            o.size = table.size();
            o.shared = o.size;
            return o;
        }

        /** @return the row of {@code id}: the existing one, or a new one at the end */
        int row(String id) {
            Integer known = index.get(id);
            if (known != null && known < size) {
                if (known < shared) {
                    resize(ids.length);
                }
                return known;
            }
            if (size == ids.length) {
                resize(grown(size));
            }
            ids[size] = id;
            index.put(id, size);
            return size++;
        }

        /** @return whether row {@code i} holds these values already */
        boolean holds(int i, long created, long arrCents, Map<String, String> dimensions) {
            if (createdAt[i] != created || arr[i] != arrCents) {
                return false;
            }
            for (Map.Entry<String, String[]> column : columns.entrySet()) {
                if (!java.util.Objects.equals(column.getValue()[i], dimensions.get(column.getKey()))) {
                    return false;
                }
            }
            return true;
        }

        private void resize(int capacity) {
            ids = Arrays.copyOf(ids, capacity);
            createdAt = Arrays.copyOf(createdAt, capacity);
            arr = Arrays.copyOf(arr, capacity);
            columns.replaceAll((d, column) -> Arrays.copyOf(column, capacity));
            shared = 0;
        }

        ObjectTable table() {
            shared = size;
            return new ObjectTable(type, ids, createdAt, arr, new HashMap<>(columns), index, size);
        }
    }

    /**
     * Stage entries of one object type. Objects known when an entry is added are resolved to their row at once;
     * others (objects added later) are kept by id, as {@code -1 - k} of {@link #unresolved}, until built. Rows below
     * {@code shared} are an earlier snapshot's too, as for {@link Objects}.
     */
    private static final class Entries {
        final Objects objects;
        final List<String> stageIds;
        final Map<String, Integer> codes;
        final List<String> unresolved = new ArrayList<>();
        final Forgotten forgotten = new Forgotten();
        long[] at;
        int[] object;
        int[] stage;
        int size;
        int shared;
        /** Rows below it came from the predecessor snapshot. */
        int base;
        /** After {@link #log}: the earliest instant of a row added or left out since the predecessor. */
        long changedFrom = Long.MAX_VALUE;

        Entries(Objects objects, int capacity) {
            this.objects = objects;
            this.stageIds = new ArrayList<>();
            this.codes = new HashMap<>();
            at = new long[capacity];
            object = new int[capacity];
            stage = new int[capacity];
        }

        /** Keeps the codes of the stages, so a code means the same stage in successive snapshots. */
        static Entries from(StageLog log, Objects objects) {
            Entries e = new Entries(objects, 0);
            for (int c = 0; c < log.stageIds().size(); c++) {
                e.codes.put(log.stageIds().get(c), c);
                e.stageIds.add(log.stageIds().get(c));
            }
            e.at = log.at();
            e.object = log.objects();
            e.stage = log.stages();
            e.size = log.size();
            e.shared = e.size;
            e.base = e.size;
            return e;
        }

        void forget(String objectId) {
            forgotten.forget(objects, objectId, size);
        }

        void add(String objectId, String stageId, long instant) {
            if (size == at.length) {
                resize(grown(size));
            }
            Integer row = objects.index.get(objectId);
            if (row != null && row < objects.size) {
                object[size] = row;
            } else {
                unresolved.add(objectId);
                object[size] = -unresolved.size();
            }
            stage[size] = codes.computeIfAbsent(stageId, s -> {
                stageIds.add(s);
                return stageIds.size() - 1;
            });
            at[size++] = instant;
        }

        private void resize(int capacity) {
            at = Arrays.copyOf(at, capacity);
            object = Arrays.copyOf(object, capacity);
            stage = Arrays.copyOf(stage, capacity);
            shared = 0;
        }

        StageLog log(ObjectTable table) {
            BitSet drop = forgotten.resolve(object, size, shared, unresolved, table);
            drop.or(forgotten.dropped(object, size, (i, j) -> at[i] == at[j] && stage[i] == stage[j]));
            changedFrom = earliestChange(at, size, base, drop);
            if (!drop.isEmpty()) {
                if (drop.nextSetBit(0) < shared) {
                    resize(at.length);
                }
                size = compact(size, drop, (i, n) -> {
                    at[n] = at[i];
                    object[n] = object[i];
                    stage[n] = stage[i];
                });
            }
            int[] order = Columns.order(at, size);
            if (order == null) {
                shared = size;
                return new StageLog(at, object, stage, size, stageIds, codes, table.size());
            }
            return new StageLog(permuted(at, order), permuted(object, order), permuted(stage, order), size, stageIds,
                    codes, table.size());
        }
    }

    /** Revenue events, accounts resolved as stage entries' objects are. */
    private static final class Revenue {
        final Objects accounts;
        final List<String> unresolved = new ArrayList<>();
        final Forgotten forgotten = new Forgotten();
        long[] at;
        int[] account;
        byte[] kind;
        long[] delta;
        boolean[] sales;
        long[] recorded;
        int size;
        int shared;
        int base;
        long changedFrom = Long.MAX_VALUE;

        Revenue(Objects accounts, int capacity) {
            this.accounts = accounts;
            at = new long[capacity];
            account = new int[capacity];
            kind = new byte[capacity];
            delta = new long[capacity];
            sales = new boolean[capacity];
            recorded = new long[capacity];
        }

        static Revenue from(RevenueLog log, long[] recordedAt, Objects accounts) {
            Revenue r = new Revenue(accounts, 0);
            r.at = log.at();
            r.account = log.accounts();
            r.kind = log.kinds();
            r.delta = log.deltas();
            r.sales = log.sales();
            r.recorded = recordedAt;
            r.size = log.size();
            r.shared = r.size;
            r.base = r.size;
            return r;
        }

        void forget(String accountId) {
            forgotten.forget(accounts, accountId, size);
        }

        void add(String accountId, long occurred, RevenueKind k, long cents, boolean salesClosed, long recordedAt) {
            if (size == at.length) {
                resize(grown(size));
            }
            Integer row = accounts.index.get(accountId);
            if (row != null && row < accounts.size) {
                account[size] = row;
            } else {
                unresolved.add(accountId);
                account[size] = -unresolved.size();
            }
            at[size] = occurred;
            kind[size] = (byte) k.ordinal();
            delta[size] = cents;
            sales[size] = salesClosed;
            recorded[size++] = recordedAt;
        }

        private void resize(int capacity) {
            at = Arrays.copyOf(at, capacity);
            account = Arrays.copyOf(account, capacity);
            kind = Arrays.copyOf(kind, capacity);
            delta = Arrays.copyOf(delta, capacity);
            sales = Arrays.copyOf(sales, capacity);
            recorded = Arrays.copyOf(recorded, capacity);
            shared = 0;
        }

        Facts facts(Tenant tenant, Instant asOf, Map<ObjectType, ObjectTable> tables, Map<ObjectType, StageLog> logs,
                TeamHistory teams) {
            ObjectTable table = tables.get(ObjectType.ACCOUNT);
            BitSet drop = forgotten.resolve(account, size, shared, unresolved, table);
            drop.or(forgotten.dropped(account, size, (i, j) -> at[i] == at[j] && kind[i] == kind[j]
                    && delta[i] == delta[j] && sales[i] == sales[j] && recorded[i] == recorded[j]));
            changedFrom = earliestChange(at, size, base, drop);
            if (!drop.isEmpty()) {
                if (drop.nextSetBit(0) < shared) {
                    resize(at.length);
                }
                size = compact(size, drop, (i, n) -> {
                    at[n] = at[i];
                    account[n] = account[i];
                    kind[n] = kind[i];
                    delta[n] = delta[i];
                    sales[n] = sales[i];
                    recorded[n] = recorded[i];
                });
            }
            int[] order = Columns.order(at, size);
            if (order == null) {
                shared = size;
                return new Facts(tenant, asOf, tables, logs, new RevenueLog(at, account, kind, delta, sales, size),
                        recorded, teams);
            }
            boolean[] salesClosed = new boolean[size];
            for (int k = 0; k < size; k++) {
                salesClosed[k] = sales[order[k]];
            }
            return new Facts(tenant, asOf, tables, logs, new RevenueLog(permuted(at, order), permuted(account, order),
                    permuted(kind, order), permuted(delta, order), salesClosed, size), permuted(recorded, order), teams);
        }
    }

    /**
     * @return the earliest instant among the rows added since the predecessor ({@code base} on) that stay and the
     *         predecessor's rows that go
     */
    private static long earliestChange(long[] at, int size, int base, BitSet drop) {
        long earliest = Long.MAX_VALUE;
        for (int i = base; i < size; i++) {
            if (!drop.get(i)) {
                earliest = Math.min(earliest, at[i]);
            }
        }
        for (int i = drop.nextSetBit(0); i >= 0 && i < base; i = drop.nextSetBit(i + 1)) {
            earliest = Math.min(earliest, at[i]);
        }
        return earliest;
    }

    /** Copies row {@code from} of a log's columns to row {@code to}. */
    private interface Move {
        void row(int from, int to);
    }

    /** @return how many rows are left after moving those not in {@code drop} down, in order */
    private static int compact(int size, BitSet drop, Move move) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!drop.get(i)) {
                move.row(i, n++);
            }
        }
        return n;
    }

    private static long[] permuted(long[] column, int[] order) {
        long[] out = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = column[order[k]];
        }
        return out;
    }

    private static int[] permuted(int[] column, int[] order) {
        int[] out = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = column[order[k]];
        }
        return out;
    }

    private static byte[] permuted(byte[] column, int[] order) {
        byte[] out = new byte[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = column[order[k]];
        }
        return out;
    }

    /** Whether two rows of a log hold the same fact. */
    private interface SameRow {
        boolean test(int i, int j);
    }

    /**
     * Objects whose rows added before a point are replaced by the rows added after it (their history read again):
     * an old row that is added again stays where it is and its copy is left out, so a history that only grew appends
     * only its new rows; an old row not added again is left out.
     */
    private static final class Forgotten {
        private final BitSet objects = new BitSet();
        private final Map<Integer, Integer> before = new HashMap<>();

        void forget(Objects table, String id, int rowsSoFar) {
            Integer row = table.index.get(id);
            if (row != null && row < table.size) {
                objects.set(row);
                before.put(row, rowsSoFar);
            }
        }

        /**
         * Resolves the rows added for objects unknown then ({@code owner < 0}, only past {@code shared}).
         *
         * @return the rows whose object is still unknown
         */
        BitSet resolve(int[] owner, int size, int shared, List<String> unresolved, ObjectTable table) {
            BitSet unknown = new BitSet();
            if (!unresolved.isEmpty()) {
                for (int i = shared; i < size; i++) {
                    if (owner[i] < 0) {
                        owner[i] = table.indexOf(unresolved.get(-owner[i] - 1));
                        if (owner[i] < 0) {
                            unknown.set(i);
                        }
                    }
                }
                unresolved.clear();
            }
            return unknown;
        }

        /** @return the rows to leave out, then forgets every object */
        BitSet dropped(int[] owner, int size, SameRow same) {
            BitSet drop = new BitSet();
            if (objects.isEmpty()) {
                return drop;
            }
            Map<Integer, List<Integer>> old = new HashMap<>();
            List<Integer> again = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int o = owner[i];
                if (o >= 0 && objects.get(o)) {
                    if (i < before.get(o)) {
                        old.computeIfAbsent(o, k -> new ArrayList<>()).add(i);
                    } else {
                        again.add(i);
                    }
                }
            }
            for (int i : again) {
                List<Integer> candidates = old.getOrDefault(owner[i], new ArrayList<>());
                for (int c = 0; c < candidates.size(); c++) {
                    if (same.test(candidates.get(c), i)) {
                        candidates.remove(c);
                        drop.set(i);
                        break;
                    }
                }
            }
            old.values().forEach(rest -> rest.forEach(drop::set));
            objects.clear();
            before.clear();
            return drop;
        }
    }
}
