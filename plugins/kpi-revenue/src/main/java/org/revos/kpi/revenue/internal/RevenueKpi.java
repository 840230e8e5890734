package org.revos.kpi.revenue.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/** A KPI read off the period's {@link Bridge}; the breakdown shows the whole bridge. */
abstract class RevenueKpi implements KpiCalculator {

    private final KpiDefinition definition;
    private final Function<Bridge, BigDecimal> value;

    RevenueKpi(String id, String label, KpiUnit unit, Function<Bridge, BigDecimal> value) {
        this.definition = new KpiDefinition(id, label, unit, true, List.of());
        this.value = value;
    }

    @Override
    public final KpiDefinition definition() {
        return definition;
    }

    @Override
    public final KpiResult compute(KpiRequest request) {
        Bridge bridge = Bridge.of(request);
        return new KpiResult(value.apply(bridge), bridge.breakdown());
    }
}
