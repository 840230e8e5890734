package org.revos.kpi.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.api.model.Period;
import org.revos.api.query.Facts;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.JsonSchemas;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The query of a KPI request: {@code period} (required), {@code asOf} (optional instant), the filter dimensions and
 * the KPI's own parameters. Anything else is refused, each problem named.
 *
 * @param asOf {@code null} for now
 */
public record KpiQuery(Period period, Instant asOf, Map<String, String> filter, Map<String, String> parameters) {

    /**
     * @param own      the KPI's own parameter names
     * @param reserved other names the caller's endpoint takes (ignored here)
     * @throws org.revos.kernel.spi.Problem 400 naming every problem
     */
    public static KpiQuery parse(Map<String, List<String>> query, List<String> own, List<String> reserved) {
        Violations v = new Violations();
        Period period = period(query.get("period"), "period", v);
        Instant asOf = asOf(query.get("asOf"), v);
        Map<String, String> filter = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (name.equals("period") || name.equals("asOf") || reserved.contains(name)) {
                continue;
            }
            if (Facts.DIMENSIONS.contains(name)) {
                List<String> values = e.getValue().stream().filter(s -> !s.isBlank()).toList();
                if (values.isEmpty()) {
                    v.add(name, "needs a value");
                } else {
                    filter.put(name, String.join(",", values));
                }
            } else if (own.contains(name)) {
                parameters.put(name, e.getValue().get(0));
            } else {
                v.add(name, "is not a parameter here; use period, asOf, " + String.join(", ", Facts.DIMENSIONS)
                        + (own.isEmpty() ? "" : ", " + String.join(", ", own)));
            }
        }
        v.throwIfAny();
        return new KpiQuery(period, asOf, filter, parameters);
    }

    /** @return the parsed period, or {@code null} after adding the problem */
    static Period period(List<String> values, String name, Violations v) {
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            v.add(name, "is required: a year, quarter or month such as 2026, 2026-Q3 or 2026-07");
            return null;
        }
        try {
            return Period.parse(values.get(0));
        } catch (DateTimeParseException e) {
            v.add(name, "must be a year, quarter or month such as 2026, 2026-Q3 or 2026-07");
            return null;
        }
    }

    /** @return the quarter that holds {@code at} in {@code zone} */
    static Period quarterOf(Instant at, java.time.ZoneId zone) {
        java.time.LocalDate day = at.atZone(zone).toLocalDate();
        return new Period(Period.Granularity.QUARTER, day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1)
                .withDayOfMonth(1));
    }

    /** @return the instant of an optional parameter, or {@code null} */
    static Instant instant(List<String> values, String name, Violations v) {
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        try {
            return Instant.parse(values.get(0));
        } catch (DateTimeParseException e) {
            v.add(name, "must be an ISO-8601 UTC instant such as 2026-07-15T10:00:00Z");
            return null;
        }
    }

    private static Instant asOf(List<String> values, Violations v) {
        return instant(values, "asOf", v);
    }

    /** @return the comma-separated or repeated values of a list parameter, without blanks */
    static List<String> list(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param period        whether the endpoint takes one {@code period} (the goal matrix takes {@code periods})
     * @param periodDefault what the period defaults to, in words; {@code null} when it is required
     * @return the query parameters {@link #parse} reads, as {@link org.revos.kernel.spi.rest.QueryFrom} states them
     *         for the OpenAPI document: {@code period}, {@code asOf} and one filter per fact dimension
     */
    static ObjectNode parameters(boolean period, String periodDefault) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (period) {
            ObjectNode p = out.putObject("period").put("required", periodDefault == null).put("description",
                    "A year, quarter or month, such as 2026, 2026-Q3 or 2026-07"
                            + (periodDefault == null ? "" : "; default: " + periodDefault));
            p.set("schema", JsonSchemas.period());
        }
        ObjectNode asOf = out.putObject("asOf").put("required", false).put("description", "Answer as the data stood"
                + " at this instant (ISO-8601), for a report that must not move; default: now");
        asOf.set("schema", JsonSchemas.instant());
        for (String dimension : Facts.DIMENSIONS) {
            out.putObject(dimension).put("required", false).put("description", "Only facts whose " + dimension
                    + " is one of these values, comma-separated").putObject("schema").put("type", "string");
        }
        return out;
    }
}
