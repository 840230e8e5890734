package org.revos.kpi.funnel.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code won_revenue}: Won revenue: ARR of the deals won, of the deals closed in the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=won_revenue")
public final class WonRevenueKpi extends OutcomeKpi {

    public WonRevenueKpi() {
        super("won_revenue", "Won revenue: ARR of the deals won", KpiUnit.MONEY, true, d -> KpiResult.money(d.wonCents()));
    }
}
