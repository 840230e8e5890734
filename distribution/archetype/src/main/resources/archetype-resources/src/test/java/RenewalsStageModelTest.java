package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.revos.api.model.ObjectType;
import org.revos.api.model.Pipeline;
import org.revos.api.model.Stage;
import org.revos.api.model.StageCategory;
import org.revos.testkit.Tenants;

/** The pipeline the model contributes, as the stage engine reads it. */
class RenewalsStageModelTest {

    private final RenewalsStageModel model = new RenewalsStageModel();

    @Test
    void contributesADealPipelineThatIsNotTheDefault() {
        List<Pipeline> pipelines = model.pipelines(Tenants.DEFAULT);
        assertEquals(1, pipelines.size());
        Pipeline renewals = pipelines.get(0);
        assertEquals("renewals", renewals.id());
        assertEquals(ObjectType.DEAL, renewals.objectType());
        assertFalse(renewals.isDefault(), "the tenant's default sales pipeline stays the default");
        assertEquals(List.of(StageCategory.OPEN, StageCategory.WON, StageCategory.LOST),
                renewals.stages().stream().map(Stage::category).toList());
    }

    @Test
    void aLostRenewalNeedsOneOfTheModelsReasons() {
        Stage lost = model.pipelines(Tenants.in("Europe/Berlin")).get(0).stages().get(2);
        assertTrue(lost.requiresLossReason());
        assertEquals(List.of("PRICE_INCREASE", "MOVED_TO_COMPETITOR", "NO_LONGER_NEEDED"),
                model.lossReasons(Tenants.DEFAULT));
    }
}
