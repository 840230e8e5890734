package org.revos.kpi.funnel.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Period;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;

/**
 * A small tenant whose figures are computed by hand in the tests. Deals (ARR; stage entries):
 * <pre>
 * d4 u2/ENT 20,000.00  QUALIFICATION 2025-12-20, CLOSED_WON 2026-01-15
 * d1 u1/SMB 10,000.00  QUALIFICATION 2026-01-05, OPPORTUNITY 01-10, CLOSED_WON 02-10
 * d2 u2/ENT 30,000.00  QUALIFICATION 2026-01-07, OPPORTUNITY 01-20, CLOSED_LOST 03-01
 * d3 u1/SMB  5,000.50  QUALIFICATION 2026-02-01, OPPORTUNITY 03-15, CLOSED_WON 04-10
 * d5 u1/SMB  1,000.00  QUALIFICATION 2026-03-20
 * </pre>
 * u1 is in team East until 2026-04-01, then West; u2 is in West. Leads: l1 (ads) RAW 01-02, MQL 01-03; l2 (web) RAW
 * 01-04.
 */
final class Fixture {

    static final List<Pipeline> PIPELINES = List.of(
            new Pipeline("leads", ObjectType.LEAD, true, List.of(stage("RAW", StageCategory.OPEN),
                    stage("MQL", StageCategory.OPEN), stage("SQL", StageCategory.OPEN))),
            new Pipeline("sales", ObjectType.DEAL, true, List.of(stage("QUALIFICATION", StageCategory.OPEN),
                    stage("OPPORTUNITY", StageCategory.OPEN), stage("CLOSED_WON", StageCategory.WON),
                    stage("CLOSED_LOST", StageCategory.LOST))));

    static final Facts FACTS = facts();

    private Fixture() {
    }

    static Instant t(String date) {
        return Instant.parse(date.length() == 10 ? date + "T00:00:00Z" : date);
    }

    private static Stage stage(String id, StageCategory category) {
        return new Stage(id, id, category, 0.5, BowTiePhase.SELECTION, List.of(), false);
    }

    private static Facts facts() {
        FactsBuilder b = Facts.builder(new Tenant("ten_1", "T", "USD", ZoneOffset.UTC));
        b.membership("u1", "East", t("2025-01-01")).membership("u1", "West", t("2026-04-01"))
                .membership("u2", "West", t("2025-01-01"));
        b.object(ObjectType.ACCOUNT, "a1", t("2025-01-01"), 0, Map.of("segment", "SMB", "country", "DE"));
        b.object(ObjectType.ACCOUNT, "a2", t("2025-01-01"), 0, Map.of("segment", "ENT", "country", "US"));
        deal(b, "d4", "2025-12-20", 20_000_00, "u2", "ENT", "2025-12-20", null, "2026-01-15", "CLOSED_WON");
        deal(b, "d1", "2026-01-05", 10_000_00, "u1", "SMB", "2026-01-05", "2026-01-10", "2026-02-10", "CLOSED_WON");
        deal(b, "d2", "2026-01-07", 30_000_00, "u2", "ENT", "2026-01-07", "2026-01-20", "2026-03-01", "CLOSED_LOST");
        deal(b, "d3", "2026-02-01", 5_000_50, "u1", "SMB", "2026-02-01", "2026-03-15", "2026-04-10", "CLOSED_WON");
        deal(b, "d5", "2026-03-20", 1_000_00, "u1", "SMB", "2026-03-20", null, null, null);
        b.object(ObjectType.LEAD, "l1", t("2026-01-02"), 0, Map.of("source", "ads", "ownerId", "u1"));
        b.object(ObjectType.LEAD, "l2", t("2026-01-04"), 0, Map.of("source", "web", "ownerId", "u2"));
        b.entered(ObjectType.LEAD, "l1", "RAW", t("2026-01-02")).entered(ObjectType.LEAD, "l1", "MQL", t("2026-01-03"))
                .entered(ObjectType.LEAD, "l2", "RAW", t("2026-01-04"));
        return b.build(t("2026-06-30"));
    }

    private static void deal(FactsBuilder b, String id, String created, long cents, String owner, String segment,
            String qualified, String opportunity, String closed, String closedIn) {
        b.object(ObjectType.DEAL, id, t(created), cents, Map.of("ownerId", owner, "segment", segment,
                "pipeline", "sales", "country", segment.equals("SMB") ? "DE" : "US"));
        b.entered(ObjectType.DEAL, id, "QUALIFICATION", t(qualified));
        if (opportunity != null) {
            b.entered(ObjectType.DEAL, id, "OPPORTUNITY", t(opportunity));
        }
        if (closed != null) {
            b.entered(ObjectType.DEAL, id, closedIn, t(closed));
        }
    }

    static KpiResult compute(KpiCalculator kpi, String period, Map<String, String> filter,
            Map<String, String> parameters) {
        return compute(kpi, period, filter, parameters, "2026-06-30");
    }

    static KpiResult compute(KpiCalculator kpi, String period, Map<String, String> filter,
            Map<String, String> parameters, String asOf) {
        Instant at = t(asOf);
        return kpi.compute(new KpiRequest(Period.parse(period), filter, parameters, FACTS.asOf(at), PIPELINES, at,
                null));
    }

    static BigDecimal value(KpiCalculator kpi, String period, Map<String, String> filter,
            Map<String, String> parameters) {
        return compute(kpi, period, filter, parameters).value();
    }
}
