package org.revos.kpi.revenue.internal;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.api.query.RevenueLog;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;

/**
 * The ARR bridge of a period, in minor units: {@code starting + new + expansion − contraction − churn = ending},
 * exactly. Contraction and churn are positive magnitudes; a RENEWAL counts as expansion when it raises ARR and as
 * contraction when it lowers it. {@code retained*} are the same movements of only the accounts that had ARR at the
 * period's start, the base of NRR and GRR (new customers never enter them).
 */
record Bridge(long starting, long newArr, long expansion, long contraction, long churn, long retainedStarting,
        long retainedExpansion, long retainedContraction, long retainedChurn) {

    /** How many account-ARR arrays (one per period start asked, 8 bytes per account) a snapshot keeps. */
    private static final int KEPT_PREFIXES = 32;

    /**
     * The bridge of the request's period and filter, computed once per snapshot and shared by the revenue KPIs; it
     * depends on nothing at or after the end of what is counted, so it outlives writes made later than that.
     */
    static Bridge of(KpiRequest request) {
        return request.facts().derived(List.of("revenue.bridge", request.from(), request.until(), request.filter()),
                request.until(), () -> compute(request));
    }

    private static Bridge compute(KpiRequest request) {
        RevenueLog log = request.facts().revenue();
        BitSet kept = request.matching(ObjectType.ACCOUNT);
        // a period that starts after the answer's instant starts with the ARR of that instant: revenue dated later
        // (known now, occurring later) is not counted, exactly as when the facts are cut at the instant
        int start = log.firstAtOrAfter(Math.min(request.from(), request.until()));
        long[] arr = arrBefore(request, log, start);
        long starting = 0;
        long retainedStarting = 0;
        for (int a = kept.nextSetBit(0); a >= 0; a = kept.nextSetBit(a + 1)) {
            starting += arr[a];
            retainedStarting += Math.max(0, arr[a]);
        }
        long[] all = new long[4];
        long[] retained = new long[4];
        int end = log.firstAtOrAfter(request.until());
        for (int i = start; i < end; i++) {
            int a = log.account(i);
            if (kept.get(a)) {
                int bucket = bucket(log, i);
                long magnitude = bucket >= 2 ? -log.arrDeltaCents(i) : log.arrDeltaCents(i);
                all[bucket] += magnitude;
                if (arr[a] > 0 && bucket > 0) {
                    retained[bucket] += magnitude;
                }
            }
        }
        return new Bridge(starting, all[0], all[1], all[2], all[3], retainedStarting, retained[1], retained[2],
                retained[3]);
    }

    /**
     * @return each account's ARR from the events before row {@code start}, read only; built from the nearest earlier
     *         such array of the snapshot, so the periods of a matrix cost about one pass over the ledger together
     */
    private static long[] arrBefore(KpiRequest request, RevenueLog log, int start) {
        NavigableMap<Integer, long[]> known = request.facts().derived("revenue.arrBefore",
                ConcurrentSkipListMap::new);
        Map.Entry<Integer, long[]> floor = known.floorEntry(start);
        if (floor != null && floor.getKey() == start) {
            return floor.getValue();
        }
        long[] arr = floor == null ? new long[request.facts().objects(ObjectType.ACCOUNT).size()]
                : floor.getValue().clone();
        for (int i = floor == null ? 0 : floor.getKey(); i < start; i++) {
            arr[log.account(i)] += log.arrDeltaCents(i);
        }
        if (known.size() >= KEPT_PREFIXES) {
            known.clear();
        }
        known.putIfAbsent(start, arr);
        return arr;
    }

    /** @return 0 new, 1 expansion, 2 contraction, 3 churn */
    private static int bucket(RevenueLog log, int i) {
        return switch (log.kind(i)) {
            case NEW -> 0;
            case EXPANSION -> 1;
            case CONTRACTION -> 2;
            case CHURN -> 3;
            case RENEWAL -> log.arrDeltaCents(i) >= 0 ? 1 : 2;
        };
    }

    long ending() {
        return starting + newArr + expansion - contraction - churn;
    }

    /** @return (retained starting + expansion − contraction − churn) / retained starting, in cents of each */
    long nrrNumerator() {
        return retainedStarting + retainedExpansion - retainedContraction - retainedChurn;
    }

    long grrNumerator() {
        return retainedStarting - retainedContraction - retainedChurn;
    }

    Map<String, Object> breakdown() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("starting", KpiResult.money(starting));
        b.put("new", KpiResult.money(newArr));
        b.put("expansion", KpiResult.money(expansion));
        b.put("contraction", KpiResult.money(contraction));
        b.put("churn", KpiResult.money(churn));
        b.put("ending", KpiResult.money(ending()));
        b.put("retainedStarting", KpiResult.money(retainedStarting));
        b.put("nrr", KpiResult.ratio(nrrNumerator(), retainedStarting));
        b.put("grr", KpiResult.ratio(grrNumerator(), retainedStarting));
        return b;
    }
}
