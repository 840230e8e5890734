package org.revos.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.revos.api.event.RevosEvents;
import org.revos.api.leads.FilterContext;
import org.revos.api.leads.SignUp;
import org.revos.api.model.Deal;
import org.revos.api.model.DealType;
import org.revos.api.model.ObjectType;
import org.revos.api.model.StageCategory;
import org.revos.api.query.StageLog;
import org.revos.api.query.TenantData;
import org.revos.api.spi.AccountCredit;
import org.revos.api.spi.AdoptionTactic;
import org.revos.api.spi.CreditInput;
import org.revos.api.spi.CreditRule;
import org.revos.api.spi.KpiCalculator;
import org.revos.api.spi.KpiDefinition;
import org.revos.api.spi.KpiRequest;
import org.revos.api.spi.KpiResult;
import org.revos.api.spi.KpiUnit;
import org.revos.api.spi.AdoptionProbe;
import org.revos.api.spi.ProbeContext;
import org.revos.api.spi.ProbeResult;

/** The kit's builders hand plugins what the runtime would: checked with small real calculators, rules and probes. */
class TestKitTest {

    /** Deals that entered a won stage within what is counted, among those the filter keeps. */
    static final class WonDeals implements KpiCalculator {
        @Override
        public KpiDefinition definition() {
            return new KpiDefinition("won_deals", "Won deals", KpiUnit.COUNT, true, List.of());
        }

        @Override
        public KpiResult compute(KpiRequest request) {
            StageLog log = request.facts().stages(ObjectType.DEAL);
            BitSet kept = request.matching(ObjectType.DEAL);
            long n = 0;
            for (int i = log.firstAtOrAfter(request.from()); i < log.size() && log.at(i) < request.until(); i++) {
                if (kept.get(log.object(i))
                        && request.isCategory(ObjectType.DEAL, log.stageId(log.stage(i)), StageCategory.WON)) {
                    n++;
                }
            }
            return new KpiResult(BigDecimal.valueOf(n), Map.of());
        }
    }

    private static KpiRequests twoWins() {
        return KpiRequests.forTenant()
                .deal("d1", "2026-01-05", 10_000_00, Map.of("segment", "SMB", "ownerId", "u1"))
                .deal("d2", "2026-01-07", 30_000_00, Map.of("segment", "ENT", "ownerId", "u2"))
                .deal("d3", "2026-01-09", 5_000_00, Map.of("segment", "SMB", "ownerId", "u1"))
                .dealEntered("d1", "QUALIFICATION", "2026-01-05").dealEntered("d1", "CLOSED_WON", "2026-02-10")
                .dealEntered("d2", "CLOSED_WON", "2026-03-01").dealEntered("d3", "CLOSED_LOST", "2026-03-02")
                .period("2026-Q1");
    }

    @Test
    void aKpiReadsTheFactsThePeriodTheFilterAndAsOf() {
        assertEquals(BigDecimal.valueOf(2), twoWins().value(new WonDeals()));
        assertEquals(BigDecimal.ONE, twoWins().filter("segment", "SMB").value(new WonDeals()));
        assertEquals(BigDecimal.ONE, twoWins().asOf("2026-02-20").value(new WonDeals()),
                "nothing after asOf is known");
        assertEquals(BigDecimal.ZERO, twoWins().period("2026-Q2").value(new WonDeals()));
        KpiRequest request = twoWins().parameter("stage", "CLOSED_WON").build();
        assertEquals(List.of("CLOSED_WON"), request.require("stage"));
        assertEquals(2, request.pipelines().size(), "the standard pipelines unless told");
        assertThrows(IllegalStateException.class, () -> KpiRequests.forTenant().build(), "a period is required");
    }

    @Test
    void aCreditRuleGetsTheHistoryInOrderAndTheVersions() {
        CreditRule total = new CreditRule() {
            @Override
            public String id() {
                return "total";
            }

            @Override
            public Map<String, String> validate(Map<String, Object> settings) {
                return Map.of();
            }

            @Override
            public AccountCredit credit(CreditInput input) {
                throw new AssertionError("not called");
            }
        };
        CreditInput input = CreditInputs.account("acc_1").segment("SMB").owner("u1")
                .version("2026-01-01", Map.of("threshold", 1000)).sale("2026-01-10", 600_00, "u1")
                .selfServe("2026-02-01", 500_00).build();
        assertEquals("acc_1", input.account().id());
        assertEquals(List.of(true, false), input.history().stream().map(CreditInput.Event::isSalesClosed).toList());
        assertEquals("u1", input.history().get(0).repId());
        assertEquals(Map.of("threshold", 1000), input.versions().get(0).settings());
        assertEquals(1, CreditInputs.account("a").build().versions().size(), "one version even when none given");
        assertEquals("total", total.id());
    }

    @Test
    void aProbeSeesTheInitiativeTheTenantsConfigurationAndData() {
        AdoptionProbe kpiExists = new AdoptionProbe() {
            @Override
            public String id() {
                return "kpi-exists";
            }

            @Override
            public AdoptionTactic tactic() {
                return AdoptionTactic.values()[0];
            }

            @Override
            public String label() {
                return "the KPI exists";
            }

            @Override
            public boolean appliesTo(org.revos.api.spi.Initiative initiative) {
                return initiative.kpi() != null;
            }

            @Override
            public ProbeResult check(ProbeContext context) {
                boolean there = context.kpis().stream().anyMatch(k -> k.id().equals(context.initiative().kpi()));
                return there ? ProbeResult.done("listed") : ProbeResult.missing("not listed", "the KPI");
            }
        };
        ProbeContexts withKpi = ProbeContexts.forInitiative(ProbeContexts.initiative("ini_1").kpi("won").build())
                .kpi(new KpiDefinition("won", "Won", KpiUnit.COUNT, true, List.of()));
        assertTrue(withKpi.check(kpiExists).done());
        assertFalse(ProbeContexts.forInitiative(ProbeContexts.initiative("ini_1").kpi("won").build())
                .check(kpiExists).done());
        assertThrows(IllegalStateException.class, () -> ProbeContexts.forInitiative(
                ProbeContexts.initiative("ini_2").build()).check(kpiExists), "a probe that does not apply");
        assertEquals(Tenants.DEFAULT, withKpi.build().data().tenant());
    }

    @Test
    void tenantDataAnswersRecordsByIdAndRangesHalfOpen() {
        Deal deal = new Deal("d1", null, "a1", "u1", "Big", DealType.NEW_BUSINESS, 10_000_00, 5, "sales",
                "QUALIFICATION", null, null, Map.of(), Instants.at("2026-01-05"), Instants.at("2026-01-05"));
        TenantData data = InMemoryTenantData.of(Tenants.DEFAULT).add(deal)
                .facts(twoWins().facts().build(Instants.at("2026-06-30"))).build();
        assertEquals(deal, data.deal("d1").orElseThrow());
        assertTrue(data.deal("d2").isEmpty());
        assertEquals(3, data.facts(Instants.at("2026-06-30")).objects(ObjectType.DEAL).size());
        assertThrows(IllegalArgumentException.class, () -> InMemoryTenantData.of(Tenants.DEFAULT).add("text"));
    }

    @Test
    void leadInputsAnswerAsTheEngineDoes() {
        SignUp ann = Leads.signUp("ann@Acme.io").country("DE").employees(250).signal("visit", 3, "2026-07-14")
                .build();
        assertEquals("Acme.io", ann.domain());
        assertEquals(1, ann.signals().size());
        FilterContext known = Leads.filterContext().freeMail("gmail.com").knownDomain("acme.io", "gmail.com")
                .customer("old.io").build();
        assertTrue(known.knownDomain("ACME.io"));
        assertFalse(known.knownDomain("gmail.com"), "a free-mail domain is no company");
        assertTrue(known.existingCustomer("old.io"));
        Leads.TestRep rep = Leads.rep("u1").capacity(2).load(1).build();
        assertEquals(1, rep.free());
        rep.book(42);
        assertEquals(0, rep.free());
        assertEquals(42, rep.lastRouted());
        assertEquals(rep, Leads.routingContext().rep(rep).build().reps().get(0));
        assertEquals(70, Leads.scored(ann, 70).score());
    }

    @Test
    void eventsCarryTheRuntimesProperties() {
        Event won = Events.dealWon("d1").tenant("ten_9").property(RevosEvents.ARR_CENTS, 5L).build();
        assertEquals(RevosEvents.DEAL_WON, won.getTopic());
        assertEquals("ten_9", won.getProperty(RevosEvents.TENANT));
        assertEquals("DEAL", won.getProperty(RevosEvents.OBJECT_TYPE));
        assertEquals("d1", won.getProperty(RevosEvents.OBJECT_ID));
        assertEquals(Instants.at("2026-07-01").toEpochMilli(), won.getProperty(RevosEvents.AT));
        assertEquals("CLOSED_WON", Events.stageChanged(ObjectType.DEAL, "d1", "sales", "OPPORTUNITY", "CLOSED_WON")
                .build().getProperty(RevosEvents.STAGE));
    }
}
