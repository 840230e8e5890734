package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** Custom property definitions, typed values on writes, and usage that shows what can be retired. */
@ExtendWith(RevosExtension.class)
class PropertiesIT {

    private final Revos revos;

    PropertiesIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void definitionsCheckValuesAndUsageShowsWhatIsUnused() {
        Revos.Tenant t = revos.newTenant("properties");
        revos.post(t.admin(), "/properties", Map.of("objectType", "DEAL", "key", "stakeholders", "type", "STRING"))
                .expect(201);
        revos.post(t.admin(), "/properties", Map.of("objectType", "DEAL", "key", "risk", "type", "ENUM",
                "options", List.of("low", "high"))).expect(201);
        revos.post(t.admin(), "/properties", Map.of("objectType", "ACCOUNT", "key", "legacyCode", "type", "NUMBER"))
                .expect(201);
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Acme")).expect(201).get("id").asText();

        JsonNode refused = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "D",
                "properties", Map.of("risk", "medium"))).expect(400);
        assertEquals("properties.risk", refused.get("errors").get(0).get("field").asText());
        revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "D",
                "properties", Map.of("risk", "high", "stakeholders", "CFO"))).expect(201);

        Map<String, JsonNode> usage = new HashMap<>();
        revos.get(t.readOnly(), "/properties/usage").expect(200).get("items")
                .forEach(i -> usage.put(i.get("objectType").asText() + "." + i.get("key").asText(), i));
        assertEquals(1, usage.get("DEAL.risk").get("records").asInt());
        assertTrue(usage.get("DEAL.risk").get("lastWrittenAt").isTextual());
        assertFalse(usage.get("DEAL.risk").get("unused").asBoolean());
        assertEquals("stage:sales/OPPORTUNITY", usage.get("DEAL.stakeholders").get("readBy").get(0).asText(),
                "the default lifecycle's Opportunity stage reads it");
        assertEquals(0, usage.get("ACCOUNT.legacyCode").get("records").asInt());
        assertTrue(usage.get("ACCOUNT.legacyCode").get("lastWrittenAt").isNull());
        assertTrue(usage.get("ACCOUNT.legacyCode").get("unused").asBoolean(), "a field to retire");

        Revos.Tenant other = revos.newTenant("other-properties");
        assertEquals(0, revos.get(other.readOnly(), "/properties/usage").expect(200).get("items").size());
        assertEquals(0, revos.get(other.readOnly(), "/properties").expect(200).get("items").size());
    }
}
