package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The stage engine over HTTP with the default lifecycle plugin (org.revos.stages.lifecycle, which ships with the
 * runtime), and without any stage model once a tenant has disabled it.
 */
@ExtendWith(RevosExtension.class)
class StagesIT {

    private final Revos revos;

    StagesIT(Revos revos) {
        this.revos = revos;
    }

    private static final String PLUGIN = "org.revos.stages.lifecycle";

    @Test
    void aDealMovesThroughEveryStageOfTheDefaultPipelineUpToChurn() {
        Revos.Tenant t = revos.newTenant("pipeline");
        JsonNode pipelines = revos.get(t.readOnly(), "/pipelines").expect(200);
        assertTrue(pipelines.get("stageModelActive").asBoolean());
        assertEquals(2, pipelines.get("items").size());
        JsonNode churnedStage = pipelines.get("items").get(1).get("stages").get(6);
        assertEquals("CHURNED", churnedStage.get("id").asText());
        assertEquals("CHURNED", churnedStage.get("category").asText());
        assertEquals("IMPACT", churnedStage.get("phase").asText());
        assertEquals("[\"CLOSED_WON\"]", churnedStage.get("allowedFrom").toString());
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Initech")).expect(201).get("id").asText();
        JsonNode deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Initech platform",
                "arr", 24000, "seats", 30)).expect(201);
        assertEquals("sales", deal.get("pipeline").asText());
        assertEquals("QUALIFICATION", deal.get("stage").asText());
        String id = deal.get("id").asText();
        String path = "/deals/" + id + "/transitions";

        JsonNode refused = revos.post(t.member(), path, Map.of("toStage", "OPPORTUNITY",
                "properties", Map.of("timeline", "Q3"))).expect(422);
        assertEquals(2, refused.get("errors").size(), refused.toString());
        assertEquals("QUALIFICATION", revos.get(t.readOnly(), "/deals/" + id).expect(200).get("stage").asText(),
                "a refused move changes nothing");

        revos.post(t.member(), path, Map.of("toStage", "OPPORTUNITY", "properties", Map.of("stakeholders", "CFO",
                "timeline", "Q3", "budgetRange", "20-30k"))).expect(200);
        revos.post(t.member(), path, Map.of("toStage", "PROPOSAL")).expect(200);
        revos.post(t.member(), path, Map.of("toStage", "NEGOTIATION")).expect(200);
        JsonNode won = revos.post(t.member(), path, Map.of("toStage", "CLOSED_WON")).expect(200);
        assertEquals("CLOSED_WON", won.get("stage").asText());
        assertTrue(won.get("closeDate").isTextual());

        JsonNode acc = revos.get(t.readOnly(), "/accounts/" + account).expect(200);
        assertEquals(0, acc.get("arr").decimalValue().compareTo(new java.math.BigDecimal("24000")));
        JsonNode leaving = revos.post(t.member(), path, Map.of("toStage", "NEGOTIATION")).expect(422);
        assertTrue(leaving.get("errors").get(0).get("message").asText().startsWith("move not allowed"),
                leaving.toString());
        JsonNode churned = revos.post(t.member(), path, Map.of("toStage", "CHURNED", "lossReason", "PRODUCT_FIT"))
                .expect(200);
        assertEquals("CHURNED", churned.get("stage").asText());

        JsonNode history = revos.get(t.readOnly(), path).expect(200).get("items");
        assertEquals(6, history.size());
        assertTrue(history.get(0).get("fromStage").isNull());
        assertEquals("CLOSED_WON", history.get(4).get("toStage").asText());
        assertEquals("CHURNED", history.get(5).get("toStage").asText());
        acc = revos.get(t.readOnly(), "/accounts/" + account).expect(200);
        assertEquals(0, acc.get("arr").decimalValue().signum(), "the churned customer has no ARR left");
        JsonNode revenue = revos.get(t.readOnly(), "/revenue-events?dealId=" + id).expect(200).get("items");
        assertEquals(2, revenue.size());
        assertEquals("NEW", revenue.get(0).get("kind").asText());
        assertEquals("CHURN", revenue.get(1).get("kind").asText());
        assertEquals(0, revenue.get(1).get("arrDelta").decimalValue().compareTo(new java.math.BigDecimal("-24000")));

        String lost = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Lost one")).expect(201)
                .get("id").asText();
        JsonNode noReason = revos.post(t.member(), "/deals/" + lost + "/transitions",
                Map.of("toStage", "CLOSED_LOST")).expect(422);
        assertEquals("lossReason", noReason.get("errors").get(0).get("field").asText());
        revos.post(t.member(), "/deals/" + lost + "/transitions", Map.of("toStage", "CLOSED_LOST",
                "lossReason", "PRICE")).expect(200);
    }

    @Test
    void tenantsConfigureTheirOwnLossReasonsRequirementsAndPipelines() throws InterruptedException {
        Revos.Tenant a = revos.newTenant("configured");
        Revos.Tenant b = revos.newTenant("defaults");
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + a.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", true, "config", Map.of("lossReasons", java.util.List.of("BUDGET_CUT", "CHAMPION_LEFT"),
                        "extraRequiredProperties", java.util.List.of("OPPORTUNITY:competitor"),
                        "additionalDealPipelines", java.util.List.of("enterprise"))), Map.of()).expect(200);
        String codesOfA = null;
        for (int i = 0; i < 200; i++) {
            codesOfA = revos.get(a.readOnly(), "/loss-reasons").expect(200).get("items").toString();
            if (codesOfA.contains("BUDGET_CUT")) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals("[{\"code\":\"BUDGET_CUT\"},{\"code\":\"CHAMPION_LEFT\"}]", codesOfA);
        String codesOfB = revos.get(b.readOnly(), "/loss-reasons").expect(200).get("items").toString();
        assertFalse(codesOfB.contains("BUDGET_CUT"), "B does not see A's codes");
        assertTrue(codesOfB.contains("PRICE"));
        assertEquals(3, revos.get(a.readOnly(), "/pipelines").expect(200).get("items").size());
        assertEquals(2, revos.get(b.readOnly(), "/pipelines").expect(200).get("items").size());

        String account = revos.post(a.member(), "/accounts", Map.of("name", "Hooli")).expect(201).get("id").asText();
        String deal = revos.post(a.member(), "/deals", Map.of("accountId", account, "name", "D")).expect(201)
                .get("id").asText();
        JsonNode refused = revos.post(a.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "OPPORTUNITY",
                "properties", Map.of("stakeholders", "CFO", "timeline", "Q4", "budgetRange", "10k"))).expect(422);
        assertEquals("properties.competitor", refused.get("errors").get(0).get("field").asText());
        assertEquals(422, revos.post(a.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "CLOSED_LOST",
                "lossReason", "PRICE")).status(), "A's codes replace the defaults");
        revos.post(a.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "CLOSED_LOST",
                "lossReason", "CHAMPION_LEFT")).expect(200);
    }

    @Test
    void aDealCreatedInAStageGetsThereThroughTheEngine() {
        Revos.Tenant t = revos.newTenant("create-in-stage");
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Umbrella")).expect(201).get("id").asText();
        JsonNode refused = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Skips rules",
                "stage", "OPPORTUNITY")).expect(422);
        assertEquals(3, refused.get("errors").size(), refused.toString());
        assertEquals(0, revos.get(t.readOnly(), "/deals").expect(200).get("items").size(), "nothing was created");
        assertEquals("pipeline", revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "X",
                "pipeline", "nope")).expect(400).get("errors").get(0).get("field").asText());

        JsonNode deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Imported",
                "stage", "OPPORTUNITY", "properties", Map.of("stakeholders", "CEO", "timeline", "Q1",
                        "budgetRange", "5-10k"))).expect(201);
        assertEquals("OPPORTUNITY", deal.get("stage").asText());
        JsonNode history = revos.get(t.readOnly(), "/deals/" + deal.get("id").asText() + "/transitions").expect(200);
        assertEquals(2, history.get("items").size(), "first stage, then the requested one");
    }

    @Test
    void withoutAStageModelTheApiSaysSoAndWritesNothing() {
        Revos.Tenant t = revos.newTenant("stages");
        Revos.Tenant other = revos.newTenant("still-staged");
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", false), Map.of()).expect(200);
        assertTrue(revos.get(other.readOnly(), "/pipelines").expect(200).get("stageModelActive").asBoolean(),
                "disabling is per tenant");
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
