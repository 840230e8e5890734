package org.revos.api.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;

/**
 * Collects facts row by row and builds a {@link Facts} snapshot. Rows may come in any order; stage entries and
 * revenue events are ordered by instant (then by the order they were added) when built. Stage entries of unknown
 * objects and revenue of unknown accounts are left out.
 */
public final class FactsBuilder {

    private final Tenant tenant;
    private final Map<ObjectType, Objects> objects = new EnumMap<>(ObjectType.class);
    private final Map<ObjectType, Entries> entries = new EnumMap<>(ObjectType.class);
    private final Revenue revenue = new Revenue();
    private final Map<String, List<Map.Entry<Long, String>>> memberships = new LinkedHashMap<>();

    FactsBuilder(Tenant tenant) {
        this.tenant = tenant;
        for (ObjectType type : List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT)) {
            objects.put(type, new Objects());
        }
        entries.put(ObjectType.LEAD, new Entries());
        entries.put(ObjectType.DEAL, new Entries());
    }

    /**
     * Adds a lead, deal or account.
     *
     * @param arrCents   the deal's ARR in minor units, 0 for others
     * @param dimensions values of {@link Facts#DIMENSIONS} (other than {@code team}); absent ones are unset
     */
    public FactsBuilder object(ObjectType type, String id, Instant createdAt, long arrCents,
            Map<String, String> dimensions) {
        Objects table = table(type);
        table.index.put(id, table.ids.size());
        table.ids.add(id);
        table.createdAt.add(createdAt.toEpochMilli());
        table.arr.add(arrCents);
        table.dimensions.add(dimensions);
        return this;
    }

    /** Adds that a lead or deal entered a stage. */
    public FactsBuilder entered(ObjectType type, String objectId, String stage, Instant at) {
        Entries log = entries.get(type);
        if (log == null) {
            throw new IllegalArgumentException("Only leads and deals enter stages, not " + type);
        }
        log.objectIds.add(objectId);
        log.stages.add(stage);
        log.at.add(at.toEpochMilli());
        return this;
    }

    /** Adds a revenue event; {@code recordedAt} is when it was written. */
    public FactsBuilder revenue(String accountId, Instant occurredAt, RevenueKind kind, long arrDeltaCents,
            boolean salesClosed, Instant recordedAt) {
        revenue.accountIds.add(accountId);
        revenue.at.add(occurredAt.toEpochMilli());
        revenue.kinds.add(kind);
        revenue.deltas.add(arrDeltaCents);
        revenue.sales.add(salesClosed);
        revenue.recordedAt.add(recordedAt.toEpochMilli());
        return this;
    }

    /** Adds that a user belongs to {@code team} from {@code since} on (until a later membership starts). */
    public FactsBuilder membership(String userId, String team, Instant since) {
        memberships.computeIfAbsent(userId, u -> new ArrayList<>()).add(Map.entry(since.toEpochMilli(), team));
        return this;
    }

    /** @return a snapshot of everything added */
    public Facts build(Instant asOf) {
        Map<ObjectType, ObjectTable> tables = new EnumMap<>(ObjectType.class);
        objects.forEach((type, o) -> tables.put(type, o.table(type)));
        Map<ObjectType, StageLog> logs = new EnumMap<>(ObjectType.class);
        entries.forEach((type, e) -> logs.put(type, e.log(tables.get(type))));
        ObjectTable accounts = tables.get(ObjectType.ACCOUNT);
        int[] order = revenue.order(accounts);
        int n = order.length;
        long[] at = new long[n];
        int[] account = new int[n];
        byte[] kind = new byte[n];
        long[] delta = new long[n];
        boolean[] sales = new boolean[n];
        long[] recorded = new long[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            at[k] = revenue.at.get(i);
            account[k] = accounts.indexOf(revenue.accountIds.get(i));
            kind[k] = (byte) revenue.kinds.get(i).ordinal();
            delta[k] = revenue.deltas.get(i);
            sales[k] = revenue.sales.get(i);
            recorded[k] = revenue.recordedAt.get(i);
        }
        return new Facts(tenant, asOf, tables, logs, new RevenueLog(at, account, kind, delta, sales), recorded,
                teams());
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
        for (ObjectType type : List.of(ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACCOUNT)) {
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

    /** Rows of one object type. */
    private static final class Objects {
        final List<String> ids = new ArrayList<>();
        final List<Long> createdAt = new ArrayList<>();
        final List<Long> arr = new ArrayList<>();
        final List<Map<String, String>> dimensions = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();

        ObjectTable table(ObjectType type) {
            int n = ids.size();
            Map<String, String[]> columns = new HashMap<>();
            for (String d : Facts.DIMENSIONS) {
                if (!d.equals("team")) {
                    columns.put(d, new String[n]);
                }
            }
            for (int i = 0; i < n; i++) {
                for (Map.Entry<String, String> e : dimensions.get(i).entrySet()) {
                    String[] column = columns.get(e.getKey());
                    if (column != null && e.getValue() != null) {
                        column[i] = e.getValue().intern();
                    }
                }
            }
            if (type == ObjectType.ACCOUNT) {
                columns.remove("source");
                columns.remove("pipeline");
            } else if (type == ObjectType.DEAL) {
                columns.remove("source");
            }
            return new ObjectTable(type, ids.toArray(String[]::new), createdAt.stream().mapToLong(Long::longValue)
                    .toArray(), arr.stream().mapToLong(Long::longValue).toArray(), columns, new HashMap<>(index));
        }
    }

    /** Stage entries of one object type. */
    private static final class Entries {
        final List<String> objectIds = new ArrayList<>();
        final List<String> stages = new ArrayList<>();
        final List<Long> at = new ArrayList<>();

        StageLog log(ObjectTable table) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < objectIds.size(); i++) {
                if (table.indexOf(objectIds.get(i)) >= 0) {
                    kept.add(i);
                }
            }
            kept.sort((x, y) -> Long.compare(at.get(x), at.get(y)));
            int n = kept.size();
            long[] times = new long[n];
            int[] object = new int[n];
            int[] stage = new int[n];
            List<String> ids = new ArrayList<>();
            Map<String, Integer> codes = new HashMap<>();
            for (int k = 0; k < n; k++) {
                int i = kept.get(k);
                times[k] = at.get(i);
                object[k] = table.indexOf(objectIds.get(i));
                stage[k] = codes.computeIfAbsent(stages.get(i), s -> {
                    ids.add(s);
                    return ids.size() - 1;
                });
            }
            return new StageLog(times, object, stage, ids, codes, table.size());
        }
    }

    /** Revenue events. */
    private static final class Revenue {
        final List<String> accountIds = new ArrayList<>();
        final List<Long> at = new ArrayList<>();
        final List<RevenueKind> kinds = new ArrayList<>();
        final List<Long> deltas = new ArrayList<>();
        final List<Boolean> sales = new ArrayList<>();
        final List<Long> recordedAt = new ArrayList<>();

        int[] order(ObjectTable accounts) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < accountIds.size(); i++) {
                if (accounts.indexOf(accountIds.get(i)) >= 0) {
                    kept.add(i);
                }
            }
            kept.sort((x, y) -> Long.compare(at.get(x), at.get(y)));
            return kept.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
