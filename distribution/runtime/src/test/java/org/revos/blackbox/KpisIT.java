package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * KPIs, goals, the goal matrix and the revenue summary over HTTP, with the funnel and recurring-revenue plugins that
 * ship with the runtime. Stage moves are recorded at the instant they are made, so the figures are asked for the
 * current quarter (UTC).
 */
@ExtendWith(RevosExtension.class)
class KpisIT {

    private static final String FUNNEL = "org.revos.kpi.funnel";

    private final Revos revos;
    private final String quarter;
    private final Instant quarterStart;
    private final Instant quarterEnd;

    KpisIT(Revos revos) {
        this.revos = revos;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        this.quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        this.quarterStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.quarterEnd = first.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static void assertDecimal(String expected, JsonNode actual) {
        assertTrue(actual != null && actual.isNumber(), () -> "expected " + expected + ", was " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " != " + actual);
    }

    private JsonNode kpi(String key, String query) {
        return revos.get(key, "/kpis/" + query).expect(200);
    }

    private String id(Revos.Tenant t, String path, Map<String, Object> body) {
        return revos.post(t.member(), path, body).expect(201).get("id").asText();
    }

    /** A tenant with two reps, a won, a lost and an open deal this quarter. */
    private Revos.Tenant sales(String name) {
        Revos.Tenant t = revos.newTenant(name);
        String east = id(t, "/users", Map.of("name", "Ann", "role", "AE", "team", "East"));
        String west = id(t, "/users", Map.of("name", "Bob", "role", "AE", "team", "West"));
        String account = id(t, "/accounts", Map.of("name", "Initech", "segment", "SMB"));
        String won = id(t, "/deals", Map.of("accountId", account, "ownerId", east, "name", "A", "arr", 10000));
        String lost = id(t, "/deals", Map.of("accountId", account, "ownerId", west, "name", "B", "arr", 30000));
        String open = id(t, "/deals", Map.of("accountId", account, "ownerId", east, "name", "C", "arr", 5000));
        revos.post(t.member(), "/deals/" + won + "/transitions", Map.of("toStage", "CLOSED_WON")).expect(200);
        revos.post(t.member(), "/deals/" + lost + "/transitions", Map.of("toStage", "CLOSED_LOST",
                "lossReason", "PRICE")).expect(200);
        revos.post(t.member(), "/deals/" + open + "/transitions", Map.of("toStage", "OPPORTUNITY", "properties",
                Map.of("stakeholders", "CFO", "timeline", "Q4", "budgetRange", "5k"))).expect(200);
        return t;
    }

    @Test
    void funnelKpisAnswerWithHandComputedNumbers() {
        Revos.Tenant t = sales("funnel");
        JsonNode list = revos.get(t.readOnly(), "/kpis").expect(200).get("items");
        List<String> ids = new ArrayList<>();
        list.forEach(k -> ids.add(k.get("id").asText()));
        assertTrue(ids.containsAll(List.of("deals_created", "deals_won", "deals_lost", "win_rate", "avg_deal_size",
                "won_revenue", "stage_volume", "conversion", "time_between", "nrr", "grr")), ids.toString());

        JsonNode winRate = kpi(t.readOnly(), "win_rate?period=" + quarter);
        assertEquals("win_rate", winRate.get("kpi").asText());
        assertEquals(quarter, winRate.get("period").asText());
        assertEquals("RATIO", winRate.get("unit").asText());
        assertDecimal("0.5", winRate.get("value"));
        assertDecimal("1", kpi(t.readOnly(), "deals_won?period=" + quarter).get("value"));
        assertDecimal("3", kpi(t.readOnly(), "deals_created?period=" + quarter).get("value"));
        JsonNode revenue = kpi(t.readOnly(), "won_revenue?period=" + quarter);
        assertDecimal("10000", revenue.get("value"));
        assertDecimal("2", revenue.get("breakdown").get("closedDeals"));
        assertDecimal("10000", kpi(t.readOnly(), "avg_deal_size?period=" + quarter).get("value"));
        assertDecimal("1", kpi(t.readOnly(), "stage_volume?period=" + quarter + "&stage=OPPORTUNITY").get("value"));
        JsonNode conversion = kpi(t.readOnly(), "conversion?period=" + quarter
                + "&from=QUALIFICATION&to=OPPORTUNITY&method=cohort");
        assertDecimal("0.333333", conversion.get("value"));
        assertEquals("cohort", conversion.get("breakdown").get("method").asText());
        assertDecimal("1", kpi(t.readOnly(), "win_rate?period=" + quarter + "&team=East").get("value"));
        assertTrue(kpi(t.readOnly(), "win_rate?period=2001-Q1").get("value").isNull(), "no deal closed: null");
    }

    @Test
    void badRequestsNameEachProblem() {
        Revos.Tenant t = revos.newTenant("kpi-errors");
        assertEquals(404, revos.get(t.readOnly(), "/kpis/nope?period=2026").status());
        JsonNode missing = revos.get(t.readOnly(), "/kpis/conversion?bogus=1&asOf=yesterday").expect(400);
        List<String> fields = new ArrayList<>();
        missing.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("period", "asOf", "bogus"), fields, missing.toString());
        JsonNode params = revos.get(t.readOnly(), "/kpis/conversion?period=2026-Q1").expect(400);
        assertEquals(2, params.get("errors").size(), params.toString());
        assertEquals("application/problem+json", revos.get(t.readOnly(), "/kpis/conversion?period=2026-Q1")
                .header("Content-Type"));
    }

    @Test
    void revenueSummaryBridgesTheQuarterAndAnswersAsOfAnEarlierInstant() throws InterruptedException {
        Revos.Tenant t = revos.newTenant("revenue");
        String old = id(t, "/accounts", Map.of("name", "Old customer"));
        String fresh = id(t, "/accounts", Map.of("name", "New customer"));
        revos.post(t.member(), "/revenue-events", Map.of("accountId", old, "kind", "NEW", "arrDelta", 20000,
                "occurredAt", quarterStart.minusSeconds(86_400 * 200L).toString())).expect(201);
        revos.post(t.member(), "/revenue-events", Map.of("accountId", fresh, "kind", "NEW", "arrDelta", 10000.50,
                "occurredAt", quarterStart.plusSeconds(60).toString())).expect(201);
        Thread.sleep(5);
        Instant beforeChurn = Instant.now();
        Thread.sleep(5);
        revos.post(t.member(), "/revenue-events", Map.of("accountId", old, "kind", "CONTRACTION", "arrDelta", -5000,
                "occurredAt", quarterStart.plusSeconds(120).toString())).expect(201);
        JsonNode s = revos.get(t.readOnly(), "/revenue/summary?period=" + quarter).expect(200);
        assertDecimal("20000", s.get("starting"));
        assertDecimal("10000.50", s.get("new"));
        assertDecimal("0", s.get("expansion"));
        assertDecimal("5000", s.get("contraction"));
        assertDecimal("0", s.get("churn"));
        assertDecimal("25000.50", s.get("ending"));
        assertDecimal("0.75", s.get("nrr"));
        assertDecimal("0.75", s.get("grr"));
        assertDecimal("0.75", kpi(t.readOnly(), "nrr?period=" + quarter).get("value"));
        JsonNode then = revos.get(t.readOnly(), "/revenue/summary?period=" + quarter + "&asOf=" + beforeChurn)
                .expect(200);
        assertDecimal("0", then.get("contraction"));
        assertDecimal("30000.50", then.get("ending"));
        assertDecimal("1", then.get("nrr"));
        assertEquals(400, revos.get(t.readOnly(), "/revenue/summary?period=2026-Q5").status());
    }

    @Test
    void goalsPaceRollUpAndFillTheMatrix() {
        Revos.Tenant t = sales("goals");
        JsonNode users = revos.get(t.readOnly(), "/users").expect(200).get("items");
        String ann = users.get(0).get("id").asText();
        String bob = users.get(1).get("id").asText();
        String tenantGoal = id(t, "/goals", Map.of("kpi", "won_revenue", "period", quarter, "target", 40000));
        id(t, "/goals", Map.of("kpi", "won_revenue", "period", quarter, "target", 15000, "scope",
                Map.of("userId", ann)));
        id(t, "/goals", Map.of("kpi", "won_revenue", "period", quarter, "target", 10000, "scope",
                Map.of("userId", bob)));
        String eastGoal = id(t, "/goals", Map.of("kpi", "won_revenue", "period", quarter, "target", 20000, "scope",
                Map.of("team", "East")));

        JsonNode end = revos.get(t.readOnly(), "/goals/" + tenantGoal + "/pacing?at=" + quarterEnd).expect(200);
        assertDecimal("40000", end.get("target"));
        // East's set 20,000 plus West's rolled-up 10,000
        assertDecimal("30000", end.get("rolledUpTarget"));
        assertDecimal("10000", end.get("actual"));
        assertDecimal("40000", end.get("expected"));
        assertDecimal("0.25", end.get("pace"));
        assertEquals("RED", end.get("status").asText());
        JsonNode east = revos.get(t.readOnly(), "/goals/" + eastGoal + "/pacing?at=" + quarterEnd).expect(200);
        assertDecimal("15000", east.get("rolledUpTarget"));
        assertDecimal("10000", east.get("actual"));
        assertDecimal("0.5", east.get("pace"));
        JsonNode start = revos.get(t.readOnly(), "/goals/" + tenantGoal + "/pacing?at=" + quarterStart).expect(200);
        assertDecimal("0", start.get("expected"));
        assertTrue(start.get("pace").isNull());
        assertEquals("GREEN", start.get("status").asText(), "nothing expected yet");

        revos.send(t.admin(), "PUT", "/kpi-settings", Map.of("yellowFrom", 0.2), Map.of()).expect(200);
        assertEquals("YELLOW", revos.get(t.readOnly(), "/goals/" + tenantGoal + "/pacing?at=" + quarterEnd)
                .expect(200).get("status").asText());
        assertEquals(403, revos.send(t.member(), "PUT", "/kpi-settings", Map.of("yellowFrom", 0.5), Map.of())
                .status());

        revos.patch(t.member(), "/goals/" + tenantGoal, Map.of("period", "2001-Q1")).expect(200);
        JsonNode revisions = revos.get(t.readOnly(), "/goals/" + tenantGoal + "/revisions").expect(200).get("items");
        assertEquals(2, revisions.size());
        assertEquals(quarter, revisions.get(0).get("period").asText(), "the old period is kept");
        revos.patch(t.member(), "/goals/" + tenantGoal, Map.of("period", quarter)).expect(200);

        JsonNode matrix = revos.get(t.readOnly(), "/goal-matrix?kpis=won_revenue,win_rate&periods=" + quarter
                + ",2001-Q1").expect(200);
        JsonNode rows = matrix.get("rows");
        assertEquals(2, rows.size());
        JsonNode cell = rows.get(0).get("cells").get(0);
        assertEquals("won_revenue", rows.get(0).get("kpi").asText());
        assertDecimal("10000", cell.get("actual"));
        assertDecimal("40000", cell.get("goal"));
        assertDecimal("-30000", cell.get("deltaToGoal"));
        assertDecimal("10000", cell.get("yoyDelta"));
        assertTrue(List.of("GREEN", "YELLOW", "RED").contains(cell.get("status").asText()), cell.toString());
        JsonNode noGoal = rows.get(1).get("cells").get(1);
        assertTrue(noGoal.get("actual").isNull(), "no deal closed in 2001: null win rate");
        assertTrue(noGoal.get("status").isNull(), "no goal, no status");
        assertEquals(400, revos.get(t.readOnly(), "/goal-matrix?kpis=nope").status());
    }

    @Test
    void disablingThePluginRemovesItsKpisForThatTenantOnly() {
        Revos.Tenant off = sales("funnel-off");
        Revos.Tenant on = sales("funnel-on");
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + off.id() + "/plugins/" + FUNNEL,
                Map.of("enabled", false), Map.of()).expect(200);
        String offIds = revos.get(off.readOnly(), "/kpis").expect(200).get("items").toString();
        assertFalse(offIds.contains("\"win_rate\""), offIds);
        assertTrue(offIds.contains("\"nrr\""), "the revenue plugin is still enabled");
        assertEquals(404, revos.get(off.readOnly(), "/kpis/win_rate?period=" + quarter).status());
        assertDecimal("0.5", kpi(on.readOnly(), "win_rate?period=" + quarter).get("value"));
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + off.id() + "/plugins/" + FUNNEL,
                Map.of("enabled", true), Map.of()).expect(200);
        assertDecimal("0.5", kpi(off.readOnly(), "win_rate?period=" + quarter).get("value"));
    }

    /**
     * A user's team is optional: a deal owned by a user in no team counts like any other, also in a tenant whose
     * figures were read before that user existed, and goals pace on it.
     */
    @Test
    void aUserWithoutTeamCountsAndTheFiguresStayCurrent() {
        Revos.Tenant t = revos.newTenant("no-team");
        String account = id(t, "/accounts", Map.of("name", "Hooli"));
        assertDecimal("0", kpi(t.readOnly(), "deals_won?period=" + quarter).get("value"));
        String loner = id(t, "/users", Map.of("name", "Lone", "role", "AE"));
        String deal = id(t, "/deals", Map.of("accountId", account, "ownerId", loner, "name", "Solo", "arr", 7000));
        revos.post(t.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "CLOSED_WON")).expect(200);
        assertDecimal("1", kpi(t.readOnly(), "deals_won?period=" + quarter).get("value"));
        assertDecimal("7000", kpi(t.readOnly(), "won_revenue?period=" + quarter).get("value"));
        assertDecimal("7000", kpi(t.readOnly(), "won_revenue?period=" + quarter + "&ownerId=" + loner)
                .get("value"));
        assertDecimal("0", kpi(t.readOnly(), "won_revenue?period=" + quarter + "&team=East").get("value"));
        String goal = id(t, "/goals", Map.of("kpi", "won_revenue", "period", quarter, "target", 14000, "scope",
                Map.of("userId", loner)));
        JsonNode pacing = revos.get(t.readOnly(), "/goals/" + goal + "/pacing").expect(200);
        assertDecimal("7000", pacing.get("actual"));
    }
}
