package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.revos.blackbox.plugins.TestJars;
import org.revos.blackbox.plugins.ThrowingComponent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugins the distribution ships are ordinary plugins, and swapping any bundle fails no request: each shipped
 * strategy is updated in turn while clients hit every capability's paths; failed updates roll back under the same
 * load; a shipped plugin is downgraded (only when asked), removed and restored; a second offer of a KPI id, stage
 * model id or import format is refused naming both bundles. Runs a process of its own, since it changes what the
 * distribution ships.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShippedPluginSwapIT {

    static final List<String> SHIPPED = List.of("org.revos.stages.lifecycle", "org.revos.stages",
            "org.revos.credit.buckets",
            "org.revos.adoption", "org.revos.adoption.credit", "org.revos.webhooks", "org.revos.integration.webhook",
            "org.revos.kpi.funnel", "org.revos.kpi.revenue", "org.revos.integration.csv",
            "org.revos.integration.enrichment", "org.revos.enrichment", "org.revos.credit", "org.revos.kpi",
            "org.revos.leads.rules", "org.revos.leads", "org.revos.integration");
    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";
    private static final String FUNNEL = "org.revos.kpi.funnel";
    private static final String ADOPTION = "org.revos.adoption";
    /** One path (at least) of every capability, the test plugin's own resource and KPI included. */
    private static final List<String> PATHS = List.of("/kpis", "/kpis/win_rate?period=2026",
            "/kpis/nrr?period=2026", "/revenue/summary?period=2026", "/goal-matrix?periods=2026-Q1", "/pipelines", "/loss-reasons", "/credit/rules",
            "/adoption/initiatives", "/adoption/items", "/exports?object=accounts&format=hubspot",
            "/imports/mappings/hubspot", "/sync/definitions", "/webhooks", "/accounts", "/hello",
            "/properties/usage", "/leads/intake/settings",
            "/kpis/hello_count?period=2026");
    private static final int CLIENTS = 4;
    private static final Duration LOAD_BOUND = Duration.ofMinutes(3);

    private RevosProcess process;
    private Revos revos;
    private Revos.Tenant tenant;

    @BeforeAll
    void start() throws Exception {
        process = RevosProcess.start(Map.of());
        revos = new Revos(process);
        tenant = revos.newTenant("swaps");
        revos.post(tenant.member(), "/accounts", Map.of("name", "Acme")).expect(201);
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
        Await.until(() -> revos.get(tenant.member(), "/hello").body(), b -> b != null && b.has("version"),
                Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        process.close();
    }

    @Test
    @Order(1)
    void everyShippedStrategyUpdatesUnderLoadWithoutAFailedRequest() {
        List<Long> uploadMillis = new ArrayList<>();
        long helloUpload;
        long helloAnswered;
        try (CapabilityLoad load = CapabilityLoad.start(process, tenant.member(), PATHS, CLIENTS, r -> true,
                LOAD_BOUND)) {
            for (String id : SHIPPED) {
                long start = System.nanoTime();
                JsonNode updated = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                        TestJars.withVersion(TestJars.shipped(id), "1.0.1"), JAR).expect(200);
                uploadMillis.add((System.nanoTime() - start) / 1_000_000);
                assertEquals("UPDATED", updated.get("change").asText(), updated::toString);
                assertEquals("1.0.1", updated.get("version").asText());
                assertEquals("ACTIVE", revos.get(ADMIN, "/admin/plugins/" + id).expect(200).get("state").asText());
            }
            JsonNode kpis = revos.get(tenant.readOnly(), "/kpis").expect(200);
            assertTrue(kpis.get("items").findValuesAsText("id").contains("win_rate"), kpis::toString);

            long start = System.nanoTime();
            revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("2.0.0"), JAR).expect(200);
            helloUpload = (System.nanoTime() - start) / 1_000_000;
            JsonNode hello = revos.get(tenant.member(), "/hello").expect(200);
            helloAnswered = (System.nanoTime() - start) / 1_000_000;
            assertEquals("2.0.0", hello.get("version").asText(), "the very next request is answered by version 2");
            assertLoadClean(load, "updating " + SHIPPED.size() + " shipped plugins and the test plugin");
            System.out.printf("ShippedPluginSwapIT: %d clients on %d capability paths, %d requests, 0 failed;"
                    + " shipped updates answered in %s ms; test plugin: upload answered in %d ms, its path answered"
                    + " by the new revision %d ms after the upload started; slowest request %d ms%n", CLIENTS,
                    PATHS.size(), load.requests(), uploadMillis, helloUpload, helloAnswered, load.slowestMillis());
        }
    }

    @Test
    @Order(2)
    void failedUpdatesRollBackUnderLoadWithoutAFailedRequest() {
        Predicate<HttpResponse<String>> oldRevision = r -> !r.uri().getPath().endsWith("/hello")
                || r.body().contains("\"version\":\"2.0.0\"");
        try (CapabilityLoad load = CapabilityLoad.start(process, tenant.member(), PATHS, CLIENTS, oldRevision,
                LOAD_BOUND)) {
            for (int i = 0; i < 3; i++) {
                Revos.Reply plugin = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                        TestJars.testPluginWithThrowingComponent("3.0." + i), JAR);
                assertEquals(422, plugin.status(), plugin.raw().body());
                Revos.Reply funnel = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                        TestJars.withThrowingComponent(TestJars.shipped(FUNNEL), "1.0.2"), JAR);
                assertEquals(422, funnel.status(), funnel.raw().body());
                assertTrue(funnel.body().get("detail").asText().contains(ThrowingComponent.MESSAGE));
                if (i == 0) {
                    Revos.Reply engine = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                            TestJars.withThrowingComponent(TestJars.shipped(ADOPTION), "1.0.2"), JAR);
                    assertEquals(422, engine.status(), engine.raw().body());
                    assertEquals(200, revos.get(tenant.member(), "/adoption/initiatives").status(),
                            "the engine's old revision answers the next request");
                }
                assertEquals(200, revos.get(tenant.member(), "/kpis/win_rate?period=2026").status(),
                        "the old revision answers the next request");
            }
            assertLoadClean(load, "7 failed updates (one of an engine)");
            System.out.printf("ShippedPluginSwapIT rollback: %d requests during 7 rolled-back updates (one of an engine), 0 failed,"
                    + " slowest %d ms%n", load.requests(), load.slowestMillis());
        }
        assertEquals("1.0.1", revos.get(ADMIN, "/admin/plugins/" + FUNNEL).expect(200).get("version").asText());
        assertEquals("2.0.0", revos.get(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID).expect(200).get("version")
                .asText());
    }

    @Test
    @Order(3)
    void aShippedPluginIsDowngradedOnlyWhenAskedRemovedAndRestored() {
        byte[] shipped = TestJars.shipped(FUNNEL);
        Revos.Reply older = revos.sendBytes(ADMIN, "POST", "/admin/plugins", shipped, JAR);
        assertEquals(409, older.status(), older.raw().body());
        assertTrue(older.body().get("detail").asText().contains("allowDowngrade=true"), older.raw().body());
        JsonNode downgraded = revos.sendBytes(ADMIN, "POST", "/admin/plugins?allowDowngrade=true", shipped, JAR)
                .expect(200);
        assertEquals("DOWNGRADED", downgraded.get("change").asText());
        String shippedVersion = downgraded.get("version").asText();

        revos.delete(ADMIN, "/admin/plugins/" + FUNNEL).expect(204);
        assertEquals(404, revos.get(tenant.member(), "/kpis/win_rate?period=2026").status(), "gone with its plugin");
        assertEquals(404, revos.delete(ADMIN, "/admin/plugins/" + FUNNEL).status());

        JsonNode restored = revos.post(ADMIN, "/admin/plugins/" + FUNNEL + "/restore", null).expect(201);
        assertEquals(shippedVersion, restored.get("version").asText());
        assertEquals(200, revos.get(tenant.member(), "/kpis/win_rate?period=2026").status(), "back on the next call");
        assertEquals(404, revos.post(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID + "/restore", null).status(),
                "only what the distribution ships can be restored");
        List<String> audited = revos.get(ADMIN, "/admin/audit?objectType=PLUGIN&objectId=" + FUNNEL + "&limit=500")
                .expect(200).get("items").findValuesAsText("action");
        assertTrue(audited.containsAll(List.of("PLUGIN_UPDATED", "PLUGIN_DOWNGRADED", "PLUGIN_UNINSTALLED",
                "PLUGIN_RESTORED")), audited::toString);
    }

    @Test
    @Order(4)
    void aSecondOfferOfAKpiIdStageModelOrImportFormatIsRefusedNamingBoth() {
        refusedAsCopy("org.revos.kpi.revenue", "KPI id nrr");
        refusedAsCopy("org.revos.stages.lifecycle", "stage model id lifecycle");
        refusedAsCopy("org.revos.integration.csv", "import format hubspot");
        assertEquals(200, revos.get(tenant.member(), "/kpis/nrr?period=2026").status());
    }

    @Test
    @Order(5)
    void theDeployFolderUpdatesAShippedPluginAndARejectedDropInChangesNothing() throws Exception {
        String revenue = "org.revos.kpi.revenue";
        Path newer = deploy("revenue.jar", TestJars.withVersion(TestJars.shipped(revenue), "1.0.5"));
        JsonNode updated = awaitPlugin(revenue, p -> "1.0.5".equals(p.path("version").asText()));
        assertEquals("ACTIVE", updated.get("state").asText());

        Path older = deploy("revenue-old.jar", TestJars.withVersion(TestJars.shipped(revenue), "1.0.3"));
        JsonNode refused = awaitPlugin(revenue, p -> p.path("error").asText().startsWith("deploy/revenue-old.jar"));
        assertTrue(refused.get("error").asText().contains("allowDowngrade=true"), refused::toString);
        assertEquals("1.0.5", refused.get("version").asText(), "a rejected drop-in changes nothing that runs");
        assertEquals("ACTIVE", refused.get("state").asText());
        Files.delete(older);
        awaitPlugin(revenue, p -> p.path("error").isNull() && "1.0.5".equals(p.path("version").asText()));
        assertTrue(Files.exists(newer));

        String broken = "org.acme.folder.broken";
        Path file = deploy("broken.jar", TestJars.rewrite(TestJars.testPlugin(), m -> {
            m.putValue("Bundle-SymbolicName", broken);
            m.putValue("Import-Package", "com.nowhere.missing," + m.getValue("Import-Package"));
        }, Map.of()));
        awaitPlugin(broken, p -> "FAILED".equals(p.path("state").asText()));
        JsonNode removed = revos.delete(ADMIN, "/admin/plugins/" + broken).expect(200);
        assertEquals("REMOVED_FAILED_ENTRY", removed.get("action").asText(), removed::toString);
        assertFalse(Files.exists(file), "its file is deleted, so it does not come back");
        assertEquals(List.of("PLUGIN_FAILED_ENTRY_REMOVED"), revos.get(ADMIN, "/admin/audit?objectType=PLUGIN"
                + "&objectId=" + broken).expect(200).get("items").findValuesAsText("action"),
                "the audit says what happened: nothing was uninstalled");
    }

    private Path deploy(String name, byte[] jar) throws Exception {
        Path part = process.deployDir().resolve("." + name + ".part");
        Files.write(part, jar);
        return Files.move(part, process.deployDir().resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private JsonNode awaitPlugin(String id, Predicate<JsonNode> condition) {
        JsonNode plugin = Await.until(() -> revos.get(ADMIN, "/admin/plugins/" + id).body(),
                p -> p != null && condition.test(p), Duration.ofSeconds(20));
        assertTrue(plugin != null && condition.test(plugin), () -> id + " did not get there: " + plugin);
        return plugin;
    }

    private void refusedAsCopy(String original, String offer) {
        String copy = "org.acme.copy." + original.substring(original.lastIndexOf('.') + 1);
        byte[] jar = TestJars.rewrite(TestJars.shipped(original), m -> m.putValue("Bundle-SymbolicName", copy),
                Map.of());
        Revos.Reply reply = revos.sendBytes(ADMIN, "POST", "/admin/plugins", jar, JAR);
        assertEquals(409, reply.status(), reply.raw().body());
        String detail = reply.body().get("detail").asText();
        assertTrue(detail.contains(copy) && detail.contains(original) && detail.contains(offer), detail);
        assertFalse(revos.get(ADMIN, "/admin/plugins").expect(200).get("items").findValuesAsText("id")
                .contains(copy), "nothing of the refused copy stays");
    }

    /**
     * Lets the clients reach a meaningful sample first (on a fast machine the swaps can be over before they sent four
     * requests per path), then closes the load: every request it sent, during the swaps and after, must have passed.
     */
    private static void assertLoadClean(CapabilityLoad load, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (load.requests() <= 4 * PATHS.size() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        load.close();
        assertTrue(load.requests() > 4 * PATHS.size(), "the clients ran: " + load.requests() + " requests");
        assertEquals(List.of(), load.failures(), "no request failed while " + what);
    }
}
