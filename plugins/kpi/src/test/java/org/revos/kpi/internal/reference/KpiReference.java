package org.revos.kpi.internal.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.revos.api.model.Period;

/**
 * Every standard KPI of API.md by id, over a tenant's rows as known at the answer's instant: what a calculator must
 * answer for (period, filter, parameters, asOf).
 */
public final class KpiReference {

    private final TenantRows rows;

    /** @param rows every row of the tenant now; the reference cuts them at each answer's instant */
    public KpiReference(TenantRows rows) {
        this.rows = rows;
    }

    /**
     * @throws Slice.Refused           when the filter names a dimension the KPI's objects lack
     * @throws FunnelReference.Refused when the parameters name stages the KPI cannot follow
     */
    public Figure compute(String kpi, Period period, Map<String, String> filter, Map<String, String> parameters,
            Instant asOf) {
        TenantRows known = rows.knownAt(asOf);
        Window w = Window.of(period, known, asOf);
        FunnelReference funnel = new FunnelReference(known);
        RevenueReference revenue = new RevenueReference(known);
        String from = parameters.get("from");
        String to = parameters.get("to");
        return switch (kpi) {
            case "deals_created" -> funnel.dealsCreated(w, filter);
            case "deals_won" -> funnel.dealsWon(w, filter);
            case "deals_lost" -> funnel.dealsLost(w, filter);
            case "win_rate" -> funnel.winRate(w, filter);
            case "avg_deal_size" -> funnel.avgDealSize(w, filter);
            case "won_revenue" -> funnel.wonRevenue(w, filter);
            case "stage_volume" -> funnel.stageVolume(w, filter, parameters.get("stage"));
            case "conversion" -> "cohort".equals(parameters.get("method"))
                    ? funnel.cohortConversion(w, filter, from, to, Optional.ofNullable(parameters.get("horizon"))
                            .map(h -> Duration.ofDays(Long.parseLong(h))))
                    : funnel.periodConversion(w, filter, from, to);
            case "time_between" -> funnel.timeBetween(w, filter, from, to);
            case "recurring_revenue" -> revenue.bridge(w, filter);
            case "nrr" -> revenue.nrr(w, filter);
            case "grr" -> revenue.grr(w, filter);
            default -> throw new IllegalArgumentException("the reference has no KPI " + kpi);
        };
    }
}
