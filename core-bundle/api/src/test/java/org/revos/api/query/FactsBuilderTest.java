package org.revos.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;

/**
 * A snapshot's successor, built by adding to {@link Facts#toBuilder()}, equals a snapshot built from scratch with the
 * same rows, and building it leaves the earlier snapshot as it was (the two share columns).
 */
class FactsBuilderTest {

    private static final Tenant TENANT = new Tenant("t", "t", "USD", ZoneOffset.UTC);

    /** The rows of a history of writes, replayed into any builder. */
    private final List<Object[]> deals = new ArrayList<>();
    private final Map<String, List<long[]>> stages = new java.util.LinkedHashMap<>();
    private final Map<String, List<long[]>> ledgers = new java.util.LinkedHashMap<>();

    @Test
    void successorsEqualAFreshBuildAndLeaveTheirPredecessorsAlone() {
        SplittableRandom random = new SplittableRandom(5);
        long now = 1_000_000;
        for (int i = 0; i < 20; i++) {
            addDeal(i, now + i);
        }
        Facts facts = fresh(now + 100);
        for (int round = 0; round < 40; round++) {
            String before = describe(facts);
            FactsBuilder next = facts.toBuilder();
            now += 1000;
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                switch (random.nextInt(4)) {
                    case 0 -> {
                        int d = deals.size();
                        addDeal(d, now + c);
                        replay(next, deals.get(d));
                        replayHistory(next, "d" + d);
                    }
                    case 1 -> {
                        String d = "d" + random.nextInt(deals.size());
                        stages.get(d).add(new long[] { now + c, random.nextInt(4) });
                        replayHistory(next, d);
                    }
                    case 2 -> {
                        String a = "a" + random.nextInt(3);
                        ledgers.get(a).add(new long[] { now - random.nextInt(50_000), random.nextInt(5),
                                random.nextInt(1000) - 300 });
                        replayLedger(next, a);
                    }
                    default -> {
                        int d = random.nextInt(deals.size());
                        deals.get(d)[2] = (long) random.nextInt(10_000);
                        replay(next, deals.get(d));
                    }
                }
            }
            Facts built = next.build(Instant.ofEpochMilli(now + 100));
            assertEquals(before, describe(facts), "the predecessor is unchanged");
            assertEquals(describe(fresh(now + 100)), describe(built), "round " + round);
            facts = built;
        }
    }

    @Test
    void aSuccessorKeepsWhatNoChangeSinceAffects() {
        for (int i = 0; i < 5; i++) {
            addDeal(i, 1_000 + i);
        }
        Facts facts = fresh(10_000);
        Object past = facts.derived("past", 5_000, Object::new);
        Object everything = facts.derived("everything", Object::new);

        FactsBuilder later = facts.toBuilder();
        stages.get("d1").add(new long[] { 6_000, 2 });
        replayHistory(later, "d1");
        replayHistory(later, "d2");
        Facts next = later.build(java.time.Instant.ofEpochMilli(10_000));
        assertEquals(past, next.derived("past", 5_000, Object::new), "a move after it keeps a past figure");
        org.junit.jupiter.api.Assertions.assertNotSame(everything, next.derived("everything", Object::new));

        FactsBuilder earlier = next.toBuilder();
        ledgers.get("a0").add(new long[] { 4_000, 1, 100 });
        replayLedger(earlier, "a0");
        Facts backdated = earlier.build(java.time.Instant.ofEpochMilli(10_000));
        org.junit.jupiter.api.Assertions.assertNotSame(past, backdated.derived("past", 5_000, Object::new),
                "revenue back-dated into it drops it");

        Object again = backdated.derived("past", 5_000, Object::new);
        FactsBuilder changedDeal = backdated.toBuilder();
        deals.get(3)[2] = 999L;
        replay(changedDeal, deals.get(3));
        org.junit.jupiter.api.Assertions.assertNotSame(again, changedDeal.build(java.time.Instant.ofEpochMilli(10_000))
                .derived("past", 5_000, Object::new), "a changed deal drops every figure");
    }

    private void addDeal(int i, long at) {
        String id = "d" + i;
        deals.add(new Object[] { id, at, (long) (i * 100), "a" + (i % 3) });
        stages.put(id, new ArrayList<>(List.of(new long[] { at, 0 })));
        ledgers.putIfAbsent("a" + (i % 3), new ArrayList<>());
    }

    private Facts fresh(long asOf) {
        FactsBuilder b = Facts.builder(TENANT);
        for (String a : ledgers.keySet()) {
            b.object(ObjectType.ACCOUNT, a, Instant.EPOCH, 0, Map.of("segment", "SMB"));
        }
        deals.forEach(d -> replay(b, d));
        stages.keySet().forEach(d -> replayHistory(b, d));
        ledgers.keySet().forEach(a -> replayLedger(b, a));
        return b.build(Instant.ofEpochMilli(asOf));
    }

    private static void replay(FactsBuilder b, Object[] deal) {
        b.object(ObjectType.DEAL, (String) deal[0], Instant.ofEpochMilli((Long) deal[1]), (Long) deal[2],
                Map.of("ownerId", "u1", "segment", "SMB"));
    }

    private void replayHistory(FactsBuilder b, String deal) {
        b.forgetEntries(ObjectType.DEAL, deal);
        for (long[] e : stages.get(deal)) {
            b.entered(ObjectType.DEAL, deal, "S" + e[1], Instant.ofEpochMilli(e[0]));
        }
    }

    private void replayLedger(FactsBuilder b, String account) {
        b.forgetRevenue(account);
        for (long[] r : ledgers.get(account)) {
            b.revenue(account, Instant.ofEpochMilli(r[0]), RevenueKind.values()[(int) r[1]], r[2], r[2] > 0,
                    Instant.ofEpochMilli(r[0]));
        }
    }

    /** Every row, in the snapshot's order; rows at the same instant sorted, as their order there is not specified. */
    private static String describe(Facts f) {
        StringBuilder s = new StringBuilder();
        ObjectTable d = f.objects(ObjectType.DEAL);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            rows.add(d.id(i) + " " + d.createdAt(i) + " " + d.arrCents(i) + " " + d.dimension("segment", i));
        }
        rows.sort(null);
        s.append(rows);
        StageLog log = f.stages(ObjectType.DEAL);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            entries.add(String.format("%012d %s %s", log.at(i), d.id(log.object(i)), log.stageId(log.stage(i))));
        }
        s.append(sortedIfOrdered(entries));
        RevenueLog r = f.revenue();
        ObjectTable accounts = f.objects(ObjectType.ACCOUNT);
        List<String> revenue = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            revenue.add(String.format("%012d %s %s %d %b", r.at(i), accounts.id(r.account(i)), r.kind(i),
                    r.arrDeltaCents(i), r.salesClosed(i)));
        }
        s.append(sortedIfOrdered(revenue));
        return s.toString();
    }

    /** @return the lines sorted, after checking they were in order of their leading instant */
    private static List<String> sortedIfOrdered(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).substring(0, 12).compareTo(lines.get(i).substring(0, 12)) > 0) {
                throw new AssertionError("out of time order at " + i + ": " + lines);
            }
        }
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        return sorted;
    }
}
