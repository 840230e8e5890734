package org.revos.kpi.revenue.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code nrr}: Net revenue retention of the accounts with ARR at the period's start. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=nrr")
public final class NrrKpi extends RevenueKpi {

    public NrrKpi() {
        super("nrr", "Net revenue retention of the accounts with ARR at the period's start", KpiUnit.RATIO, b -> KpiResult.ratio(b.nrrNumerator(), b.retainedStarting()));
    }
}
