package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The stage endpoints of a runtime without any stage model: clear answers, nothing invented. */
@ExtendWith(RevosExtension.class)
class StagesIT {

    private final Revos revos;

    StagesIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void withoutAStageModelTheApiSaysSoAndWritesNothing() {
        Revos.Tenant t = revos.newTenant("stages");
        JsonNode pipelines = revos.get(t.readOnly(), "/pipelines").expect(200);
        assertFalse(pipelines.get("stageModelActive").asBoolean());
        assertEquals(0, pipelines.get("items").size());
        assertFalse(revos.get(t.readOnly(), "/loss-reasons").expect(200).get("stageModelActive").asBoolean());

        String account = revos.post(t.member(), "/accounts", Map.of("name", "Globex")).expect(201).get("id").asText();
        JsonNode deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "D")).expect(201);
        assertTrue(deal.get("stage").isNull(), "no stage without a model");
        String id = deal.get("id").asText();

        JsonNode refused = revos.post(t.member(), "/deals/" + id + "/transitions", Map.of("toStage", "WON")).expect(409);
        assertTrue(refused.get("detail").asText().contains("No stage model is active"), refused.toString());
        assertEquals(0, revos.get(t.readOnly(), "/deals/" + id + "/transitions").expect(200).get("items").size());
        assertEquals(400, revos.post(t.member(), "/deals/" + id + "/transitions", Map.of("stage", "WON")).status());
        assertEquals(404, revos.post(t.member(), "/deals/deal_nope/transitions", Map.of("toStage", "WON")).status());
        assertEquals(404, revos.get(t.member(), "/leads/" + id + "/transitions").status(), "a deal id is no lead");
        assertEquals(403, revos.post(t.readOnly(), "/deals/" + id + "/transitions", Map.of("toStage", "WON")).status());
    }
}
