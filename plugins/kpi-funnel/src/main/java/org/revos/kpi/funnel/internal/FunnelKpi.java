package org.revos.kpi.funnel.internal;

import java.util.List;

import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiUnit;

/** A funnel KPI: its definition is fixed; subclasses compute. */
abstract class FunnelKpi implements KpiCalculator {

    private final KpiDefinition definition;

    FunnelKpi(String id, String label, KpiUnit unit, boolean higherIsBetter, String... parameters) {
        this.definition = new KpiDefinition(id, label, unit, higherIsBetter, List.of(parameters));
    }

    @Override
    public final KpiDefinition definition() {
        return definition;
    }
}
