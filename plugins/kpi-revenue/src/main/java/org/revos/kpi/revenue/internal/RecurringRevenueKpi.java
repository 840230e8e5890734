package org.revos.kpi.revenue.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code recurring_revenue}: Ending ARR, with the ARR bridge of the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=recurring_revenue")
public final class RecurringRevenueKpi extends RevenueKpi {

    public RecurringRevenueKpi() {
        super("recurring_revenue", "Ending ARR, with the ARR bridge of the period", KpiUnit.MONEY, b -> KpiResult.money(b.ending()));
    }
}
