package org.revos.bench.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Period;
import org.revos.api.model.Pipeline;
import org.revos.api.model.RevenueKind;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;
import org.revos.api.query.Facts;
import org.revos.api.query.FactsBuilder;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiRequest;
import org.revos.kpi.funnel.internal.AvgDealSizeKpi;
import org.revos.kpi.funnel.internal.DealsCreatedKpi;
import org.revos.kpi.funnel.internal.DealsLostKpi;
import org.revos.kpi.funnel.internal.DealsWonKpi;
import org.revos.kpi.funnel.internal.WinRateKpi;
import org.revos.kpi.funnel.internal.WonRevenueKpi;
import org.revos.kpi.revenue.internal.GrrKpi;
import org.revos.kpi.revenue.internal.NrrKpi;
import org.revos.kpi.revenue.internal.RecurringRevenueKpi;

/**
 * The baseline's SQL computes what the KPI calculators compute: a small generated tenant, put into DuckDB and into
 * RevOS's facts, gives the same value for every KPI of the matrix in every quarter, sliced by owner too. Without this
 * the bench's comparison would be meaningless.
 */
class BaselineMatchesCalculatorsTest {

    private static final List<Pipeline> PIPELINES = List.of(new Pipeline("sales", ObjectType.DEAL, true,
            GeneratedTenant.STAGES.stream().map(s -> new Stage(s, s, s.equals("CLOSED_WON") ? StageCategory.WON
                    : s.equals("CLOSED_LOST") ? StageCategory.LOST : StageCategory.OPEN, 0.5, BowTiePhase.SELECTION,
                    List.of(), false)).toList()));
    private static final Map<String, KpiCalculator> CALCULATORS = Map.of("deals_created", new DealsCreatedKpi(),
            "deals_won", new DealsWonKpi(), "deals_lost", new DealsLostKpi(), "win_rate", new WinRateKpi(),
            "avg_deal_size", new AvgDealSizeKpi(), "won_revenue", new WonRevenueKpi(), "recurring_revenue",
            new RecurringRevenueKpi(), "nrr", new NrrKpi(), "grr", new GrrKpi());

    private static GeneratedTenant tenant;
    private static Facts facts;
    private static DuckDbBaseline duck;

    @BeforeAll
    static void generate() throws Exception {
        tenant = TenantGenerator.generate(TenantShape.small(7));
        facts = facts(tenant);
        duck = DuckDbBaseline.load(tenant);
    }

    @AfterAll
    static void close() throws Exception {
        duck.close();
    }

    @Test
    void everyMatrixCellMatches() throws Exception {
        List<Quarters.Quarter> quarters = Quarters.from(new Quarters.Quarter(2023, 1), 12);
        Map<Quarters.Quarter, DuckDbBaseline.Funnel> funnel = duck.funnel(quarters, -1);
        Map<Quarters.Quarter, DuckDbBaseline.Bridge> bridges = duck.bridges(quarters);
        List<String> kpis = new ArrayList<>(KpiFigures.MATRIX);
        kpis.add("grr");
        int nonZero = 0;
        for (Quarters.Quarter q : quarters) {
            for (String kpi : kpis) {
                BigDecimal expected = KpiFigures.value(kpi, funnel.get(q), bridges.get(q));
                BigDecimal actual = revos(kpi, q, Map.of());
                assertTrue(KpiFigures.same(expected, actual), kpi + " " + q + ": DuckDB " + expected + ", RevOS "
                        + actual);
                nonZero += actual != null && actual.signum() != 0 ? 1 : 0;
            }
        }
        assertTrue(nonZero > kpis.size() * 10, "the tenant has figures in most cells");
    }

    @Test
    void ownerSliceAndSummaryMatch() throws Exception {
        Quarters.Quarter q = new Quarters.Quarter(2025, 4);
        int owner = tenant.dealOwner[0];
        DuckDbBaseline.Funnel f = duck.funnel(List.of(q), owner).get(q);
        assertTrue(f.won() > 0);
        assertTrue(KpiFigures.same(KpiFigures.value("won_revenue", f, null), revos("won_revenue", q,
                Map.of("ownerId", GeneratedTenant.userId(owner)))));
        String team = GeneratedTenant.teamName(tenant.memberTeam[tenant.memberships() - 1]);
        DuckDbBaseline.Funnel ofTeam = duck.funnelOfTeam(q, team);
        assertTrue(ofTeam.won() > 0);
        for (String kpi : List.of("deals_won", "deals_lost", "won_revenue", "avg_deal_size", "deals_created")) {
            assertTrue(KpiFigures.same(KpiFigures.value(kpi, ofTeam, null), revos(kpi, q, Map.of("team", team))),
                    kpi + " of " + team + " " + q);
        }
        DuckDbBaseline.Bridge b = duck.summary(q);
        assertEquals(b, duck.bridges(Quarters.from(new Quarters.Quarter(2023, 1), 12)).get(q));
        assertTrue(KpiFigures.same(KpiFigures.value("nrr", null, b), revos("nrr", q, Map.of())));
    }

    @Test
    void theSameSeedGivesTheSameTenant() {
        GeneratedTenant again = TenantGenerator.generate(TenantShape.small(7));
        assertEquals(tenant.transitions(), again.transitions());
        assertEquals(tenant.revenueEvents(), again.revenueEvents());
        assertTrue(java.util.Arrays.equals(tenant.transitionAt, again.transitionAt));
        assertTrue(java.util.Arrays.equals(tenant.revenueDeltaCents, again.revenueDeltaCents));
        GeneratedTenant other = TenantGenerator.generate(TenantShape.small(8));
        assertTrue(!java.util.Arrays.equals(tenant.transitionAt, other.transitionAt));
    }

    @Test
    void theTenantHasTheShapesOfARealOne() {
        java.util.Set<Integer> inTeams = new java.util.HashSet<>();
        for (int m = 0; m < tenant.memberships(); m++) {
            inTeams.add(tenant.memberUser[m]);
        }
        assertTrue(inTeams.size() < tenant.users(), "some users are in no team");
        assertTrue(tenant.memberships() > inTeams.size(), "some users change team");
        assertTrue(java.util.Arrays.stream(tenant.dealArrCents).anyMatch(a -> a == GeneratedTenant.NO_ARR),
                "some deals have no amount");
        assertTrue(java.util.Arrays.stream(tenant.dealCloseDay).anyMatch(d -> d == GeneratedTenant.NO_CLOSE_DATE),
                "some deals have no close date");
        boolean reopenedWon = false;
        for (int i = 0; i < tenant.transitions(); i++) {
            reopenedWon |= tenant.transitionFrom[i] == GeneratedTenant.WON;
        }
        assertTrue(reopenedWon, "some won deals are reopened");
        int back = 0;
        int ahead = 0;
        for (int r = 0; r < tenant.revenueEvents(); r++) {
            back += tenant.revenueRecorded[r] > tenant.revenueAt[r] ? 1 : 0;
            ahead += tenant.revenueRecorded[r] < tenant.revenueAt[r] ? 1 : 0;
            assertTrue(tenant.revenueRecorded[r] < tenant.shape().end(), "recorded within the history");
        }
        assertTrue(back > 0 && ahead > 0, "back-dated and future-dated revenue");
        assertTrue(!tenant.shape().zone().getRules().isFixedOffset(), "a zone with daylight saving");
    }

    @Test
    void dealsMoveThroughThePipelineInTimeOrder() {
        int deals = tenant.deals();
        assertTrue(tenant.transitions() > deals * 3, "several stage entries per deal: " + tenant.transitions());
        long[] last = new long[deals];
        int[] stage = new int[deals];
        java.util.Arrays.fill(stage, -1);
        for (int i = 0; i < tenant.transitions(); i++) {
            int d = tenant.transitionDeal[i];
            assertEquals(stage[d], tenant.transitionFrom[i], "each move starts where the last one ended");
            assertTrue(tenant.transitionAt[i] > last[d] && tenant.transitionAt[i] < tenant.shape().end());
            last[d] = tenant.transitionAt[i];
            stage[d] = tenant.transitionTo[i];
        }
        for (int d = 0; d < deals; d++) {
            assertEquals(stage[d], tenant.dealStage[d]);
        }
    }

    private static BigDecimal revos(String kpi, Quarters.Quarter q, Map<String, String> filter) {
        Instant asOf = facts.asOf();
        return CALCULATORS.get(kpi).compute(new KpiRequest(Period.parse(q.toString()), filter, Map.of(), facts,
                PIPELINES, asOf, null)).value();
    }

    /** The generated rows as RevOS's facts, the way the runtime's projection reads them from the store. */
    static Facts facts(GeneratedTenant t) {
        FactsBuilder b = Facts.builder(new Tenant("ten_bench", "bench", "USD", t.shape().zone()));
        for (int m = 0; m < t.memberships(); m++) {
            b.membership(GeneratedTenant.userId(t.memberUser[m]), GeneratedTenant.teamName(t.memberTeam[m]),
                    Instant.ofEpochMilli(t.memberSince[m]));
        }
        for (int a = 0; a < t.accounts(); a++) {
            b.object(ObjectType.ACCOUNT, GeneratedTenant.accountId(a), Instant.ofEpochMilli(t.accountCreated[a]), 0,
                    Map.of("ownerId", GeneratedTenant.userId(t.accountOwner[a]), "segment",
                            GeneratedTenant.SEGMENTS.get(t.accountSegment[a]), "country",
                            GeneratedTenant.COUNTRIES.get(t.accountCountry[a])));
        }
        for (int d = 0; d < t.deals(); d++) {
            Map<String, String> dims = new HashMap<>();
            dims.put("ownerId", GeneratedTenant.userId(t.dealOwner[d]));
            dims.put("pipeline", GeneratedTenant.PIPELINE);
            dims.put("segment", GeneratedTenant.SEGMENTS.get(t.accountSegment[t.dealAccount[d]]));
            b.object(ObjectType.DEAL, GeneratedTenant.dealId(d), Instant.ofEpochMilli(t.dealCreated[d]),
                    t.arrOrZero(d), dims);
        }
        for (int i = 0; i < t.transitions(); i++) {
            b.entered(ObjectType.DEAL, GeneratedTenant.dealId(t.transitionDeal[i]),
                    GeneratedTenant.STAGES.get(t.transitionTo[i]), Instant.ofEpochMilli(t.transitionAt[i]));
        }
        for (int r = 0; r < t.revenueEvents(); r++) {
            Instant at = Instant.ofEpochMilli(t.revenueAt[r]);
            b.revenue(GeneratedTenant.accountId(t.revenueAccount[r]), at,
                    RevenueKind.valueOf(GeneratedTenant.KINDS.get(t.revenueKind[r])), t.revenueDeltaCents[r],
                    t.revenueDeal[r] >= 0, Instant.ofEpochMilli(t.revenueRecorded[r]));
        }
        return b.build(t.shape().endInstant());
    }
}
