package org.revos.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.revos.runtime.internal.kpi.Write;
import org.revos.runtime.internal.kpi.TenantScript;
import org.revos.runtime.internal.kpi.TenantScripts;
import org.revos.runtime.internal.kpi.ScriptWriter;
import org.revos.api.model.Goal;
import org.revos.api.model.Period;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;
import org.revos.kernel.spi.Problem;
import org.revos.kpi.internal.reference.Figure;
import org.revos.kpi.internal.reference.FunnelReference;
import org.revos.kpi.internal.reference.GoalReference;
import org.revos.kpi.internal.reference.KpiReference;
import org.revos.kpi.internal.reference.Slice;
import org.revos.kpi.internal.reference.TenantRows;
import org.revos.runtime.internal.persistence.EngineStore;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.query.RevosDataService;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential tests over generated tenants: after every write made through the real write path, the projection kept
 * up to date write by write equals one read afresh from the store, and every KPI the real calculators compute over it
 * equals the naive reference computed from the tenant's rows (for a sample of KPIs, periods, filters and instants).
 */
class KpiDifferentialPropertiesTest {

    private static final int PROBES_PER_WRITE = 5;
    private static final AtomicLong CLOCK = new AtomicLong();
    private static final AtomicLong TENANTS = new AtomicLong();
    private static final TestStores STORES = new TestStores(CLOCK::get);
    private static final FactsProjection PROJECTION = Projections.over(Projections.withEntities(STORES.store));
    private static final KpiCalculators CALCULATORS = Calculators.all(STORES.store);
    private static final GoalMatrixResource MATRIX = new GoalMatrixResource(new KpiEngine(CALCULATORS, PROJECTION,
            new RevosDataService(STORES.store, PROJECTION), tenant -> TenantScripts.CATALOG.pipelines()),
            new EngineStore(STORES.store));
    /** The matrix's rows: the goals' KPIs first, then the other KPIs without parameters. */
    private static final List<String> MATRIX_KPIS = List.of("deals_won", "won_revenue", "deals_created",
            "deals_lost", "win_rate", "avg_deal_size", "recurring_revenue", "nrr", "grr");


    @AfterContainer
    static void close() {
        Projections.close(STORES.store, PROJECTION);
        STORES.store.close();
    }

    @Provide
    Arbitrary<TenantScript> tenants() {
        return TenantScripts.scripts(25);
    }

    @Property
    void theProjectionAndEveryKpiFollowEveryWrite(@ForAll("tenants") TenantScript script) {
        Tenant tenant = newTenant(script);
        ScriptWriter writer = new ScriptWriter(STORES.store, tenant, TenantScripts.CATALOG, CLOCK);
        SplittableRandom random = new SplittableRandom(script.probeSeed());
        PROJECTION.facts(tenant, null);
        for (Write write : script.writes()) {
            boolean accepted = writer.apply(write);
            Statistics.label("writes").collect(write.getClass().getSimpleName(), accepted ? "accepted" : "refused");
            if (!accepted) {
                continue;
            }
            Facts kept = PROJECTION.facts(tenant, null);
            FactsProjectionTest.assertSameFacts(fresh(tenant), kept);
            TenantRows rows = StoredRows.read(STORES.store, PROJECTION, tenant, TenantScripts.CATALOG.pipelines());
            for (Probe probe : Probe.sample(random, PROBES_PER_WRITE, writer, tenant.timeZone(), script.start(),
                    Instant.ofEpochMilli(CLOCK.get()))) {
                assertSameFigure(tenant, rows, probe, write);
            }
        }
    }

    @Property
    void everyGoalStandsAsTheReferenceSays(@ForAll("tenants") TenantScript script) {
        WithGoals t = withGoals(script);
        TenantRows rows = t.rows();
        assertEquals(8, rows.goals().size(), "every generated goal is a valid one");
        for (Goal goal : rows.goals()) {
            Period period = Period.parse(goal.period());
            Instant from = period.start(t.tenant().timeZone()).minusSeconds(10 * 86_400);
            Instant to = period.end(t.tenant().timeZone()).plusSeconds(10 * 86_400);
            Instant at = Instant.ofEpochMilli(Math.min(t.now().toEpochMilli(), from.toEpochMilli()
                    + t.random().nextLong(to.toEpochMilli() - from.toEpochMilli())));
            assertSameStanding(t.tenant(), rows, goal, at);
        }
    }

    /** A generated tenant after its whole history and eight generated goals, with its rows as stored. */
    private record WithGoals(Tenant tenant, ScriptWriter writer, SplittableRandom random, Instant now,
            TenantRows rows) {
    }

    private WithGoals withGoals(TenantScript script) {
        Tenant tenant = newTenant(script);
        ScriptWriter writer = new ScriptWriter(STORES.store, tenant, TenantScripts.CATALOG, CLOCK);
        script.writes().forEach(writer::apply);
        SplittableRandom random = new SplittableRandom(script.probeSeed());
        Instant now = Instant.ofEpochMilli(CLOCK.get());
        GoalScript.write(random, 8, writer, tenant.timeZone(), script.start(), now);
        TenantRows rows = StoredRows.read(STORES.store, PROJECTION, tenant, TenantScripts.CATALOG.pipelines());
        return new WithGoals(tenant, writer, random, now, rows);
    }

    /**
     * Goal matrix cells (GoalMatrixResource over generated tenants and goals): actual as the reference computes it,
     * goal = the scope's set target, else the roll-up of the goals under it (the scope is the tenant, or a team or
     * user given alone; other filters only slice the actual), deltaToGoal = actual − goal, yoyDelta = actual −
     * actual of the same period a year earlier, and status by the scope goal's pacing at asOf.
     */
    @Property
    void everyGoalMatrixCellIsAsTheReferenceSays(@ForAll("tenants") TenantScript script) {
        WithGoals t = withGoals(script);
        Tenant tenant = t.tenant();
        ScriptWriter writer = t.writer();
        SplittableRandom random = t.random();
        Instant now = t.now();
        TenantRows rows = t.rows();
        for (int request = 0; request < 2; request++) {
            List<String> kpis = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String kpi = MATRIX_KPIS.get(random.nextInt(i == 0 ? 5 : MATRIX_KPIS.size()));
                if (!kpis.contains(kpi)) {
                    kpis.add(kpi);
                }
            }
            List<String> periods = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String period = i < 2 && !rows.goals().isEmpty() ? rows.goals().get(random.nextInt(rows.goals().size()))
                        .period() : Probe.period(random, tenant.timeZone(), script.start(), now).toString();
                if (!periods.contains(period)) {
                    periods.add(period);
                }
            }
            Map<String, String> filter = new java.util.LinkedHashMap<>();
            int scope = random.nextInt(6);
            if (scope == 1 || scope == 4) {
                filter.put("team", TenantScripts.TEAMS.get(random.nextInt(TenantScripts.TEAMS.size())));
            }
            if ((scope == 2 || scope == 4) && !writer.users.isEmpty()) {
                filter.put("ownerId", writer.users.get(random.nextInt(writer.users.size())));
            }
            if (scope == 5 || random.nextInt(4) == 0) {
                filter.put("segment", TenantScripts.SEGMENTS.get(random.nextInt(TenantScripts.SEGMENTS.size())));
            }
            Instant asOf = random.nextBoolean() ? null : Instant.ofEpochMilli(script.start().toEpochMilli()
                    + random.nextLong(Math.max(1, now.toEpochMilli() - script.start().toEpochMilli())));
            assertSameMatrix(tenant, rows, kpis, periods, filter, asOf);
        }
    }

    private static void assertSameMatrix(Tenant tenant, TenantRows rows, List<String> kpis, List<String> periods,
            Map<String, String> filter, Instant asOf) {
        jakarta.ws.rs.core.MultivaluedHashMap<String, String> query = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        query.add("kpis", String.join(",", kpis));
        query.add("periods", String.join(",", periods));
        filter.forEach(query::add);
        if (asOf != null) {
            query.add("asOf", asOf.toString());
        }
        com.fasterxml.jackson.databind.JsonNode answer = MATRIX.matrix(List.of(String.join(",", kpis)),
                List.of(String.join(",", periods)), proxy(jakarta.ws.rs.core.UriInfo.class, "getQueryParameters",
                        query), proxy(jakarta.ws.rs.core.SecurityContext.class, "getUserPrincipal",
                                TestStores.member(tenant.id())));
        Instant at = Instant.parse(answer.path("asOf").asText());
        KpiReference kpiReference = new KpiReference(rows);
        GoalReference goals = new GoalReference(rows);
        // the goal's scope: a team or a user given alone (one value), else the tenant when neither is given
        String team = filter.get("team");
        String user = filter.get("ownerId");
        boolean scoped = !(team != null && user != null) && (team == null || !team.contains(","))
                && (user == null || !user.contains(","));
        org.revos.api.model.GoalScope scope = new org.revos.api.model.GoalScope(team, user);
        assertEquals(kpis.size(), answer.path("rows").size());
        for (com.fasterxml.jackson.databind.JsonNode row : answer.path("rows")) {
            String kpi = row.path("kpi").asText();
            for (com.fasterxml.jackson.databind.JsonNode cell : row.path("cells")) {
                Period period = Period.parse(cell.path("period").asText());
                String what = kpi + " " + period + " " + filter + " as of " + at;
                BigDecimal actual = kpiReference.compute(kpi, period, filter, Map.of(), at).value();
                BigDecimal lastYear = kpiReference.compute(kpi, period.previousYear(), filter, Map.of(), at)
                        .value();
                Goal set = !scoped ? null : rows.goals().stream().filter(g -> g.kpi().equals(kpi)
                        && g.period().equals(period.toString()) && java.util.Objects.equals(g.scope().team(), team)
                        && java.util.Objects.equals(g.scope().userId(), user)).findFirst().orElse(null);
                Instant teamAt = Instant.ofEpochMilli(Math.min(at.toEpochMilli(), period.end(tenant.timeZone())
                        .toEpochMilli() - 1));
                Goal scopeGoal = set != null ? set : new Goal(null, null, kpi, period.toString(), null, scope,
                        List.of());
                BigDecimal goal = set != null ? set.target() : !scoped ? null
                        : goals.rolledUp(scopeGoal, teamAt).orElse(null);
                assertEquals(plain(actual), number(cell, "actual"), "actual of " + what);
                assertEquals(plain(goal), number(cell, "goal"), "goal of " + what);
                assertEquals(actual == null || goal == null ? null : plain(actual.subtract(goal)),
                        number(cell, "deltaToGoal"), "deltaToGoal of " + what);
                assertEquals(actual == null || lastYear == null ? null : plain(actual.subtract(lastYear)),
                        number(cell, "yoyDelta"), "yoyDelta of " + what);
                if (goal == null) {
                    assertTrue(cell.path("status").isNull(), "no status without a goal: " + what);
                    continue;
                }
                Map<String, String> scopeFilter = GoalStanding.scopeFilter(scopeGoal);
                BigDecimal scopeActual = kpiReference.compute(kpi, period, scopeFilter, Map.of(), at).value();
                KpiDefinition definition = CALCULATORS.forTenant(tenant.id()).get(kpi).definition();
                GoalReference.Standing standing = goals.standing(new Goal(null, null, kpi, period.toString(), goal,
                        scope, scopeGoal.pacing()), scopeActual, at, definition.unit() == KpiUnit.COUNT
                                || definition.unit() == KpiUnit.MONEY, definition.higherIsBetter(),
                        KpiSettings.DEFAULT_YELLOW_FROM);
                boolean onABoundary = standing.pace() != null && (near(standing.pace(), BigDecimal.ONE)
                        || near(standing.pace(), KpiSettings.DEFAULT_YELLOW_FROM));
                if (!onABoundary) {
                    assertEquals(standing.status(), cell.path("status").asText(), "status of " + what);
                }
            }
        }
    }

    private static BigDecimal number(com.fasterxml.jackson.databind.JsonNode cell, String field) {
        com.fasterxml.jackson.databind.JsonNode n = cell.path(field);
        return n.isNull() || n.isMissingNode() ? null : plain(n.decimalValue());
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (p, m, args) -> {
                    if (m.getName().equals(method)) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private static void assertSameStanding(Tenant tenant, TenantRows rows, Goal goal, Instant at) {
        KpiSession session = new KpiSession(CALCULATORS, tenant, CALCULATORS.forTenant(tenant.id()),
                PROJECTION.facts(tenant, at), TenantScripts.CATALOG.pipelines(), at, null);
        GoalBook book = new GoalBook(rows.goals(), session.facts().teams());
        GoalStanding actual = GoalStanding.of(session, book, goal, goal.target(), at, KpiSettings.DEFAULT_YELLOW_FROM);
        KpiDefinition kpi = session.require(goal.kpi()).definition();
        Period period = Period.parse(goal.period());
        Figure figure = new KpiReference(rows).compute(goal.kpi(), period, GoalStanding.scopeFilter(goal), Map.of(),
                at);
        GoalReference reference = new GoalReference(rows);
        GoalReference.Standing expected = reference.standing(goal, figure.value(), at, kpi.unit() == KpiUnit.COUNT
                || kpi.unit() == KpiUnit.MONEY, kpi.higherIsBetter(), KpiSettings.DEFAULT_YELLOW_FROM);
        String what = goal + " at " + at;
        assertEquals(plain(figure.value()), plain(actual.actual()), "actual of " + what);
        assertClose(expected.expected(), actual.standing().expected(), new BigDecimal("1e-12"), "expected of " + what);
        assertClose(expected.pace(), actual.standing().pace(), new BigDecimal("1e-6"), "pace of " + what);
        boolean onABoundary = expected.pace() != null && (near(expected.pace(), BigDecimal.ONE)
                || near(expected.pace(), KpiSettings.DEFAULT_YELLOW_FROM));
        if (!onABoundary) {
            assertEquals(expected.status(), actual.standing().status().name(), "status of " + what);
        }
        Instant teamAt = Instant.ofEpochMilli(Math.min(at.toEpochMilli(), period.end(tenant.timeZone())
                .toEpochMilli() - 1));
        assertEquals(reference.rolledUp(goal, teamAt).map(KpiDifferentialPropertiesTest::plain),
                actual.rolledUpTarget().map(KpiDifferentialPropertiesTest::plain), "rolled-up target of " + what);
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual, BigDecimal tolerance, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else {
            assertTrue(expected.subtract(actual).abs().compareTo(tolerance) <= 0, what + ": expected " + expected
                    + ", was " + actual);
        }
    }

    private static boolean near(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(new BigDecimal("1e-5")) < 0;
    }

    private Tenant newTenant(TenantScript script) {
        String id = "ten_diff" + TENANTS.incrementAndGet();
        CLOCK.set(script.start().toEpochMilli());
        STORES.tenant(id, script.zone().getId());
        return new Tenant(id, id, "USD", script.zone());
    }

    private static Facts fresh(Tenant tenant) {
        return STORES.store.read(tenant.id(), em -> FactsProjection.jdbc(em, c -> FactsProjection.load(tenant, c)));
    }

    /** Computes the probe as {@link KpiEngine} and {@link KpiSession} do, and the reference's figure. */
    static void assertSameFigure(Tenant tenant, TenantRows rows, Probe probe, Object after) {
        // KpiEngine.open answers "now" from the facts as they stand, at the clock's instant
        Instant at = probe.asOf() == null ? Instant.ofEpochMilli(CLOCK.get()) : probe.asOf();
        KpiSession session = new KpiSession(CALCULATORS, tenant, CALCULATORS.forTenant(tenant.id()),
                PROJECTION.facts(tenant, probe.asOf()), TenantScripts.CATALOG.pipelines(), at, null);
        String what = probe + " after " + after;
        Figure expected;
        try {
            expected = new KpiReference(rows).compute(probe.kpi(), probe.period(), probe.filter(), probe.parameters(),
                    at);
        } catch (Slice.Refused | FunnelReference.Refused refused) {
            assertThrows(Problem.class, () -> session.compute(probe.kpi(), probe.period(), probe.filter(),
                    probe.parameters(), null), what + " is refused: " + refused.getMessage());
            return;
        }
        KpiResult actual = session.compute(probe.kpi(), probe.period(), probe.filter(), probe.parameters(), null);
        assertEquals(plain(expected.value()), plain(actual.value()), what);
        for (Map.Entry<String, BigDecimal> part : expected.parts().entrySet()) {
            Object figure = actual.breakdown().get(part.getKey());
            assertEquals(plain(part.getValue()), plain(figure == null ? null : new BigDecimal(figure.toString())),
                    part.getKey() + " of " + what);
        }
    }

    /** @return the number without trailing zeros, so that 1.50 and 1.5 compare equal */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : KpiResult.plain(value);
    }

}
