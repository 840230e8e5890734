package org.revos.kpi.internal.reference;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A figure of the reference: its value ({@code null} when undefined) and the named figures that go with it (the
 * mean and count of a duration, the bridge of a revenue KPI), to compare with a calculator's breakdown.
 */
public record Figure(BigDecimal value, Map<String, BigDecimal> parts) {

    public static Figure of(BigDecimal value) {
        return new Figure(value, Map.of());
    }
}
