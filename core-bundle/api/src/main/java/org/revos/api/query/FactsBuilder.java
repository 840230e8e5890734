package org.revos.api.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final Map<String, List<Map.Entry<Long, String>>> memberships = new LinkedHashMap<>();
    private final Map<String, String> values = new HashMap<>();

    FactsBuilder(Tenant tenant) {
        this.tenant = tenant;
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

    /** Adds that a user belongs to {@code team} from {@code since} on (until a later membership starts). */
    public FactsBuilder membership(String userId, String team, Instant since) {
        memberships.computeIfAbsent(userId, u -> new ArrayList<>()).add(Map.entry(since.toEpochMilli(), team));
        return this;
    }

    /**
     * Forgets every membership added so far, to add the whole team history again.
     *
     * @since 1.1
     */
    public FactsBuilder clearMemberships() {
        memberships.clear();
        return this;
    }

    /** @return a snapshot of everything added */
    public Facts build(Instant asOf) {
        Map<ObjectType, ObjectTable> tables = new EnumMap<>(ObjectType.class);
        objects.forEach((type, o) -> tables.put(type, o.table()));
        Map<ObjectType, StageLog> logs = new EnumMap<>(ObjectType.class);
        entries.forEach((type, e) -> logs.put(type, e.log(tables.get(type))));
        return revenue.facts(tenant, asOf, tables, logs, teams());
    }

    private TeamHistory teams() {
        Map<String, long[]> since = new HashMap<>();
        Map<String, String[]> teams = new HashMap<>();
        memberships.forEach((user, list) -> {
            List<Map.Entry<Long, String>> sorted = new ArrayList<>(list);
            sorted.sort(Map.Entry.comparingByKey());
            since.put(user, sorted.stream().mapToLong(Map.Entry::getKey).toArray());
            teams.put(user, sorted.stream().map(Map.Entry::getValue).toArray(String[]::new));
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

    /** Rows of one object type, as growing columns; the index maps ids to rows. */
    private static final class Objects {
        final ObjectType type;
        final Map<String, Integer> index;
        final Map<String, String[]> columns = new LinkedHashMap<>();
        String[] ids;
        long[] createdAt;
        long[] arr;
        int size;

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
            int n = table.size();
            Objects o = new Objects(table.type(), table.index(), 0);
            o.ids = Arrays.copyOf(table.ids(), grown(n));
            o.createdAt = Arrays.copyOf(table.createdAt(), grown(n));
            o.arr = Arrays.copyOf(table.arrCents(), grown(n));
            o.columns.replaceAll((d, empty) -> Arrays.copyOf(table.column(d), grown(n)));
            o.size = n;
            return o;
        }

        /** @return the row of {@code id}: the existing one, or a new one at the end */
        int row(String id) {
            Integer known = index.get(id);
            if (known != null && known < size) {
                return known;
            }
            if (size == ids.length) {
                int capacity = grown(size);
                ids = Arrays.copyOf(ids, capacity);
                createdAt = Arrays.copyOf(createdAt, capacity);
                arr = Arrays.copyOf(arr, capacity);
                columns.replaceAll((d, column) -> Arrays.copyOf(column, capacity));
            }
            ids[size] = id;
            index.put(id, size);
            return size++;
        }

        ObjectTable table() {
            Map<String, String[]> trimmed = new HashMap<>();
            columns.forEach((d, column) -> trimmed.put(d, Arrays.copyOf(column, size)));
            return new ObjectTable(type, Arrays.copyOf(ids, size), Arrays.copyOf(createdAt, size),
                    Arrays.copyOf(arr, size), trimmed, index, size);
        }
    }

    /**
     * Stage entries of one object type. Objects known when an entry is added are resolved to their row at once;
     * others (objects added later) are kept by id, as {@code -1 - k} of {@link #unresolved}, until built.
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

        Entries(Objects objects, int capacity) {
            this(objects, new ArrayList<>(), new HashMap<>(), new long[capacity], new int[capacity],
                    new int[capacity], 0);
        }

        private Entries(Objects objects, List<String> stageIds, Map<String, Integer> codes, long[] at, int[] object,
                int[] stage, int size) {
            this.objects = objects;
            this.stageIds = stageIds;
            this.codes = codes;
            this.at = at;
            this.object = object;
            this.stage = stage;
            this.size = size;
        }

        /** Keeps the codes of the stages, so a code means the same stage in successive snapshots. */
        static Entries from(StageLog log, Objects objects) {
            int n = log.size();
            Map<String, Integer> codes = new HashMap<>();
            for (int c = 0; c < log.stageIds().size(); c++) {
                codes.put(log.stageIds().get(c), c);
            }
            return new Entries(objects, new ArrayList<>(log.stageIds()), codes, Arrays.copyOf(log.at(), grown(n)),
                    Arrays.copyOf(log.objects(), grown(n)), Arrays.copyOf(log.stages(), grown(n)), n);
        }

        void add(String objectId, String stageId, long instant) {
            if (size == at.length) {
                at = Arrays.copyOf(at, grown(size));
                object = Arrays.copyOf(object, at.length);
                stage = Arrays.copyOf(stage, at.length);
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

        void forget(String objectId) {
            forgotten.forget(objects, objectId, size);
        }

        StageLog log(ObjectTable table) {
            int n = 0;
            for (int i = 0; i < size; i++) {
                int o = object[i] >= 0 ? object[i] : table.indexOf(unresolved.get(-object[i] - 1));
                if (o >= 0 && !forgotten.dropped(o, i)) {
                    at[n] = at[i];
                    object[n] = o;
                    stage[n++] = stage[i];
                }
            }
            size = n;
            unresolved.clear();
            forgotten.clear();
            int[] order = Columns.order(at, n);
            long[] times = new long[n];
            int[] objectRows = new int[n];
            int[] stageCodes = new int[n];
            for (int k = 0; k < n; k++) {
                int i = order == null ? k : order[k];
                times[k] = at[i];
                objectRows[k] = object[i];
                stageCodes[k] = stage[i];
            }
            return new StageLog(times, objectRows, stageCodes, stageIds, codes, table.size());
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
            int n = log.size();
            Revenue r = new Revenue(accounts, 0);
            r.at = Arrays.copyOf(log.at(), grown(n));
            r.account = Arrays.copyOf(log.accounts(), grown(n));
            r.kind = Arrays.copyOf(log.kinds(), grown(n));
            r.delta = Arrays.copyOf(log.deltas(), grown(n));
            r.sales = Arrays.copyOf(log.sales(), grown(n));
            r.recorded = Arrays.copyOf(recordedAt, grown(n));
            r.size = n;
            return r;
        }

        void forget(String accountId) {
            forgotten.forget(accounts, accountId, size);
        }

        void add(String accountId, long occurred, RevenueKind k, long cents, boolean salesClosed, long recordedAt) {
            if (size == at.length) {
                int capacity = grown(size);
                at = Arrays.copyOf(at, capacity);
                account = Arrays.copyOf(account, capacity);
                kind = Arrays.copyOf(kind, capacity);
                delta = Arrays.copyOf(delta, capacity);
                sales = Arrays.copyOf(sales, capacity);
                recorded = Arrays.copyOf(recorded, capacity);
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

        Facts facts(Tenant tenant, Instant asOf, Map<ObjectType, ObjectTable> tables, Map<ObjectType, StageLog> logs,
                TeamHistory teams) {
            ObjectTable table = tables.get(ObjectType.ACCOUNT);
            int n = 0;
            for (int i = 0; i < size; i++) {
                int a = account[i] >= 0 ? account[i] : table.indexOf(unresolved.get(-account[i] - 1));
                if (a >= 0 && !forgotten.dropped(a, i)) {
                    at[n] = at[i];
                    account[n] = a;
                    kind[n] = kind[i];
                    delta[n] = delta[i];
                    sales[n] = sales[i];
                    recorded[n++] = recorded[i];
                }
            }
            size = n;
            unresolved.clear();
            forgotten.clear();
            int[] order = Columns.order(at, n);
            long[] times = new long[n];
            int[] accountRows = new int[n];
            byte[] kinds = new byte[n];
            long[] deltas = new long[n];
            boolean[] salesClosed = new boolean[n];
            long[] recordedAt = new long[n];
            for (int k = 0; k < n; k++) {
                int i = order == null ? k : order[k];
                times[k] = at[i];
                accountRows[k] = account[i];
                kinds[k] = kind[i];
                deltas[k] = delta[i];
                salesClosed[k] = sales[i];
                recordedAt[k] = recorded[i];
            }
            return new Facts(tenant, asOf, tables, logs, new RevenueLog(times, accountRows, kinds, deltas,
                    salesClosed), recordedAt, teams);
        }
    }

    /** Objects whose rows added before a point are left out: object row to the number of rows added by then. */
    private static final class Forgotten {
        private final java.util.BitSet objects = new java.util.BitSet();
        private final Map<Integer, Integer> before = new HashMap<>();

        void forget(Objects table, String id, int rowsSoFar) {
            Integer row = table.index.get(id);
            if (row != null && row < table.size) {
                objects.set(row);
                before.put(row, rowsSoFar);
            }
        }

        boolean dropped(int object, int row) {
            return objects.get(object) && row < before.get(object);
        }

        void clear() {
            objects.clear();
            before.clear();
        }
    }
}
