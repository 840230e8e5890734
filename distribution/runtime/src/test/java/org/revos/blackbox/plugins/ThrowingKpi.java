package org.revos.blackbox.plugins;

import java.util.List;

import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;

/** A KPI calculator whose every computation throws; {@link TestJars#misbehavingKpiPlugin} packs it. */
public class ThrowingKpi implements KpiCalculator {

    public static final String ID = "bad_throwing";
    public static final String MESSAGE = "the throwing KPI always fails";

    @Override
    public KpiDefinition definition() {
        return new KpiDefinition(ID, "Always throws", KpiUnit.COUNT, true, List.of());
    }

    @Override
    public KpiResult compute(KpiRequest request) {
        throw new IllegalStateException(MESSAGE);
    }
}
