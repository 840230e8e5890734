package org.revos.kpi.revenue.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code grr}: Gross revenue retention of the accounts with ARR at the period's start. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=grr")
public final class GrrKpi extends RevenueKpi {

    public GrrKpi() {
        super("grr", "Gross revenue retention of the accounts with ARR at the period's start", KpiUnit.RATIO, b -> KpiResult.ratio(b.grrNumerator(), b.retainedStarting()));
    }
}
