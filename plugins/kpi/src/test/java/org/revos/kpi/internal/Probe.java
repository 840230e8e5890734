package org.revos.kpi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.revos.runtime.internal.kpi.TenantScripts;
import org.revos.runtime.internal.kpi.ScriptWriter;
import org.revos.api.model.Period;

/**
 * One figure to check: a KPI with its parameters, for a period and a filter, answered now ({@code asOf == null}) or
 * as of an instant.
 */
record Probe(String kpi, Period period, Map<String, String> filter, Map<String, String> parameters, Instant asOf) {

    static final List<String> PLAIN_KPIS = List.of("deals_created", "deals_won", "deals_lost", "win_rate",
            "avg_deal_size", "won_revenue", "recurring_revenue", "nrr", "grr");

    /** Samples probes over the tenant's history so far, with filters on values the tenant has (and some it lacks). */
    static List<Probe> sample(SplittableRandom random, int n, ScriptWriter tenant, ZoneId zone, Instant start,
            Instant now) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String kpi = random.nextInt(4) == 0 ? pick(random, List.of("stage_volume", "conversion", "time_between"))
                    : pick(random, PLAIN_KPIS);
            Instant asOf = random.nextInt(4) == 0 ? between(random, start, now) : null;
            probes.add(new Probe(kpi, period(random, zone, start, now), filter(random, tenant), parameters(random,
                    kpi), asOf));
        }
        return probes;
    }

    static Period period(SplittableRandom random, ZoneId zone, Instant start, Instant now) {
        if (random.nextInt(10) == 0) {
            return Period.parse("2024-02");
        }
        LocalDate day = between(random, start.minusSeconds(40L * 86_400), now.plusSeconds(100L * 86_400)).atZone(zone)
                .toLocalDate();
        return switch (random.nextInt(3)) {
            case 0 -> new Period(Period.Granularity.MONTH, day.withDayOfMonth(1));
            case 1 -> new Period(Period.Granularity.QUARTER, day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1)
                    .withDayOfMonth(1));
            default -> new Period(Period.Granularity.YEAR, day.withDayOfYear(1));
        };
    }

    private static Map<String, String> filter(SplittableRandom random, ScriptWriter tenant) {
        Map<String, String> filter = new LinkedHashMap<>();
        int dimensions = random.nextInt(10) < 4 ? 0 : random.nextInt(10) < 8 ? 1 : 2;
        for (int i = 0; i < dimensions; i++) {
            String dimension = pick(random, List.of("team", "segment", "ownerId", "country", "pipeline", "source"));
            List<String> values = switch (dimension) {
                case "team" -> TenantScripts.TEAMS;
                case "segment" -> TenantScripts.SEGMENTS;
                case "ownerId" -> tenant.users.isEmpty() ? List.of("usr_nobody") : tenant.users;
                case "country" -> TenantScripts.COUNTRIES;
                case "pipeline" -> List.of("sales", "partner", "lifecycle");
                default -> TenantScripts.SOURCES;
            };
            String value = pick(random, values);
            filter.put(dimension, random.nextInt(5) == 0 ? value + "," + pick(random, values) : value);
        }
        return filter;
    }

    private static Map<String, String> parameters(SplittableRandom random, String kpi) {
        Map<String, String> parameters = new LinkedHashMap<>();
        switch (kpi) {
            case "stage_volume" -> parameters.put("stage", pick(random, TenantScripts.STAGES));
            case "conversion", "time_between" -> {
                List<String> stages = random.nextInt(5) == 0 ? TenantScripts.STAGES
                        : pick(random, TenantScripts.CATALOG.pipelines()).stages().stream().map(s -> s.id()).toList();
                parameters.put("from", pick(random, stages));
                parameters.put("to", pick(random, stages));
                if (kpi.equals("conversion") && random.nextBoolean()) {
                    parameters.put("method", "cohort");
                    if (random.nextBoolean()) {
                        parameters.put("horizon", String.valueOf(1 + random.nextInt(60)));
                    }
                }
            }
            default -> {
            }
        }
        return parameters;
    }

    private static Instant between(SplittableRandom random, Instant from, Instant to) {
        return Instant.ofEpochMilli(from.toEpochMilli() + random.nextLong(Math.max(1, to.toEpochMilli()
                - from.toEpochMilli())));
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
