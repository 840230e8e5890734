package org.revos.kpi.funnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.revos.kpi.funnel.internal.Fixture.compute;
import static org.revos.kpi.funnel.internal.Fixture.value;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.spi.InvalidKpiRequest;
import org.revos.api.spi.KpiResult;

/** Every funnel KPI over {@link Fixture}, with the numbers worked out by hand in the comments. */
class FunnelKpiTest {

    private static final Map<String, String> ALL = Map.of();

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", was " + actual);
    }

    @Test
    void dealsCreatedCountsCreationsInThePeriod() {
        // d1, d2, d3, d5 were created in Q1; d4 in December
        assertDecimal("4", value(new DealsCreatedKpi(), "2026-Q1", ALL, ALL));
        assertDecimal("1", value(new DealsCreatedKpi(), "2025-12", ALL, ALL));
        // team East (u1 in Q1): d1, d3, d5
        assertDecimal("3", value(new DealsCreatedKpi(), "2026-Q1", Map.of("team", "East"), ALL));
    }

    @Test
    void outcomesCountDealsClosedInThePeriod() {
        // Q1: won d4 (01-15, 20,000) and d1 (02-10, 10,000); lost d2 (03-01)
        assertDecimal("2", value(new DealsWonKpi(), "2026-Q1", ALL, ALL));
        assertDecimal("1", value(new DealsLostKpi(), "2026-Q1", ALL, ALL));
        assertDecimal("0.666667", value(new WinRateKpi(), "2026-Q1", ALL, ALL));
        assertDecimal("15000.00", value(new AvgDealSizeKpi(), "2026-Q1", ALL, ALL));
        assertDecimal("30000.00", value(new WonRevenueKpi(), "2026-Q1", ALL, ALL));
        // Q2: d3 won (5,000.50), nothing lost
        assertDecimal("1", value(new WinRateKpi(), "2026-Q2", ALL, ALL));
        assertDecimal("5000.50", value(new WonRevenueKpi(), "2026-Q2", ALL, ALL));
        // ENT in Q1: d4 won, d2 lost
        assertDecimal("0.5", value(new WinRateKpi(), "2026-Q1", Map.of("segment", "ENT"), ALL));
    }

    @Test
    void wonRevenueShowsTheIdentityForItsCohort() {
        Map<String, Object> b = compute(new WonRevenueKpi(), "2026-Q1", ALL, ALL).breakdown();
        assertEquals(3L, b.get("closedDeals"));
        assertDecimal("0.666667", (BigDecimal) b.get("winRate"));
        assertDecimal("15000.00", (BigDecimal) b.get("avgDealSize"));
        // 3 × 2/3 × 15,000 = 30,000
        assertDecimal("30000.00", BigDecimal.valueOf(3).multiply(BigDecimal.valueOf(2))
                .multiply((BigDecimal) b.get("avgDealSize")).divide(BigDecimal.valueOf(3)));
        assertDecimal("30000.00", (BigDecimal) b.get("wonRevenue"));
    }

    @Test
    void teamsFollowMembershipHistory() {
        // u1 moved from East to West on 04-01: Q1 East keeps d1, Q2 West gets d3
        assertDecimal("10000.00", value(new WonRevenueKpi(), "2026-Q1", Map.of("team", "East"), ALL));
        assertDecimal("5000.50", value(new WonRevenueKpi(), "2026-Q2", Map.of("team", "West"), ALL));
        assertNull(value(new WinRateKpi(), "2026-Q2", Map.of("team", "East"), ALL), "no deal closed: undefined");
        // several values of one dimension match any of them
        assertDecimal("3", value(new DealsWonKpi(), "2026", Map.of("segment", "ENT,SMB"), ALL));
    }

    @Test
    void stageVolumeCountsEachObjectThatEnteredTheStage() {
        assertDecimal("3", value(new StageVolumeKpi(), "2026-Q1", ALL, Map.of("stage", "OPPORTUNITY")));
        assertDecimal("4", value(new StageVolumeKpi(), "2026-Q1", ALL, Map.of("stage", "QUALIFICATION")));
        assertDecimal("2", value(new StageVolumeKpi(), "2026-01", ALL, Map.of("stage", "RAW")));
        InvalidKpiRequest unknown = assertThrows(InvalidKpiRequest.class,
                () -> value(new StageVolumeKpi(), "2026-Q1", ALL, Map.of("stage", "NOPE")));
        assertEquals(Map.of("stage", "no pipeline of the tenant has a stage NOPE"), unknown.problems());
        assertEquals(Map.of("stage", "is required"), assertThrows(InvalidKpiRequest.class,
                () -> value(new StageVolumeKpi(), "2026-Q1", ALL, ALL)).problems());
    }

    @Test
    void periodConversionDividesTheVolumesOfThePeriod() {
        KpiResult r = compute(new ConversionKpi(), "2026-Q1", ALL, Map.of("from", "QUALIFICATION",
                "to", "OPPORTUNITY"));
        assertDecimal("0.75", r.value());
        assertEquals("period", r.breakdown().get("method"));
        // won in Q1: d4, d1 over 4 qualified
        assertDecimal("0.5", value(new ConversionKpi(), "2026-Q1", ALL, Map.of("from", "QUALIFICATION",
                "to", "CLOSED_WON", "method", "period")));
        assertDecimal("0.5", value(new ConversionKpi(), "2026-Q1", ALL, Map.of("from", "RAW", "to", "MQL")));
        assertDecimal("1", value(new ConversionKpi(), "2026-Q1", Map.of("source", "ads"), Map.of("from", "RAW",
                "to", "MQL")));
    }

    @Test
    void aCohortConvertsInALaterPeriod() {
        Map<String, String> cohort = Map.of("from", "QUALIFICATION", "to", "CLOSED_WON", "method", "cohort");
        // cohort of Q1: d1, d2, d3, d5; d1 won 02-10, d3 won 04-10 (in Q2)
        KpiResult now = compute(new ConversionKpi(), "2026-Q1", ALL, cohort, "2026-06-30");
        assertDecimal("0.5", now.value());
        assertEquals("cohort", now.breakdown().get("method"));
        assertEquals(4, now.breakdown().get("cohort"));
        assertEquals(2, now.breakdown().get("converted"));
        // asked at the end of Q1, only d1 had converted
        assertDecimal("0.25", compute(new ConversionKpi(), "2026-Q1", ALL, cohort, "2026-03-31T23:59:59Z").value());
        // within 30 days nobody converted (d1 took 36 days); within 40 days d1 did
        Map<String, String> in30 = new java.util.HashMap<>(cohort);
        in30.put("horizon", "P30D");
        assertDecimal("0", value(new ConversionKpi(), "2026-Q1", ALL, in30));
        in30.put("horizon", "40");
        assertDecimal("0.25", value(new ConversionKpi(), "2026-Q1", ALL, in30));
    }

    @Test
    void conversionRefusesWhatItCannotAnswerNamingEachParameter() {
        assertEquals(Map.of("from", "is required", "to", "is required"), assertThrows(InvalidKpiRequest.class,
                () -> value(new ConversionKpi(), "2026-Q1", ALL, ALL)).problems());
        assertEquals(java.util.Set.of("method", "horizon"), assertThrows(InvalidKpiRequest.class,
                () -> value(new ConversionKpi(), "2026-Q1", ALL, Map.of("from", "RAW", "to", "MQL", "method", "x",
                        "horizon", "soon"))).problems().keySet());
        assertEquals(java.util.Set.of("to"), assertThrows(InvalidKpiRequest.class,
                () -> value(new ConversionKpi(), "2026-Q1", ALL, Map.of("from", "SQL", "to", "CLOSED_WON",
                        "method", "cohort"))).problems().keySet());
    }

    @Test
    void timeBetweenGivesMedianAndMeanInSeconds() {
        // reached OPPORTUNITY in Q1: d1 after 5 days, d2 after 13, d3 after 42
        KpiResult r = compute(new TimeBetweenKpi(), "2026-Q1", ALL, Map.of("from", "QUALIFICATION",
                "to", "OPPORTUNITY"));
        assertDecimal("1123200", r.value());
        assertDecimal("1123200", (BigDecimal) r.breakdown().get("median"));
        assertDecimal("1728000", (BigDecimal) r.breakdown().get("mean"));
        assertEquals(3, r.breakdown().get("count"));
        // two of them (SMB: d1 5 days, d3 42 days): median is their mean, 23.5 days
        assertDecimal("2030400", value(new TimeBetweenKpi(), "2026-Q1", Map.of("segment", "SMB"),
                Map.of("from", "QUALIFICATION", "to", "OPPORTUNITY")));
    }

    @Test
    void anEmptyPeriodAnswersZeroOrNullExplicitly() {
        assertDecimal("0", value(new DealsWonKpi(), "2027-Q1", ALL, ALL));
        assertDecimal("0", value(new DealsCreatedKpi(), "2027-Q1", ALL, ALL));
        assertDecimal("0.00", value(new WonRevenueKpi(), "2027-Q1", ALL, ALL));
        assertNull(value(new WinRateKpi(), "2027-Q1", ALL, ALL));
        assertNull(value(new AvgDealSizeKpi(), "2027-Q1", ALL, ALL));
        assertNull(value(new ConversionKpi(), "2027-Q1", ALL, Map.of("from", "RAW", "to", "MQL")));
        KpiResult time = compute(new TimeBetweenKpi(), "2027-Q1", ALL, Map.of("from", "QUALIFICATION",
                "to", "OPPORTUNITY"));
        assertNull(time.value());
        assertEquals(0, time.breakdown().get("count"));
    }

    @Test
    void factsAsOfAnEarlierInstantLeaveOutWhatCameLater() {
        // on 01-31 only d4's win (01-15) had happened, and only d1 and d2 of Q1's deals existed
        assertDecimal("20000.00", compute(new WonRevenueKpi(), "2026-Q1", ALL, ALL, "2026-01-31").value());
        assertDecimal("2", compute(new DealsCreatedKpi(), "2026-Q1", ALL, ALL, "2026-01-31").value());
        // an instant is inclusive: d3 created at 02-01T00:00 is known as of that instant
        assertDecimal("3", compute(new DealsCreatedKpi(), "2026-Q1", ALL, ALL, "2026-02-01").value());
    }

    @Test
    void aDimensionTheObjectsDoNotHaveIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> value(new DealsWonKpi(), "2026-Q1", Map.of("source", "ads"), ALL));
        assertEquals("source: deals cannot be sliced by source", e.getMessage());
    }

    @Test
    void aDimensionTheObjectsDoNotHaveIsRefusedEvenBeforeAnyEnteredTheStage() {
        // nothing ever entered SQL or CLOSED_LOST in 2025-Q1: the refusal must not depend on the data
        assertThrows(IllegalArgumentException.class, () -> value(new StageVolumeKpi(), "2025-Q1",
                Map.of("pipeline", "leads", "nonsense", "x"), Map.of("stage", "SQL")));
        assertThrows(IllegalArgumentException.class, () -> value(new TimeBetweenKpi(), "2025-Q1",
                Map.of("source", "ads"), Map.of("from", "QUALIFICATION", "to", "CLOSED_LOST")));
    }
}
