package org.revos.stages.lifecycle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ActivityType;
import org.revos.api.model.BowTiePhase;
import org.revos.api.model.EntryCriterion;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.api.model.Tenant;

class DefaultStageModelTest {

    private final List<Pipeline> pipelines = new DefaultStageModel()
            .pipelines(new Tenant("ten_1", "T", "USD", ZoneId.of("UTC")));

    @Test
    void theLeadLifecycleRunsRawMqlSalSql() {
        assertEquals(List.of("RAW", "MQL", "SAL", "SQL", "DISQUALIFIED"),
                pipelines.get(0).stages().stream().map(Stage::id).toList());
    }

    @Test
    void anOpportunityNeedsStakeholdersTimelineAndBudgetAndLostNeedsAReason() {
        Pipeline sales = pipelines.get(1);
        Stage opportunity = sales.stages().stream().filter(s -> s.id().equals("OPPORTUNITY")).findFirst().orElseThrow();
        assertEquals(List.of("stakeholders", "timeline", "budgetRange"), opportunity.requiredProperties());
        Stage lost = sales.stages().stream().filter(s -> s.category() == StageCategory.LOST).findFirst().orElseThrow();
        assertTrue(lost.requiresLossReason());
    }

    @Test
    void winProbabilitiesRiseThroughTheOpenStagesAndEndAtOneForWon() {
        List<Double> open = pipelines.get(1).stages().stream().filter(s -> s.category() == StageCategory.OPEN)
                .map(Stage::probability).toList();
        assertEquals(open.stream().sorted().toList(), open);
        assertEquals(1.0, pipelines.get(1).stages().stream().filter(s -> s.category() == StageCategory.WON)
                .findFirst().orElseThrow().probability());
    }

    @Test
    void aTenantsSettingsChangeOnlyThatTenantsModel() {
        DefaultStageModel model = new DefaultStageModel();
        model.addSettings(new TenantLifecycle("ten_a", new String[] { "BUDGET_CUT", " " },
                new String[] { "OPPORTUNITY:competitor", "broken", "SQL:bantConfirmed" },
                new String[] { "enterprise", "not valid!" }, List.of()));
        Tenant a = new Tenant("ten_a", "A", "USD", ZoneId.of("UTC"));
        Tenant b = new Tenant("ten_b", "B", "USD", ZoneId.of("UTC"));

        assertEquals(List.of("BUDGET_CUT"), model.lossReasons(a));
        assertEquals(DefaultStageModel.LOSS_REASONS, model.lossReasons(b));

        List<Pipeline> ofA = model.pipelines(a);
        assertEquals(List.of("lead-lifecycle", "sales", "enterprise"), ofA.stream().map(Pipeline::id).toList());
        Stage opportunity = ofA.get(1).stages().get(1);
        assertEquals(List.of("stakeholders", "timeline", "budgetRange", "competitor"), opportunity.requiredProperties());
        assertEquals(List.of("bantConfirmed"), ofA.get(0).stages().get(3).requiredProperties());
        assertEquals(List.of("stakeholders", "timeline", "budgetRange", "competitor"),
                ofA.get(2).stages().get(1).requiredProperties(), "added pipelines carry the tenant's requirements");
        assertTrue(!ofA.get(2).isDefault());

        assertEquals(2, model.pipelines(b).size(), "another tenant keeps the defaults");
        assertEquals(List.of("stakeholders", "timeline", "budgetRange"),
                model.pipelines(b).get(1).stages().get(1).requiredProperties());
    }

    @Test
    void churnedIsTheOnlyWayOutOfClosedWonAndNeedsAReason() {
        Pipeline sales = pipelines.get(1);
        Stage churned = stage(sales, "CHURNED");
        assertEquals(StageCategory.CHURNED, churned.category());
        assertEquals(BowTiePhase.IMPACT, churned.phase(), "the right side of the bow tie");
        assertEquals(List.of("CLOSED_WON"), churned.allowedFrom());
        assertTrue(churned.requiresLossReason());
        List<String> leavingWon = sales.stages().stream().filter(s -> s.allowsMoveFrom("CLOSED_WON"))
                .map(Stage::id).toList();
        assertEquals(List.of("CHURNED"), leavingWon);
    }

    @Test
    void leadsPassMqlAndSalOnTheWayToSqlAndDealsPassOpportunityOnTheWayToProposal() {
        Pipeline leads = pipelines.get(0);
        assertFalse(stage(leads, "SQL").allowsMoveFrom("RAW"));
        assertFalse(stage(leads, "SQL").allowsMoveFrom("MQL"));
        assertTrue(stage(leads, "SQL").allowsMoveFrom("SAL"));
        assertFalse(stage(leads, "SAL").allowsMoveFrom("RAW"));
        assertTrue(stage(leads, "DISQUALIFIED").allowsMoveFrom("SQL"));
        Pipeline sales = pipelines.get(1);
        assertFalse(stage(sales, "PROPOSAL").allowsMoveFrom("QUALIFICATION"));
        assertTrue(stage(sales, "CLOSED_WON").allowsMoveFrom("QUALIFICATION"));
        assertTrue(stage(sales, "QUALIFICATION").allowsMoveFrom("CLOSED_LOST"), "a lost deal may be reopened");
        assertTrue(sales.stages().stream().map(Stage::allowedFrom).flatMap(List::stream)
                .allMatch(id -> sales.stages().stream().anyMatch(s -> s.id().equals(id))), "no unknown stage named");
    }

    @Test
    void mqlCriteriaAreWhatTheTenantConfiguredAndNothingElse() {
        assertTrue(stage(pipelines.get(0), "MQL").entryCriteria().isEmpty(), "nothing configured, nothing required");
        DefaultStageModel model = new DefaultStageModel();
        model.addSettings(new TenantLifecycle("ten_a", new String[0], new String[0], new String[0],
                MqlCriteria.parse("ten_a", new String[] { "de", "FR", "Germany" }, 50, new String[] { "Head", " " },
                        new String[] { "meeting", "CALL", "lunch" }, 2)));
        model.addSettings(new TenantLifecycle("ten_b", new String[0], new String[0], new String[0],
                MqlCriteria.parse("ten_b", new String[0], 0, new String[0], new String[0], 1)));
        List<EntryCriterion> ofA = stage(model.pipelines(new Tenant("ten_a", "A", "USD", ZoneId.of("UTC"))).get(0),
                "MQL").entryCriteria();
        assertEquals(List.of(
                new EntryCriterion.FieldIn("mql-country", "based in a target country", "country", List.of("DE", "FR")),
                new EntryCriterion.FieldAtLeast("mql-employees", "a company of the target size", "employees", 50),
                new EntryCriterion.FieldContainsAny("mql-title", "a target job title", "title", List.of("Head")),
                new EntryCriterion.ActivitiesAtLeast("mql-action", "a qualifying action",
                        Set.of(ActivityType.MEETING, ActivityType.CALL), 2)), ofA);
        List<EntryCriterion> ofB = stage(model.pipelines(new Tenant("ten_b", "B", "USD", ZoneId.of("UTC"))).get(0),
                "MQL").entryCriteria();
        assertEquals(List.of(new EntryCriterion.ActivitiesAtLeast("mql-action", "a qualifying action", Set.of(), 1)),
                ofB, "a minimum without types: any activity counts");
        assertTrue(stage(model.pipelines(new Tenant("ten_b", "B", "USD", ZoneId.of("UTC"))).get(1), "OPPORTUNITY")
                .entryCriteria().isEmpty(), "only MQL gets the criteria");
    }

    private static Stage stage(Pipeline pipeline, String id) {
        return pipeline.stages().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
