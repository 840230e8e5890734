package org.revos.kpi.funnel.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code avg_deal_size}: Average deal size: won ARR / won count, of the deals closed in the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=avg_deal_size")
public final class AvgDealSizeKpi extends OutcomeKpi {

    public AvgDealSizeKpi() {
        super("avg_deal_size", "Average deal size: won ARR / won count", KpiUnit.MONEY, true, d -> KpiResult.moneyPer(d.wonCents(), d.won()));
    }
}
