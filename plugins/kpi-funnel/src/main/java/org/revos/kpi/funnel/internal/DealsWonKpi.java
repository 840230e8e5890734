package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code deals_won}: Deals won, of the deals closed in the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=deals_won")
public final class DealsWonKpi extends OutcomeKpi {

    public DealsWonKpi() {
        super("deals_won", "Deals won", KpiUnit.COUNT, true, d -> BigDecimal.valueOf(d.won()));
    }
}
