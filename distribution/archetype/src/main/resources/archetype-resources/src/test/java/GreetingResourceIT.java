package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.revos.testkit.runtime.RevosClient;
import org.revos.testkit.runtime.RuntimeTenant;
import org.revos.testkit.runtime.RevosRuntime;

import com.fasterxml.jackson.databind.JsonNode;

/** The plugin hot-deployed into a real runtime answers over REST, to the tenant's keys only. */
@RevosRuntime
class GreetingResourceIT {

    @Test
    void answersTheTenantsKeys(RevosClient tenant, RuntimeTenant runtime) {
        JsonNode answer = tenant.get("/greeting?name=Ann").expect(200);
        assertEquals("Hello, Ann!", answer.get("greeting").asText());
        assertEquals(runtime.id(), answer.get("tenant").asText());
        assertEquals("READ_ONLY", runtime.key("READ_ONLY").get("/greeting").expect(200).get("role").asText());
    }

    @Test
    void refusesCallersWithoutAKeyAndBadInputWithAProblem(RevosClient tenant) {
        assertEquals(401, tenant.withKey(null).get("/greeting").status());
        RevosClient.Reply refused = tenant.get("/greeting?name=" + "x".repeat(101));
        assertEquals(400, refused.status());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"), refused.raw()::body);
    }

    @Test
    void isDescribedInTheServedOpenApiDocument(RevosClient tenant) {
        JsonNode paths = tenant.get("/openapi.json").expect(200).get("paths");
        assertTrue(paths.has("/api/v1/greeting") || paths.has("/greeting"), () -> paths.fieldNames().toString());
    }
}
