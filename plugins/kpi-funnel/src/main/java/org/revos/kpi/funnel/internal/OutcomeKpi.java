package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;
import java.util.function.Function;

import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/** A KPI of the deals closed in the period ({@link ClosedDeals}); the breakdown shows the whole cohort. */
abstract class OutcomeKpi extends FunnelKpi {

    private final Function<ClosedDeals, BigDecimal> value;

    OutcomeKpi(String id, String label, KpiUnit unit, boolean higherIsBetter, Function<ClosedDeals, BigDecimal> value) {
        super(id, label, unit, higherIsBetter);
        this.value = value;
    }

    @Override
    public final KpiResult compute(KpiRequest request) {
        ClosedDeals deals = ClosedDeals.of(request);
        return new KpiResult(value.apply(deals), deals.breakdown());
    }
}
