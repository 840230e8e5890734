package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.blackbox.plugins.TestJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shipped plugins across restarts: a data folder in the layout of a runtime that ran them as run bundles (no stored
 * jar, no seed list, but tenant settings for them and an uploaded plugin) gets them seeded and keeps its settings; a
 * shipped plugin an admin removed stays removed after a restart, and one an admin updated keeps the admin's version.
 * Runs processes of its own on one data folder.
 */
class ShippedPluginsRestartIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";
    private static final String FUNNEL = "org.revos.kpi.funnel";
    private static final String REVENUE = "org.revos.kpi.revenue";
    private static final String STAGES = "org.revos.stages.lifecycle";

    @Test
    void aDataFolderOfTheRunBundleLayoutGetsTheShippedPluginsAndAdminChoicesSurviveRestarts() throws Exception {
        Map<String, String> env = RevosProcess.ownFolders("shipped-");
        Path plugins = Path.of(env.get("REVOS_DATA_DIR")).resolve("plugins");
        Revos.Tenant tenant;
        try (RevosProcess first = RevosProcess.start(env)) {
            String startLog = first.logText();
            for (String alarm : List.of("ERROR", "SEVERE", "Exception")) {
                assertFalse(startLog.contains(alarm), () -> "a first start on a fresh data folder logs no " + alarm
                        + ":\n" + startLog);
            }
            Revos revos = new Revos(first);
            tenant = revos.newTenant("migrated");
            revos.send(ADMIN, "PUT", "/admin/tenants/" + tenant.id() + "/plugins/" + FUNNEL,
                    Map.of("enabled", false), Map.of()).expect(200);
            revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
        }
        forgetShippedPlugins(plugins);
        try (RevosProcess second = RevosProcess.start(env)) {
            Revos revos = new Revos(second);
            for (String id : ShippedPluginSwapIT.SHIPPED) {
                JsonNode plugin = revos.get(ADMIN, "/admin/plugins/" + id).expect(200);
                assertEquals("ACTIVE", plugin.get("state").asText(), id + " is seeded into a data folder that never"
                        + " stored it");
                assertTrue(plugin.at("/signedBy/trusted").asBoolean(), () -> id + " is still known as signed by the"
                        + " shipped plugins' signer after a restart: " + plugin);
            }
            assertEquals("ACTIVE", revos.get(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID).expect(200)
                    .get("state").asText(), "the uploaded plugin is still there");
            List<String> kpis = revos.get(tenant.readOnly(), "/kpis").expect(200).get("items").findValuesAsText("id");
            assertFalse(kpis.contains("win_rate"), "the tenant's setting for a shipped plugin survives: " + kpis);
            assertTrue(kpis.contains("nrr"), kpis::toString);
            assertTrue(Files.exists(plugins.resolve("shipped.seeded")));

            revos.delete(ADMIN, "/admin/plugins/" + REVENUE).expect(204);
            JsonNode updated = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                    TestJars.withVersion(TestJars.shipped(STAGES), "1.1.0"), JAR).expect(200);
            assertEquals("1.1.0", updated.get("version").asText());
        }
        try (RevosProcess third = RevosProcess.start(env)) {
            Revos revos = new Revos(third);
            assertEquals(404, revos.get(ADMIN, "/admin/plugins/" + REVENUE).status(),
                    "a removed shipped plugin stays removed");
            assertEquals("1.1.0", revos.get(ADMIN, "/admin/plugins/" + STAGES).expect(200).get("version").asText(),
                    "an updated shipped plugin keeps the admin's version");
            revos.post(ADMIN, "/admin/plugins/" + REVENUE + "/restore", null).expect(201);
            assertTrue(revos.get(tenant.readOnly(), "/kpis").expect(200).get("items").findValuesAsText("id")
                    .contains("nrr"), "restored");
        }
    }

    /** Leaves the plugin store as a runtime with run-bundle plugins left it: only uploaded plugins, no seed list. */
    private static void forgetShippedPlugins(Path plugins) throws IOException {
        Files.delete(plugins.resolve("shipped.seeded"));
        for (String id : ShippedPluginSwapIT.SHIPPED) {
            Files.delete(plugins.resolve(id + ".jar"));
            Files.delete(plugins.resolve(id + ".origin"));
        }
    }
}
