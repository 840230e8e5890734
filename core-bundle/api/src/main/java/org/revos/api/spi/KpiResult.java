package org.revos.api.spi;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A computed KPI value.
 *
 * @param value     {@code null} when undefined (a ratio with an empty denominator)
 * @param breakdown extra named figures (for example {@code median}, {@code mean}, numerator and denominator)
 */
public record KpiResult(BigDecimal value, Map<String, Object> breakdown) {
    public KpiResult {
        breakdown = breakdown == null ? Map.of() : Map.copyOf(breakdown);
    }
}
