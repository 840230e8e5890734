package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.testkit.runtime.RevosClient;
import org.revos.testkit.runtime.RevosRuntime;

import com.fasterxml.jackson.databind.JsonNode;

/** The plugin hot-deployed into a real runtime: the stage engine serves its pipeline and enforces its rules. */
@RevosRuntime
class RenewalsStageModelIT {

    @Test
    void dealsMoveThroughTheRenewalsPipelineByItsRules(RevosClient tenant) {
        JsonNode pipelines = tenant.get("/pipelines").expect(200);
        assertTrue(pipelines.findValuesAsText("id").contains("renewals"), pipelines::toString);

        String account = tenant.post("/accounts", Map.of("name", "Initech")).expect(201).get("id").asText();
        JsonNode deal = tenant.post("/deals", Map.of("accountId", account, "name", "Renewal 2027", "arr", 12_000,
                "type", "RENEWAL", "pipeline", "renewals")).expect(201);
        assertEquals("RENEWAL_DUE", deal.get("stage").asText(), deal::toString);
        String moves = "/deals/" + deal.get("id").asText() + "/transitions";

        assertEquals(422, tenant.post(moves, Map.of("toStage", "RENEWAL_LOST")).status(),
                "a lost renewal needs a reason");
        assertEquals(422, tenant.post(moves, Map.of("toStage", "RENEWAL_LOST", "lossReason", "BORED")).status(),
                "one of the model's reasons");
        tenant.post(moves, Map.of("toStage", "RENEWAL_LOST", "lossReason", "PRICE_INCREASE")).expect(200);
        assertEquals("RENEWAL_LOST", tenant.get("/deals/" + deal.get("id").asText()).expect(200).get("stage")
                .asText());
    }
}
