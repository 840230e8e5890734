package org.revos.stages.lifecycle.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
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
                new String[] { "enterprise", "not valid!" }));
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
}
