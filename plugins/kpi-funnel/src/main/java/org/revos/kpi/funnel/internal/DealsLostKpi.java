package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code deals_lost}: Deals lost, of the deals closed in the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=deals_lost")
public final class DealsLostKpi extends OutcomeKpi {

    public DealsLostKpi() {
        super("deals_lost", "Deals lost", KpiUnit.COUNT, false, d -> BigDecimal.valueOf(d.lost()));
    }
}
