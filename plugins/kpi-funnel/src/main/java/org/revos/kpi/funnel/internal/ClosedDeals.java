package org.revos.kpi.funnel.internal;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.query.ObjectTable;
import org.revos.api.query.StageLog;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;

/**
 * The deals closed during a period, the cohort every outcome KPI counts: a deal is closed at the instant it entered
 * a stage of category WON or LOST (categories come from the tenant's deal pipelines). A deal that closed more than
 * once in the period counts once, with the outcome of its last close in it.
 *
 * @param wonCents the ARR of the won deals, minor units
 */
record ClosedDeals(long won, long lost, long wonCents) {

    /**
     * The cohort of the request's period and filter, computed once per snapshot and shared by the outcome KPIs; it
     * depends on nothing at or after the end of what is counted, so it outlives writes made later than that.
     */
    static ClosedDeals of(KpiRequest request) {
        StageLog log = request.facts().stages(ObjectType.DEAL);
        BitSet wonCodes = codes(request, log, StageCategory.WON);
        BitSet lostCodes = codes(request, log, StageCategory.LOST);
        return request.facts().derived(List.of("funnel.closed", request.from(), request.until(), request.filter(),
                wonCodes, lostCodes), request.until(), () -> scan(request, log, wonCodes, lostCodes));
    }

    private static ClosedDeals scan(KpiRequest request, StageLog log, BitSet wonCodes, BitSet lostCodes) {
        ObjectTable deals = request.facts().objects(ObjectType.DEAL);
        BitSet kept = request.matching(ObjectType.DEAL);
        BitSet won = new BitSet();
        BitSet lost = new BitSet();
        int end = log.firstAtOrAfter(request.until());
        for (int i = log.firstAtOrAfter(request.from()); i < end; i++) {
            int deal = log.object(i);
            if (!kept.get(deal)) {
                continue;
            }
            if (wonCodes.get(log.stage(i))) {
                won.set(deal);
                lost.clear(deal);
            } else if (lostCodes.get(log.stage(i))) {
                lost.set(deal);
                won.clear(deal);
            }
        }
        long cents = 0;
        for (int d = won.nextSetBit(0); d >= 0; d = won.nextSetBit(d + 1)) {
            cents += deals.arrCents(d);
        }
        return new ClosedDeals(won.cardinality(), lost.cardinality(), cents);
    }

    private static BitSet codes(KpiRequest request, StageLog log, StageCategory category) {
        BitSet codes = new BitSet();
        for (Pipeline p : request.pipelines()) {
            if (p.objectType() == ObjectType.DEAL) {
                for (Stage s : p.stages()) {
                    if (s.category() == category && log.code(s.id()) >= 0) {
                        codes.set(log.code(s.id()));
                    }
                }
            }
        }
        return codes;
    }

    long closed() {
        return won + lost;
    }

    /**
     * @return the cohort's figures and the identity {@code revenue = closed deals × win rate × average deal size},
     *         which holds for this one cohort
     */
    Map<String, Object> breakdown() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("won", won);
        b.put("lost", lost);
        b.put("closedDeals", closed());
        b.put("winRate", KpiResult.ratio(won, closed()));
        b.put("avgDealSize", KpiResult.moneyPer(wonCents, won));
        b.put("wonRevenue", KpiResult.money(wonCents));
        b.put("identity", "wonRevenue = closedDeals × winRate × avgDealSize");
        return b;
    }
}
