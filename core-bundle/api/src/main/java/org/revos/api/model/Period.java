package org.revos.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar year, quarter or month, written {@code 2026}, {@code 2026-Q3} or {@code 2026-07}. A period is cut in a
 * tenant's time zone: {@link #start(ZoneId)} is inclusive and {@link #end(ZoneId)} exclusive.
 */
public record Period(Granularity granularity, LocalDate firstDay) {

    /** Year, quarter or month. */
    public enum Granularity {
        YEAR, QUARTER, MONTH
    }

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public Period {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(firstDay, "firstDay");
    }

    /**
     * Parses {@code 2026}, {@code 2026-Q3} or {@code 2026-07}.
     *
     * @throws DateTimeParseException when the text is none of these
     */
    public static Period parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new DateTimeParseException("a period is written 2026, 2026-Q3 or 2026-07", String.valueOf(text), 0);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(Granularity.QUARTER, LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1));
        }
        if (m.group(3) != null) {
            return new Period(Granularity.MONTH, LocalDate.of(year, Integer.parseInt(m.group(3)), 1));
        }
        return new Period(Granularity.YEAR, LocalDate.of(year, 1, 1));
    }

    /** @return the first day after this period */
    public LocalDate endDay() {
        return switch (granularity) {
            case YEAR -> firstDay.plusYears(1);
            case QUARTER -> firstDay.plusMonths(3);
            case MONTH -> firstDay.plusMonths(1);
        };
    }

    /** @return the first instant of the period in {@code zone} */
    public Instant start(ZoneId zone) {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** @return the first instant after the period in {@code zone} */
    public Instant end(ZoneId zone) {
        return endDay().atStartOfDay(zone).toInstant();
    }

    /** @return the same period one year earlier */
    public Period previousYear() {
        return new Period(granularity, firstDay.minusYears(1));
    }

    @Override
    public String toString() {
        return switch (granularity) {
            case YEAR -> String.valueOf(firstDay.getYear());
            case QUARTER -> firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format("%d-%02d", firstDay.getYear(), firstDay.getMonthValue());
        };
    }
}
