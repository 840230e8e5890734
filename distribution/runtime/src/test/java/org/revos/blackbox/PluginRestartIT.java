package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.revos.blackbox.plugins.TestJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accepted plugins survive a restart: the runtime installs them again from its data folder (the framework's cache
 * starts empty at each launch) and hands tenants their plugin configuration again. A plugin whose deploy-folder file
 * was deleted while the runtime was stopped does not come back. Runs two processes of its own on one data folder.
 */
class PluginRestartIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";
    private static final String FOLDER_PLUGIN = "org.revos.testplugin.folder";

    @Test
    void pluginsAndTenantConfigurationComeBackAfterARestart() throws Exception {
        Map<String, String> env = RevosProcess.ownFolders("restart-");
        Revos.Tenant tenant;
        try (RevosProcess first = RevosProcess.start(env)) {
            Revos revos = new Revos(first);
            tenant = revos.newTenant("restart");
            revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
            revos.send(ADMIN, "PUT", "/admin/tenants/" + tenant.id() + "/plugins/" + TestJars.PLUGIN_ID,
                    Map.of("enabled", true, "config", Map.of("greeting", "still here")), Map.of()).expect(200);
            Files.write(first.deployDir().resolve("folder.jar"), TestJars.emptyPlugin(FOLDER_PLUGIN, "1.0.0"));
            await(revos, () -> ids(revos).contains(FOLDER_PLUGIN), "the deploy folder installs its plugin");
        }
        Files.delete(Path.of(env.get("REVOS_DEPLOY_DIR")).resolve("folder.jar"));
        try (RevosProcess second = RevosProcess.start(env)) {
            Revos revos = new Revos(second);
            await(revos, () -> {
                Revos.Reply hello = revos.get(tenant.member(), "/hello");
                return hello.status() == 200 && "still here".equals(hello.body().path("greeting").asText());
            }, "the plugin serves again, with the tenant's configuration");
            JsonNode plugin = revos.get(ADMIN, "/admin/plugins/" + TestJars.PLUGIN_ID).expect(200);
            assertEquals("ACTIVE", plugin.get("state").asText(), plugin::toString);
            assertFalse(ids(revos).contains(FOLDER_PLUGIN), "its deploy file was deleted");
            assertTrue(second.logText().contains("Not reinstalling " + FOLDER_PLUGIN), second.logText());
        }
    }

    private static List<String> ids(Revos revos) {
        return revos.get(ADMIN, "/admin/plugins").expect(200).get("items").findValuesAsText("id");
    }

    private static void await(Revos revos, java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        fail(what + " within 30 s:\n" + revos.process().logText());
    }
}
