package org.revos.api.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A computed KPI value.
 *
 * @param value     {@code null} when undefined (a ratio with an empty denominator)
 * @param breakdown extra named figures (for example {@code median}, {@code mean}, numerator and denominator), in
 *                  order; a figure may be {@code null} when undefined
 */
public record KpiResult(BigDecimal value, Map<String, Object> breakdown) {

    /** Decimal places of ratios. */
    public static final int RATIO_SCALE = 6;

    public KpiResult {
        breakdown = breakdown == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(breakdown));
    }

    /** @return {@code numerator / denominator} to {@link #RATIO_SCALE} places, {@code null} when the denominator is 0 */
    public static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : plain(BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    /** @return minor units (cents) as major units with two decimals */
    public static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** @return {@code cents / count} as major units with two decimals, {@code null} when {@code count} is 0 */
    public static BigDecimal moneyPer(long cents, long count) {
        return count == 0 ? null : BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(count), 0,
                RoundingMode.HALF_EVEN).movePointLeft(2);
    }

    /** @return the value without trailing zeros, never in exponent notation */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
