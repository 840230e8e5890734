package org.revos.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.revos.api.model.Period;

class PacingTest {

    private static final List<BigDecimal> CURVE = List.of(new BigDecimal("0.25"), new BigDecimal("0.25"),
            new BigDecimal("0.5"));
    private static final BigDecimal YELLOW = new BigDecimal("0.9");

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> expected + " != " + actual);
    }

    private static BigDecimal share(String period, List<BigDecimal> weights, String at) {
        return Pacing.expectedShare(Period.parse(period), weights, Instant.parse(at), ZoneOffset.UTC);
    }

    @Test
    void aQuarterWith25_25_50CheckedMidwayThroughItsThirtyDaySecondMonth() {
        // Q4: October (31 days), November (30 days): 00:00 on 11-16 is half of November
        BigDecimal share = share("2026-Q4", CURVE, "2026-11-16T00:00:00Z");
        assertDecimal("0.375", share);
        Pacing.Standing s = Pacing.standing(new BigDecimal("100000"), share, new BigDecimal("37500"), true, true,
                YELLOW);
        assertDecimal("37500", s.expected());
        assertDecimal("1", s.pace());
        assertEquals(Pacing.Status.GREEN, s.status());
    }

    @Test
    void statusIsGreenYellowOrRedByPace() {
        BigDecimal share = share("2026-Q4", CURVE, "2026-11-16T00:00:00Z");
        Pacing.Standing yellow = Pacing.standing(new BigDecimal("100000"), share, new BigDecimal("33750"), true, true,
                YELLOW);
        assertDecimal("0.9", yellow.pace());
        assertEquals(Pacing.Status.YELLOW, yellow.status());
        Pacing.Standing red = Pacing.standing(new BigDecimal("100000"), share, new BigDecimal("33749"), true, true,
                YELLOW);
        assertEquals(Pacing.Status.RED, red.status());
        assertEquals(Pacing.Status.YELLOW, Pacing.standing(new BigDecimal("100000"), share, new BigDecimal("33749"),
                true, true, new BigDecimal("0.8")).status(), "the threshold is the tenant's");
    }

    @Test
    void nothingExpectedYetIsGreenWithoutPace() {
        BigDecimal share = share("2026-Q4", CURVE, "2026-10-01T00:00:00Z");
        assertDecimal("0", share);
        Pacing.Standing s = Pacing.standing(new BigDecimal("100000"), share, BigDecimal.ZERO, true, true, YELLOW);
        assertDecimal("0", s.expected());
        assertNull(s.pace());
        assertEquals(Pacing.Status.GREEN, s.status());
    }

    @Test
    void equalWeightsByDefaultAndAWholePeriodOnceItIsOver() {
        // a year: 4 equal quarters; at 2026-07-01 two are done
        assertDecimal("0.5", share("2026", List.of(), "2026-07-01T00:00:00Z"));
        assertDecimal("1", share("2026-Q4", CURVE, "2027-03-01T00:00:00Z"));
        // a month is one sub-period: 00:00 on the 16th of June (30 days) is half of it
        assertDecimal("0.5", share("2026-06", List.of(), "2026-06-16T00:00:00Z"));
    }

    @Test
    void periodsAreCutInTheTenantsZone() {
        // 2026-11-16T00:00 in Berlin is 2026-11-15T23:00Z
        assertDecimal("0.375", Pacing.expectedShare(Period.parse("2026-Q4"), CURVE,
                Instant.parse("2026-11-15T23:00:00Z"), ZoneId.of("Europe/Berlin")));
    }

    @Test
    void ratiosAreExpectedInFull() {
        Pacing.Standing s = Pacing.standing(new BigDecimal("0.3"), new BigDecimal("0.375"), new BigDecimal("0.27"),
                false, true, YELLOW);
        assertDecimal("0.3", s.expected());
        assertDecimal("0.9", s.pace());
    }
}
