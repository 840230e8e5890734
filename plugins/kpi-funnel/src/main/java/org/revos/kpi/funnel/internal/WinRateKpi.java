package org.revos.kpi.funnel.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiUnit;

/** {@code win_rate}: Win rate: won / (won + lost), of the deals closed in the period. */
@Component(service = KpiCalculator.class, property = "revos.kpi.id=win_rate")
public final class WinRateKpi extends OutcomeKpi {

    public WinRateKpi() {
        super("win_rate", "Win rate: won / (won + lost)", KpiUnit.RATIO, true, d -> KpiResult.ratio(d.won(), d.closed()));
    }
}
