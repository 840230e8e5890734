package org.revos.kpi.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.revos.api.model.Period;
import org.revos.api.spi.KpiResult;

/**
 * Where a goal should stand at an instant. A goal's period is cut into sub-periods (the months of a quarter, the
 * quarters of a year, a month is one) with weights summing to 1 (equal when none are given). Expected-to-date =
 * target × (weights of completed sub-periods + weight of the current one × the fraction of it elapsed at the
 * instant). Pace = actual / expected; GREEN at pace ≥ 1, YELLOW at pace ≥ the tenant's threshold, else RED; while
 * nothing is expected yet, pace is {@code null} and the status GREEN.
 */
public final class Pacing {

    /** Status of a goal. */
    public enum Status {
        GREEN, YELLOW, RED
    }

    /** Where a goal stands: {@code pace} is {@code null} while nothing is expected. */
    public record Standing(BigDecimal expected, BigDecimal pace, Status status) {
    }

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    private Pacing() {
    }

    /** @return the share of the target expected by {@code at}, in [0, 1] */
    public static BigDecimal expectedShare(Period period, List<BigDecimal> weights, Instant at, ZoneId zone) {
        List<LocalDate> starts = subPeriodStarts(period);
        List<BigDecimal> w = weights.isEmpty() ? equal(starts.size()) : weights;
        BigDecimal share = BigDecimal.ZERO;
        for (int i = 0; i < starts.size(); i++) {
            Instant from = starts.get(i).atStartOfDay(zone).toInstant();
            Instant to = (i + 1 < starts.size() ? starts.get(i + 1) : period.endDay()).atStartOfDay(zone).toInstant();
            if (!at.isAfter(from)) {
                break;
            }
            if (!at.isBefore(to)) {
                share = share.add(w.get(i));
            } else {
                BigDecimal elapsed = BigDecimal.valueOf(at.toEpochMilli() - from.toEpochMilli())
                        .divide(BigDecimal.valueOf(to.toEpochMilli() - from.toEpochMilli()), PRECISION);
                share = share.add(w.get(i).multiply(elapsed, PRECISION));
            }
        }
        return share;
    }

    /**
     * @param paced          whether the target accumulates over the period (counts and money); a ratio or duration
     *                       target is expected in full from the start
     * @param higherIsBetter the KPI's direction: for lower-is-better KPIs pace is expected / actual
     */
    public static Standing standing(BigDecimal target, BigDecimal share, BigDecimal actual, boolean paced,
            boolean higherIsBetter, BigDecimal yellowFrom) {
        BigDecimal expected = KpiResult.plain(paced ? target.multiply(share, PRECISION) : target);
        BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
        BigDecimal pace;
        if (expected.signum() == 0) {
            pace = null;
        } else if (higherIsBetter) {
            pace = value.divide(expected, KpiResult.RATIO_SCALE, RoundingMode.HALF_EVEN);
        } else {
            pace = value.signum() == 0 ? null : expected.divide(value, KpiResult.RATIO_SCALE, RoundingMode.HALF_EVEN);
        }
        Status status = pace == null || pace.compareTo(BigDecimal.ONE) >= 0 ? Status.GREEN
                : pace.compareTo(yellowFrom) >= 0 ? Status.YELLOW : Status.RED;
        return new Standing(expected, pace == null ? null : KpiResult.plain(pace), status);
    }

    private static List<LocalDate> subPeriodStarts(Period period) {
        List<LocalDate> starts = new ArrayList<>();
        int months = switch (period.granularity()) {
            case YEAR -> 3;
            case QUARTER, MONTH -> 1;
        };
        for (LocalDate d = period.firstDay(); d.isBefore(period.endDay()); d = d.plusMonths(months)) {
            starts.add(d);
        }
        return starts;
    }

    private static List<BigDecimal> equal(int n) {
        return Collections.nCopies(n, BigDecimal.ONE.divide(BigDecimal.valueOf(n), PRECISION));
    }
}
