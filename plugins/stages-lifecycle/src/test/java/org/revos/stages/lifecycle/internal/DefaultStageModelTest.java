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
}
