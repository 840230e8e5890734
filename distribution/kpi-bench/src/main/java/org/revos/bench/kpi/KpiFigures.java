package org.revos.bench.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * KPI values from the baseline's raw integers, with RevOS's conventions: ratios to 6 decimals (half-even),
 * {@code null} on an empty denominator; money in major units; an average of money rounded to whole cents.
 */
public final class KpiFigures {

    /** The goal matrix's KPIs: every KPI of the two shipped plugins that takes no parameter, except {@code grr}. */
    public static final List<String> MATRIX = List.of("deals_created", "deals_won", "deals_lost", "win_rate",
            "avg_deal_size", "won_revenue", "recurring_revenue", "nrr");

    private KpiFigures() {
    }

    /** @return the value of a matrix KPI */
    public static BigDecimal value(String kpi, DuckDbBaseline.Funnel f, DuckDbBaseline.Bridge b) {
        return switch (kpi) {
            case "deals_created" -> BigDecimal.valueOf(f.created());
            case "deals_won" -> BigDecimal.valueOf(f.won());
            case "deals_lost" -> BigDecimal.valueOf(f.lost());
            case "win_rate" -> ratio(f.won(), f.won() + f.lost());
            case "avg_deal_size" -> f.won() == 0 ? null : BigDecimal.valueOf(f.wonCents())
                    .divide(BigDecimal.valueOf(f.won()), 0, RoundingMode.HALF_EVEN).movePointLeft(2);
            case "won_revenue" -> money(f.wonCents());
            case "recurring_revenue" -> money(b.ending());
            case "nrr" -> ratio(b.retainedStarting() + b.retainedExpansion() - b.retainedContraction()
                    - b.retainedChurn(), b.retainedStarting());
            case "grr" -> ratio(b.retainedStarting() - b.retainedContraction() - b.retainedChurn(),
                    b.retainedStarting());
            default -> throw new IllegalArgumentException("No baseline for KPI " + kpi);
        };
    }

    public static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6,
                RoundingMode.HALF_EVEN);
    }

    /** @return whether two values are the same number (or both absent) */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
