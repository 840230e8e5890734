package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * MQL criteria configured per tenant through the default lifecycle plugin's settings: two tenants with different
 * demographic rules and qualifying actions, the same lead data judged by each tenant's own rules only.
 */
@ExtendWith(RevosExtension.class)
class MqlCriteriaIT {

    private static final String PLUGIN = "org.revos.stages.lifecycle";

    private final Revos revos;

    MqlCriteriaIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void eachTenantsLeadsAreJudgedByItsOwnMqlCriteria() throws InterruptedException {
        Revos.Tenant europe = revos.newTenant("mql-europe");
        Revos.Tenant us = revos.newTenant("mql-us");
        Revos.Tenant untouched = revos.newTenant("mql-none");
        configure(europe, Map.of("mqlCountries", List.of("DE", "AT"), "mqlMinimumEmployees", 100,
                "mqlActivityTypes", List.of("MEETING")));
        configure(us, Map.of("mqlCountries", List.of("US"), "mqlTitleKeywords", List.of("VP", "Head"),
                "mqlActivityTypes", List.of("EMAIL", "CALL"), "mqlMinimumActivities", 2));
        JsonNode ofEurope = awaitMqlCriteria(europe, 3);
        assertEquals(List.of("mql-country", "mql-employees", "mql-action"), ids(ofEurope));
        assertEquals("[\"MEETING\"]", ofEurope.get(2).get("types").toString());
        assertEquals(List.of("mql-country", "mql-title", "mql-action"), ids(awaitMqlCriteria(us, 3)));
        assertEquals(0, mqlStage(untouched).get("entryCriteria").size(), "a tenant that configured nothing");

        Map<String, Object> berliner = Map.of("email", "ada@example.de", "country", "DE", "employees", 250,
                "title", "Engineer");
        String inEurope = lead(europe, berliner);
        String inUs = lead(us, berliner);
        assertEquals(List.of("activities"), refusedFields(europe, inEurope), "Europe wants only a meeting more");
        assertEquals(List.of("country", "title", "activities"), refusedFields(us, inUs),
                "the US tenant's rule, untouched by Europe's");
        String none = lead(untouched, berliner);
        revos.post(untouched.member(), "/leads/" + none + "/transitions", Map.of("toStage", "MQL")).expect(200);

        revos.post(europe.member(), "/activities", Map.of("type", "MEETING", "leadId", inEurope)).expect(201);
        revos.post(us.member(), "/activities", Map.of("type", "MEETING", "leadId", inUs)).expect(201);
        assertEquals("MQL", revos.post(europe.member(), "/leads/" + inEurope + "/transitions",
                Map.of("toStage", "MQL")).expect(200).get("stage").asText());
        assertEquals(List.of("country", "title", "activities"), refusedFields(us, inUs),
                "a meeting is no qualifying action in the US tenant");

        String texan = lead(us, Map.of("email", "bo@example.com", "country", "US", "employees", 5,
                "title", "VP Marketing"));
        revos.post(us.member(), "/activities", Map.of("type", "EMAIL", "leadId", texan)).expect(201);
        JsonNode oneShort = revos.post(us.member(), "/leads/" + texan + "/transitions", Map.of("toStage", "MQL"))
                .expect(422);
        assertTrue(oneShort.get("errors").get(0).get("message").asText().contains("has 1"), oneShort.toString());
        revos.post(us.member(), "/activities", Map.of("type", "CALL", "leadId", texan)).expect(201);
        revos.post(us.member(), "/leads/" + texan + "/transitions", Map.of("toStage", "MQL")).expect(200);
        assertEquals(List.of("country", "employees", "activities"), refusedFields(europe, lead(europe,
                Map.of("email", "bo@example.com", "country", "US", "employees", 5, "title", "VP Marketing"))),
                "the same lead in Europe, whose rule knows nothing of titles");
    }

    @Test
    void aLeadPassesMqlAndSalOnItsWayToSql() {
        Revos.Tenant t = revos.newTenant("lead-path");
        String lead = lead(t, Map.of("email", "cy@example.com"));
        String moves = "/leads/" + lead + "/transitions";
        JsonNode jump = revos.post(t.member(), moves, Map.of("toStage", "SQL")).expect(422);
        assertTrue(revos.post(t.member(), moves, Map.of("toStage", "SQL")).header("Content-Type")
                .startsWith("application/problem+json"));
        assertEquals("toStage", jump.get("errors").get(0).get("field").asText());
        assertTrue(jump.get("errors").get(0).get("message").asText().startsWith("move not allowed"), jump.toString());
        for (String stage : List.of("MQL", "SAL", "SQL")) {
            revos.post(t.member(), moves, Map.of("toStage", stage)).expect(200);
        }
        assertEquals(4, revos.get(t.readOnly(), moves).expect(200).get("items").size());
    }

    private void configure(Revos.Tenant tenant, Map<String, Object> config) {
        revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + tenant.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", true, "config", config), Map.of()).expect(200);
    }

    /** The settings apply through Configuration Admin moments after the PUT; waits (at most 10 s) until they do. */
    private JsonNode awaitMqlCriteria(Revos.Tenant tenant, int count) throws InterruptedException {
        JsonNode criteria = null;
        for (int i = 0; i < 200; i++) {
            criteria = mqlStage(tenant).get("entryCriteria");
            if (criteria.size() == count) {
                return criteria;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("MQL criteria of " + tenant.id() + " did not apply: " + criteria);
    }

    private JsonNode mqlStage(Revos.Tenant tenant) {
        for (JsonNode pipeline : revos.get(tenant.readOnly(), "/pipelines").expect(200).get("items")) {
            for (JsonNode stage : pipeline.get("stages")) {
                if (pipeline.get("objectType").asText().equals("LEAD") && stage.get("id").asText().equals("MQL")) {
                    return stage;
                }
            }
        }
        throw new AssertionError("no MQL stage for " + tenant.id());
    }

    private String lead(Revos.Tenant tenant, Map<String, Object> fields) {
        return revos.post(tenant.member(), "/leads", fields).expect(201).get("id").asText();
    }

    private List<String> refusedFields(Revos.Tenant tenant, String lead) {
        JsonNode refused = revos.post(tenant.member(), "/leads/" + lead + "/transitions", Map.of("toStage", "MQL"))
                .expect(422);
        assertEquals("RAW", revos.get(tenant.readOnly(), "/leads/" + lead).expect(200).get("stage").asText());
        return fieldsOf(refused.get("errors"));
    }

    private static List<String> ids(JsonNode criteria) {
        List<String> ids = new ArrayList<>();
        criteria.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static List<String> fieldsOf(JsonNode errors) {
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
