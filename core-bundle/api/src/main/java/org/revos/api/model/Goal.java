package org.revos.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A target for a KPI in a period.
 *
 * @param period  {@code 2026}, {@code 2026-Q3} or {@code 2026-07}
 * @param scope   who the goal is for
 * @param pacing  weights per sub-period (months of a quarter, quarters of a year), summing to 1
 */
public record Goal(String id, String externalId, String kpi, String period, BigDecimal target, GoalScope scope,
        List<BigDecimal> pacing) {
    public Goal {
        pacing = pacing == null ? List.of() : List.copyOf(pacing);
    }
}
