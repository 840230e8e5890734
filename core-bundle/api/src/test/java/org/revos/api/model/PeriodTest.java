package org.revos.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesYearQuarterAndMonth() {
        assertEquals(new Period(Period.Granularity.YEAR, LocalDate.of(2026, 1, 1)), Period.parse("2026"));
        assertEquals(new Period(Period.Granularity.QUARTER, LocalDate.of(2026, 7, 1)), Period.parse("2026-Q3"));
        assertEquals(new Period(Period.Granularity.MONTH, LocalDate.of(2026, 12, 1)), Period.parse("2026-12"));
    }

    @Test
    void printsWhatItParses() {
        for (String text : new String[] { "2026", "2026-Q1", "2026-Q4", "2026-01", "2026-11" }) {
            assertEquals(text, Period.parse(text).toString());
        }
    }

    @Test
    void refusesMalformedPeriods() {
        for (String text : new String[] { "", "26", "2026-Q5", "2026-13", "2026-7", "2026-Q3-01", null }) {
            assertThrows(DateTimeParseException.class, () -> Period.parse(text), String.valueOf(text));
        }
    }

    @Test
    void cutsPeriodsInTheTenantsZone() {
        Period q3 = Period.parse("2026-Q3");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(Instant.parse("2026-06-30T22:00:00Z"), q3.start(berlin));
        assertEquals(Instant.parse("2026-09-30T22:00:00Z"), q3.end(berlin));
        assertEquals(Instant.parse("2026-10-01T00:00:00Z"), q3.end(ZoneId.of("UTC")));
    }

    @Test
    void previousYearKeepsGranularity() {
        assertEquals(Period.parse("2025-Q3"), Period.parse("2026-Q3").previousYear());
    }
}
