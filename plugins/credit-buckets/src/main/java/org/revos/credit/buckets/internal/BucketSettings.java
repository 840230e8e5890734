package org.revos.credit.buckets.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One version of the bucket rule, parsed: what is measured, where the threshold lies (per segment), who a spill
 * credits, how long green credit can be clawed back and how near an account must be to be worth a look.
 *
 * @param thresholdUnits     in the metric's unit: minor currency units for {@link Metric#ACCOUNT_ARR}, seats for
 *                           {@link Metric#ACCOUNT_SEATS}
 * @param segmentThresholds  per-segment thresholds, in the same unit, overriding {@code thresholdUnits}
 */
record BucketSettings(Metric metric, long thresholdUnits, Map<String, Long> segmentThresholds, SpillCredit spill,
        int clawbackDays, BigDecimal nearThresholdShare) {

    /** What the threshold is measured on: the account's total recurring revenue, self-serve included. */
    enum Metric {
        ACCOUNT_ARR, ACCOUNT_SEATS
    }

    /** Who the orange lines are credited to when an account turns green. */
    enum SpillCredit {
        /** each line to the rep who closed it */
        CONTRIBUTORS,
        /** every line to the rep whose deal crossed the threshold */
        CROSSING_REP,
        /** every line to the account's owner before the handover */
        ACCOUNT_OWNER
    }

    static final Set<String> KEYS = Set.of("metric", "threshold", "segmentThresholds", "spillCreditTo",
            "clawbackDays", "nearThresholdShare");

    private static final BigDecimal DEFAULT_NEAR = new BigDecimal("0.8");

    long threshold(String segment) {
        return segment == null ? thresholdUnits : segmentThresholds.getOrDefault(segment, thresholdUnits);
    }

    /** @return every problem of {@code raw}, by setting name; empty when valid */
    static Map<String, String> problems(Map<String, Object> raw) {
        Map<String, String> problems = new LinkedHashMap<>();
        parse(raw, problems);
        return problems;
    }

    /** @throws IllegalArgumentException naming every problem when {@code raw} is invalid */
    static BucketSettings parse(Map<String, Object> raw) {
        Map<String, String> problems = new LinkedHashMap<>();
        BucketSettings settings = parse(raw, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid bucket rule version: " + problems);
        }
        return settings;
    }

    private static BucketSettings parse(Map<String, Object> raw, Map<String, String> problems) {
        for (String key : raw.keySet()) {
            if (!KEYS.contains(key)) {
                problems.put(key, "is not a setting of the bucket rule; known settings are " + KEYS);
            }
        }
        Metric metric = enumValue(raw, "metric", Metric.class, Metric.ACCOUNT_ARR, problems);
        SpillCredit spill = enumValue(raw, "spillCreditTo", SpillCredit.class, SpillCredit.CONTRIBUTORS, problems);
        Long threshold = null;
        if (raw.get("threshold") == null) {
            problems.put("threshold", "is required: the account total at which the account turns green");
        } else {
            threshold = units(raw.get("threshold"), metric, "threshold", problems);
        }
        Map<String, Long> segments = new LinkedHashMap<>();
        Object seg = raw.get("segmentThresholds");
        if (seg instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Long units = units(v, metric, "segmentThresholds." + k, problems);
                if (units != null) {
                    segments.put(String.valueOf(k), units);
                }
            });
        } else if (seg != null) {
            problems.put("segmentThresholds", "must be an object of segment → threshold, such as {\"ENTERPRISE\": 25000}");
        }
        int clawback = 0;
        Object cb = raw.get("clawbackDays");
        if (cb != null) {
            BigDecimal days = number(cb);
            if (days == null || days.signum() < 0 || days.stripTrailingZeros().scale() > 0 || days.intValue() > 3660) {
                problems.put("clawbackDays", "must be a whole number of days from 0 to 3660");
            } else {
                clawback = days.intValue();
            }
        }
        BigDecimal near = DEFAULT_NEAR;
        Object ns = raw.get("nearThresholdShare");
        if (ns != null) {
            near = number(ns);
            if (near == null || near.signum() <= 0 || near.compareTo(BigDecimal.ONE) > 0) {
                problems.put("nearThresholdShare", "must be a number greater than 0 and at most 1, such as 0.8");
                near = DEFAULT_NEAR;
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new BucketSettings(metric, threshold, Map.copyOf(segments), spill, clawback, near);
    }

    private static <E extends Enum<E>> E enumValue(Map<String, Object> raw, String key, Class<E> type, E fallback,
            Map<String, String> problems) {
        Object v = raw.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, String.valueOf(v).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.put(key, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return fallback;
        }
    }

    /** The largest ARR threshold: the largest amount a money field of RevOS holds. */
    static final BigDecimal MAX_ARR = new BigDecimal("10000000000000");
    /** The largest seat threshold. */
    static final BigDecimal MAX_SEATS = new BigDecimal("1000000000");

    /** A threshold in the metric's unit: ARR in major units with at most 2 decimals, seats as a whole number. */
    private static Long units(Object value, Metric metric, String key, Map<String, String> problems) {
        BigDecimal n = number(value);
        if (n == null || n.signum() <= 0) {
            problems.put(key, "must be a positive number");
            return null;
        }
        BigDecimal max = metric == Metric.ACCOUNT_SEATS ? MAX_SEATS : MAX_ARR;
        if (n.compareTo(max) > 0) {
            problems.put(key, "must be at most " + max.toPlainString());
            return null;
        }
        if (metric == Metric.ACCOUNT_SEATS) {
            if (n.stripTrailingZeros().scale() > 0) {
                problems.put(key, "must be a whole number of seats");
                return null;
            }
            return n.longValueExact();
        }
        if (n.stripTrailingZeros().scale() > 2) {
            problems.put(key, "must have at most 2 decimals");
            return null;
        }
        return n.movePointRight(2).longValueExact();
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }
}
