package org.revos.kpi.internal.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How API.md writes numbers: ratios to 6 places, money in major units to the cent, durations in seconds. */
final class Numbers {

    private Numbers() {
    }

    /** @return {@code a / b} to 6 places, {@code null} when {@code b} is 0 (an empty denominator is not an error) */
    static BigDecimal ratio(long a, long b) {
        return b == 0 ? null : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 6, RoundingMode.HALF_EVEN);
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** @return {@code cents / n} rounded to the cent, {@code null} when {@code n} is 0 */
    static BigDecimal moneyPer(long cents, long n) {
        return n == 0 ? null : BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_EVEN)
                .movePointLeft(2);
    }

    static BigDecimal count(long n) {
        return BigDecimal.valueOf(n);
    }
}
