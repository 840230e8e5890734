package org.revos.kpi.revenue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Period;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;

/**
 * The ARR bridge, NRR and GRR of a quarter with churn and contraction, worked out by hand:
 * <pre>
 * a1 SMB  NEW 10,000.00 (2025-06)  Q1: EXPANSION +2,000.00, CONTRACTION −500.25
 * a2 ENT  NEW  5,000.00 (2025-07)  Q1: CHURN −5,000.00 (recorded only on 04-02)
 * a3 SMB                           Q1: NEW 3,000.00, EXPANSION +1,000.00 (a new customer: not in NRR)
 * a4 ENT  NEW  4,000.00 (2025-08)  Q1: RENEWAL −400.00 (contraction), RENEWAL +100.10 (expansion)
 * </pre>
 */
class RevenueKpiTest {

    private static final Facts FACTS = facts();

    private static Instant t(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    private static Facts facts() {
        FactsBuilder b = Facts.builder(new Tenant("ten_1", "T", "USD", ZoneOffset.UTC));
        for (String[] a : new String[][] { { "a1", "SMB" }, { "a2", "ENT" }, { "a3", "SMB" }, { "a4", "ENT" } }) {
            b.object(ObjectType.ACCOUNT, a[0], t("2025-01-01"), 0, Map.of("segment", a[1]));
        }
        event(b, "a1", "2025-06-01", RevenueKind.NEW, 10_000_00);
        event(b, "a2", "2025-07-01", RevenueKind.NEW, 5_000_00);
        event(b, "a4", "2025-08-01", RevenueKind.NEW, 4_000_00);
        event(b, "a3", "2026-01-10", RevenueKind.NEW, 3_000_00);
        event(b, "a4", "2026-01-20", RevenueKind.RENEWAL, -400_00);
        event(b, "a1", "2026-02-01", RevenueKind.EXPANSION, 2_000_00);
        event(b, "a3", "2026-02-20", RevenueKind.EXPANSION, 1_000_00);
        event(b, "a1", "2026-03-01", RevenueKind.CONTRACTION, -500_25);
        b.revenue("a2", t("2026-03-15"), RevenueKind.CHURN, -5_000_00, false, t("2026-04-02"));
        event(b, "a4", "2026-03-20", RevenueKind.RENEWAL, 100_10);
        return b.build(t("2026-12-31"));
    }

    private static void event(FactsBuilder b, String account, String date, RevenueKind kind, long cents) {
        b.revenue(account, t(date), kind, cents, true, t(date));
    }

    private static KpiResult compute(KpiCalculator kpi, String period, Map<String, String> filter, String asOf) {
        return kpi.compute(new KpiRequest(Period.parse(period), filter, Map.of(), FACTS.asOf(t(asOf)), List.of(),
                t(asOf), null));
    }

    private static void assertDecimal(String expected, Object actual) {
        assertEquals(0, new BigDecimal(expected).compareTo((BigDecimal) actual), () -> expected + " != " + actual);
    }

    @Test
    void theBridgeAddsUpToTheCent() {
        KpiResult r = compute(new RecurringRevenueKpi(), "2026-Q1", Map.of(), "2026-12-31");
        Map<String, Object> b = r.breakdown();
        assertDecimal("19000.00", b.get("starting"));
        assertDecimal("3000.00", b.get("new"));
        assertDecimal("3100.10", b.get("expansion"));
        assertDecimal("900.25", b.get("contraction"));
        assertDecimal("5000.00", b.get("churn"));
        assertDecimal("19199.85", b.get("ending"));
        assertDecimal("19199.85", r.value());
        BigDecimal identity = ((BigDecimal) b.get("starting")).add((BigDecimal) b.get("new"))
                .add((BigDecimal) b.get("expansion")).subtract((BigDecimal) b.get("contraction"))
                .subtract((BigDecimal) b.get("churn"));
        assertEquals(b.get("ending"), identity);
    }

    @Test
    void churnAndContractionTakeNrrBelowOne() {
        // (19,000 + 2,100.10 − 900.25 − 5,000) / 19,000 = 15,199.85 / 19,000
        assertDecimal("0.799992", compute(new NrrKpi(), "2026-Q1", Map.of(), "2026-12-31").value());
        // (19,000 − 900.25 − 5,000) / 19,000 = 13,099.75 / 19,000
        assertDecimal("0.689461", compute(new GrrKpi(), "2026-Q1", Map.of(), "2026-12-31").value());
        // ENT only: (9,000 + 100.10 − 400 − 5,000) / 9,000
        assertDecimal("0.411122", compute(new NrrKpi(), "2026-Q1", Map.of("segment", "ENT"), "2026-12-31").value());
    }

    @Test
    void asOfAnEarlierInstantIgnoresWhatWasRecordedLater() {
        // the churn of a2 happened on 03-15 but was recorded on 04-02
        KpiResult before = compute(new RecurringRevenueKpi(), "2026-Q1", Map.of(), "2026-04-01");
        assertDecimal("0.00", before.breakdown().get("churn"));
        assertDecimal("24199.85", before.value());
    }

    @Test
    void aPeriodWithoutRevenueAnswersZeroAndNullExplicitly() {
        KpiResult empty = compute(new RecurringRevenueKpi(), "2025-Q1", Map.of(), "2026-12-31");
        assertDecimal("0.00", empty.value());
        assertDecimal("0.00", empty.breakdown().get("churn"));
        assertNull(empty.breakdown().get("nrr"));
        assertNull(compute(new NrrKpi(), "2025-Q1", Map.of(), "2026-12-31").value());
        // a quiet period keeps what it started with: NRR 1
        assertDecimal("1", compute(new NrrKpi(), "2027-Q1", Map.of(), "2027-12-31").value());
    }

    @Test
    void revenueDatedAfterTheAnswersInstantIsNotInALaterPeriodsStartingArr() {
        // recorded on 01-02, a +500 expansion is dated 05-01: asked on 02-01 ("now", from the facts as they stand),
        // Q3 starts with the 1,000 the account has then, exactly as when asked with asOf=02-01
        FactsBuilder b = Facts.builder(new Tenant("ten_1", "T", "USD", ZoneOffset.UTC));
        b.object(ObjectType.ACCOUNT, "a1", t("2025-01-01"), 0, Map.of("segment", "SMB"));
        event(b, "a1", "2026-01-01", RevenueKind.NEW, 1_000_00);
        b.revenue("a1", t("2026-05-01"), RevenueKind.EXPANSION, 500_00, true, t("2026-01-02"));
        Facts current = b.build(t("2026-02-01"));
        Instant now = t("2026-02-01");
        KpiResult asked = new RecurringRevenueKpi().compute(new KpiRequest(Period.parse("2026-Q3"), Map.of(),
                Map.of(), current, List.of(), now, null));
        assertDecimal("1000.00", asked.breakdown().get("starting"));
        assertDecimal("1000.00", asked.value());
        assertEquals(new RecurringRevenueKpi().compute(new KpiRequest(Period.parse("2026-Q3"), Map.of(), Map.of(),
                current.asOf(now.minusMillis(1)), List.of(), now.minusMillis(1), null)).breakdown(), asked.breakdown());
    }
}
