package org.revos.runtime.internal.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.revos.api.model.Goal;
import org.revos.api.model.Period;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;
import org.revos.runtime.internal.kpi.reference.Figure;
import org.revos.runtime.internal.kpi.reference.FunnelReference;
import org.revos.runtime.internal.kpi.reference.GoalReference;
import org.revos.runtime.internal.kpi.reference.KpiReference;
import org.revos.runtime.internal.kpi.reference.Slice;
import org.revos.runtime.internal.kpi.reference.TenantRows;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.problem.Problem;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

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
    private static final FactsProjection PROJECTION = new FactsProjection(STORES.store);
    private static final KpiCalculators CALCULATORS = Calculators.all(STORES.store);

    @AfterContainer
    static void close() {
        PROJECTION.close();
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
        Tenant tenant = newTenant(script);
        ScriptWriter writer = new ScriptWriter(STORES.store, tenant, TenantScripts.CATALOG, CLOCK);
        script.writes().forEach(writer::apply);
        SplittableRandom random = new SplittableRandom(script.probeSeed());
        Instant now = Instant.ofEpochMilli(CLOCK.get());
        GoalScript.write(random, 8, writer, tenant.timeZone(), script.start(), now);
        TenantRows rows = StoredRows.read(STORES.store, PROJECTION, tenant, TenantScripts.CATALOG.pipelines());
        assertEquals(8, rows.goals().size(), "every generated goal is a valid one");
        for (Goal goal : rows.goals()) {
            Period period = Period.parse(goal.period());
            Instant from = period.start(tenant.timeZone()).minusSeconds(10 * 86_400);
            Instant to = period.end(tenant.timeZone()).plusSeconds(10 * 86_400);
            Instant at = Instant.ofEpochMilli(Math.min(now.toEpochMilli(), from.toEpochMilli()
                    + random.nextLong(to.toEpochMilli() - from.toEpochMilli())));
            assertSameStanding(tenant, rows, goal, at);
        }
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
