package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.revos.blackbox.plugins.TestJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A stage model updated to a new version with a changed requirement while the runtime serves: the test plugin's
 * review pipeline requires a reviewer in version 1 and also an approver in version 2, and the new rule applies on
 * the first request after the update.
 */
@ExtendWith(RevosExtension.class)
class StageModelUpdateIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";

    private final Revos revos;

    StageModelUpdateIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void anUpdatedPluginsRequirementAppliesOnTheNextRequest() {
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
        try {
            Revos.Tenant t = revos.newTenant("review pipeline");
            revos.send(ADMIN, "PUT", "/admin/tenants/" + t.id() + "/plugins/" + TestJars.PLUGIN_ID,
                    Map.of("enabled", true, "config", Map.of("pipeline", true)), Map.of()).expect(200);
            JsonNode pipelines = Await.until(() -> revos.get(t.readOnly(), "/pipelines").expect(200),
                    p -> p.get("items").findValuesAsText("id").contains("hello-review"), Duration.ofSeconds(10));
            assertTrue(pipelines.get("items").findValuesAsText("id").contains("hello-review"), pipelines.toString());
            String account = revos.post(t.member(), "/accounts", Map.of("name", "Acme")).expect(201).get("id")
                    .asText();
            JsonNode deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "name", "Reviewed",
                    "pipeline", "hello-review")).expect(201);
            assertEquals("NEW", deal.get("stage").asText());
            String moves = "/deals/" + deal.get("id").asText() + "/transitions";
            assertEquals(List.of("properties.reviewer"), fields(revos.post(t.member(), moves,
                    Map.of("toStage", "REVIEW")).expect(422)));

            revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("2.0.0"), JAR).expect(200);
            assertEquals(List.of("properties.approver"), fields(revos.post(t.member(), moves,
                    Map.of("toStage", "REVIEW", "properties", Map.of("reviewer", "Ada"))).expect(422)),
                    "version 2's rule applies on the very next request");
            assertEquals("NEW", revos.get(t.readOnly(), "/deals/" + deal.get("id").asText()).expect(200)
                    .get("stage").asText(), "a refused move changes nothing");
            JsonNode moved = revos.post(t.member(), moves, Map.of("toStage", "REVIEW", "properties",
                    Map.of("reviewer", "Ada", "approver", "Grace"))).expect(200);
            assertEquals("REVIEW", moved.get("stage").asText());
        } finally {
            revos.delete(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID);
        }
    }

    private static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText())
                .toList();
    }
}
