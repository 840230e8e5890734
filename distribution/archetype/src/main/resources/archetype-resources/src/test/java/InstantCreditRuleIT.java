package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.testkit.runtime.Eventually;
import org.revos.testkit.runtime.RevosClient;
import org.revos.testkit.runtime.RevosRuntime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugin hot-deployed into a real runtime: the tenant chooses the {@code instant} rule over the REST API and the
 * credit engine credits its revenue with it.
 */
@RevosRuntime
class InstantCreditRuleIT {

    private static void awaitJob(RevosClient tenant, String jobId) {
        JsonNode job = Eventually.until(() -> tenant.get("/jobs/" + jobId).expect(200),
                j -> j.get("status").asText().matches("SUCCEEDED|FAILED"), Duration.ofSeconds(30));
        assertEquals("SUCCEEDED", job.get("status").asText(), job::toString);
    }

    @Test
    void theTenantsRevenueIsCreditedByTheRule(RevosClient tenant) {
        JsonNode version = tenant.post("/credit/rules", Map.of("rule", "instant", "effectiveFrom", "2020-01-01",
                "minimumArr", 1000)).expect(201);
        awaitJob(tenant, version.get("recomputeJob").asText());

        String rep = tenant.post("/users", Map.of("name", "Ann", "role", "AE")).expect(201).get("id").asText();
        String account = tenant.post("/accounts", Map.of("name", "Initech")).expect(201).get("id").asText();
        String deal = tenant.post("/deals", Map.of("accountId", account, "ownerId", rep, "name", "Expansion",
                "type", "EXPANSION", "arr", 1)).expect(201).get("id").asText();
        tenant.post("/revenue-events", Map.of("accountId", account, "occurredAt", Instant.now().toString(),
                "kind", "EXPANSION", "arrDelta", 1500, "dealId", deal)).expect(201);

        JsonNode credit = Eventually.until(() -> tenant.get("/credit/accounts/" + account).expect(200),
                c -> c.get("bucket").asText().equals("GREEN"), Duration.ofSeconds(10));
        assertEquals("GREEN", credit.get("bucket").asText(), credit::toString);

        JsonNode refused = tenant.post("/credit/rules", Map.of("rule", "instant", "effectiveFrom", "2026-01-01",
                "minimumArr", -5)).expect(400);
        assertTrue(refused.toString().contains("minimumArr"), refused::toString);
    }
}
