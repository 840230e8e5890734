package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.revos.blackbox.plugins.TestJars;
import org.revos.blackbox.plugins.ThrowingActivator;
import org.revos.blackbox.plugins.ThrowingComponent;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plugins are installed, updated and removed — through the admin API and through the deploy folder — while the
 * runtime serves traffic, and none of it disturbs the core endpoints. Broken plugins are refused with the reason and
 * leave nothing behind; a failed update leaves the previous version serving.
 */
@ExtendWith(RevosExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotDeployIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";
    private static final String PLUGIN = TestJars.PLUGIN_ID;
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int CYCLES = 10;

    private final Revos revos;
    /**
     * Answers of the plugin's own endpoint other than 200 and 404 while waiting for a deploy-folder change to take
     * effect. Requests are held while a bundle swaps, so there must be none.
     */
    private int transientAnswers;

    HotDeployIT(Revos revos) {
        this.revos = revos;
    }

    @AfterEach
    void removeTestPlugin() {
        Revos.Reply reply = revos.delete(ADMIN, "/admin/plugins/" + PLUGIN);
        assertTrue(reply.status() == 204 || reply.status() == 404, () -> "cleanup: " + reply.raw().body());
    }

    @Test
    @Order(1)
    void installUpdateAndRemoveRepeatedlyWhileCoreEndpointsServe() throws Exception {
        Revos.Tenant tenant = revos.newTenant("hot-deploy");
        int auditedBefore = pluginAudit().size();
        byte[] v1 = TestJars.testPlugin("1.0.0");
        byte[] v2 = TestJars.testPlugin("2.0.0");
        List<Long> cycleMillis = new ArrayList<>();
        long loopRequests;
        long slowest;
        List<String> loopFailures;
        try (CapabilityLoad loop = CapabilityLoad.start(revos.process(), tenant.readOnly(),
                List.of("/accounts", "/health"), 1, r -> true, Duration.ofSeconds(150))) {
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long start = System.nanoTime();
                JsonNode installed = revos.sendBytes(ADMIN, "POST", "/admin/plugins", v1, JAR).expect(201);
                assertEquals("1.0.0", installed.get("version").asText());
                assertEquals("ACTIVE", installed.get("state").asText());
                assertHello(tenant.member(), "1.0.0");
                JsonNode updated = revos.sendBytes(ADMIN, "POST", "/admin/plugins", v2, JAR).expect(200);
                assertEquals("2.0.0", updated.get("version").asText());
                assertHello(tenant.member(), "2.0.0");
                revos.delete(ADMIN, "/admin/plugins/" + PLUGIN).expect(204);
                assertEquals(404, revos.get(tenant.member(), "/hello").status(), "gone on the next request");
                cycleMillis.add((System.nanoTime() - start) / 1_000_000);
            }
            long start = System.nanoTime();
            Path deployed = deploy("hello.jar", v1);
            awaitHello(tenant.member(), "1.0.0");
            deploy("hello.jar", v2);
            awaitHello(tenant.member(), "2.0.0");
            Files.delete(deployed);
            awaitGone(tenant.member());
            awaitListed(p -> p.findValuesAsText("id").stream().noneMatch(PLUGIN::equals));
            cycleMillis.add((System.nanoTime() - start) / 1_000_000);
            loop.close();
            loopRequests = loop.requests();
            slowest = loop.slowestMillis();
            loopFailures = loop.failures();
        }
        System.out.printf("HotDeployIT: %d install/update/uninstall cycles via REST and 1 via the deploy folder,"
                + " cycle times %s ms (mean %d ms); background loop on core endpoints: %d requests, %d failed,"
                + " slowest %d ms; transient answers of the plugin's own /hello while switching: %d%n",
                CYCLES, cycleMillis, cycleMillis.stream().mapToLong(Long::longValue).sum() / cycleMillis.size(),
                loopRequests, loopFailures.size(), slowest, transientAnswers);
        assertTrue(loopRequests > 50, "the background loop ran: " + loopRequests + " requests");
        assertEquals(List.of(), loopFailures, "no request to a core endpoint failed while plugins changed");
        assertEquals(0, transientAnswers, "the plugin's own path never answered but 200 or 404 while it switched");
        List<String> actions = pluginAudit();
        actions = actions.subList(auditedBefore, actions.size()); // other tests may have installed it before
        assertEquals(CYCLES + 1L, actions.stream().filter("PLUGIN_INSTALLED"::equals).count(), actions::toString);
        assertEquals(CYCLES + 1L, actions.stream().filter("PLUGIN_UPDATED"::equals).count(), actions::toString);
        assertEquals(CYCLES + 1L, actions.stream().filter("PLUGIN_UNINSTALLED"::equals).count(), actions::toString);
    }

    /** @return the test plugin's audited actions, oldest first */
    private List<String> pluginAudit() {
        return revos.get(ADMIN, "/admin/audit?objectType=PLUGIN&objectId=" + PLUGIN + "&limit=500").expect(200)
                .get("items").findValuesAsText("action");
    }

    @Test
    @Order(2)
    void pluginListShowsWhatAPluginProvides() {
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.2.3"), JAR).expect(201);
        JsonNode plugin = awaitListed(p -> pluginIn(p).path("provides").toString().contains("GET /api/v1/hello"));
        JsonNode entry = pluginIn(plugin);
        assertEquals("1.2.3", entry.get("version").asText());
        assertEquals("ACTIVE", entry.get("state").asText());
        assertTrue(entry.get("error").isNull());
        List<String> provides = new ArrayList<>();
        entry.get("provides").forEach(p -> provides.add(p.asText()));
        assertTrue(provides.containsAll(List.of("org.revos.api.spi.KpiCalculator", "kpi:hello_count",
                "GET /api/v1/hello")), provides::toString);
        assertTrue(plugin.get("next").isNull());
        assertEquals("1.2.3", revos.get(ADMIN, "/admin/plugins/" + PLUGIN).expect(200).get("version").asText());
        JsonNode same = revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.2.3"), JAR)
                .expect(200);
        assertEquals("1.2.3", same.get("version").asText(), "the same jar again changes nothing");
    }

    @Test
    @Order(3)
    void aMissingRequirementIsRefusedWithTheReasonAndNothingStays() {
        byte[] jar = TestJars.rewrite(TestJars.testPlugin(), m -> {
            m.putValue("Bundle-SymbolicName", "org.revos.testplugin.unresolvable");
            m.putValue("Import-Package", "com.nowhere.missing;version=\"[1.0,2)\"," + m.getValue("Import-Package")
                    .replaceAll("org\\.revos\\.api\\.spi;version=\"\\[[^\"]*\"",
                            "org.revos.api.spi;version=\"[9.0,10)\""));
        }, Map.of());
        Revos.Reply reply = revos.sendBytes(ADMIN, "POST", "/admin/plugins", jar, JAR);
        assertEquals(422, reply.status(), reply.raw().body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
        String detail = reply.body().get("detail").asText();
        assertTrue(detail.contains("needs package com.nowhere.missing [1,2) — nothing in this runtime provides it"),
                detail);
        assertTrue(detail.contains("needs package org.revos.api.spi [9,10) — this runtime has "), detail);
        assertEquals("Import-Package", reply.body().get("errors").get(0).get("field").asText());
        assertNotListed("org.revos.testplugin.unresolvable");
        assertEquals(200, revos.get(null, "/health").status());
    }

    @Test
    @Order(4)
    void aComponentThatFailsToActivateIsRefusedWithItsException() {
        Revos.Reply reply = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                TestJars.throwingComponentPlugin("org.revos.testplugin.throwing"), JAR);
        assertEquals(422, reply.status(), reply.raw().body());
        String detail = reply.body().get("detail").asText();
        assertTrue(detail.contains("component throwing failed to activate"), detail);
        assertTrue(detail.contains("java.lang.IllegalStateException: " + ThrowingComponent.MESSAGE), detail);
        assertNotListed("org.revos.testplugin.throwing");
        assertEquals(200, revos.get(null, "/health").status());
    }

    @Test
    @Order(5)
    void aFailingBundleActivatorIsRefusedNamingIt() {
        Revos.Reply reply = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                TestJars.throwingActivatorPlugin("org.revos.testplugin.activator"), JAR);
        assertEquals(422, reply.status(), reply.raw().body());
        String detail = reply.body().get("detail").asText();
        assertTrue(detail.contains("Bundle-Activator " + ThrowingActivator.class.getName() + " threw"
                + " java.lang.IllegalStateException: " + ThrowingActivator.MESSAGE), detail);
        assertNotListed("org.revos.testplugin.activator");
    }

    @Test
    @Order(6)
    void aFailedUpdateRollsBackAndThePreviousVersionKeepsServing() {
        Revos.Tenant tenant = revos.newTenant("rollback");
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
        assertHello(tenant.member(), "1.0.0");
        Revos.Reply reply = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                TestJars.testPluginWithThrowingComponent("2.0.0"), JAR);
        assertEquals(422, reply.status(), reply.raw().body());
        assertTrue(reply.body().get("detail").asText().contains(ThrowingComponent.MESSAGE));
        assertHello(tenant.member(), "1.0.0");
        JsonNode entry = pluginIn(revos.get(ADMIN, "/admin/plugins").expect(200));
        assertEquals("1.0.0", entry.get("version").asText());
        assertEquals("ACTIVE", entry.get("state").asText());
        assertTrue(entry.get("error").asText().contains("Replacing it with version 2.0.0 failed"), entry::toString);
    }

    @Test
    @Order(7)
    void aPluginCanBeDisabledAndConfiguredPerTenant() {
        Revos.Tenant a = revos.newTenant("tenant-a");
        Revos.Tenant b = revos.newTenant("tenant-b");
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
        awaitHello(a.member(), "1.0.0");
        awaitHello(b.member(), "1.0.0");

        JsonNode setting = revos.send(ADMIN, "PUT", "/admin/tenants/" + a.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", false), Map.of()).expect(200);
        assertFalse(setting.get("enabled").asBoolean());
        assertEquals(404, revos.get(a.member(), "/hello").status(), "disabled for tenant A");
        assertEquals(200, revos.get(b.member(), "/hello").status(), "still enabled for tenant B");

        JsonNode list = revos.get(ADMIN, "/admin/tenants/" + a.id() + "/plugins").expect(200);
        JsonNode mine = null;
        for (JsonNode item : list.get("items")) {
            if (item.get("pluginId").asText().equals(PLUGIN)) {
                mine = item;
            }
        }
        assertNotNull(mine, list::toString);
        assertFalse(mine.get("enabled").asBoolean());

        revos.send(ADMIN, "PUT", "/admin/tenants/" + b.id() + "/plugins/" + PLUGIN,
                Map.of("enabled", true, "config", Map.of("greeting", "hello B")), Map.of()).expect(200);
        awaitUntil(() -> revos.get(b.member(), "/hello"), r -> r.status() == 200
                && "hello B".equals(r.body().path("greeting").asText()), "tenant B's greeting reaches the plugin");

        revos.send(ADMIN, "PUT", "/admin/tenants/" + a.id() + "/plugins/" + PLUGIN, Map.of("enabled", true),
                Map.of()).expect(200);
        assertEquals(200, revos.get(a.member(), "/hello").status(), "enabled again for tenant A");
    }

    @Test
    @Order(8)
    void badRequestsAreProblems() {
        Revos.Tenant tenant = revos.newTenant("bad-requests");
        assertEquals(403, revos.get(tenant.admin(), "/admin/plugins").status());
        assertEquals(415, revos.sendBytes(ADMIN, "POST", "/admin/plugins", new byte[] { 1 }, "text/plain").status());
        Revos.Reply garbage = revos.sendBytes(ADMIN, "POST", "/admin/plugins", "not a jar".getBytes(), JAR);
        assertEquals(400, garbage.status(), garbage.raw().body());
        Revos.Reply notPlugin = revos.sendBytes(ADMIN, "POST", "/admin/plugins",
                TestJars.rewrite(TestJars.testPlugin(), m -> m.remove(new java.util.jar.Attributes.Name(
                        "RevOS-Plugin")), Map.of()), JAR);
        assertEquals(422, notPlugin.status(), notPlugin.raw().body());
        assertEquals("RevOS-Plugin", notPlugin.body().get("errors").get(0).get("field").asText());
        Revos.Reply core = revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.rewrite(TestJars.testPlugin(),
                m -> m.putValue("Bundle-SymbolicName", "org.revos.api"), Map.of()), JAR);
        assertEquals(422, core.status(), core.raw().body());
        assertTrue(core.body().get("detail").asText().contains("core bundle"), core.raw().body());
        assertEquals(404, revos.delete(ADMIN, "/admin/plugins/no.such.plugin").status());

        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.testPlugin("1.0.0"), JAR).expect(201);
        String path = "/admin/tenants/" + tenant.id() + "/plugins/" + PLUGIN;
        Revos.Reply invalid = revos.send(ADMIN, "PUT", path, Map.of("enabled", "yes", "config",
                Map.of("service.pid", "x", "nested", Map.of("a", 1)), "colour", "red"), Map.of());
        assertEquals(400, invalid.status(), invalid.raw().body());
        List<String> fields = invalid.body().get("errors").findValuesAsText("field");
        assertTrue(fields.containsAll(List.of("enabled", "config.service.pid", "config.nested", "colour")),
                fields::toString);
        assertEquals(404, revos.send(ADMIN, "PUT", "/admin/tenants/ten_unknown/plugins/" + PLUGIN,
                Map.of("enabled", true), Map.of()).status());
        assertEquals(404, revos.send(ADMIN, "PUT", "/admin/tenants/" + tenant.id() + "/plugins/no.such.plugin",
                Map.of("enabled", true), Map.of()).status());
    }

    @Test
    @Order(9)
    void aBrokenJarInTheDeployFolderIsListedAsFailedUntilItsFileIsRemoved() throws Exception {
        byte[] jar = TestJars.rewrite(TestJars.testPlugin(), m -> {
            m.putValue("Bundle-SymbolicName", "org.revos.testplugin.folderbroken");
            m.putValue("Import-Package", "com.nowhere.missing," + m.getValue("Import-Package"));
        }, Map.of());
        Path file = deploy("broken.jar", jar);
        JsonNode list = awaitListed(p -> p.get("items").findValuesAsText("id")
                .contains("org.revos.testplugin.folderbroken"));
        JsonNode entry = null;
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asText().equals("org.revos.testplugin.folderbroken")) {
                entry = item;
            }
        }
        assertNotNull(entry);
        assertEquals("FAILED", entry.get("state").asText());
        String error = entry.get("error").asText();
        assertTrue(error.startsWith("deploy/broken.jar: "), error);
        assertTrue(error.contains("needs package com.nowhere.missing (any version) — nothing in this runtime"
                + " provides it"), error);
        assertEquals(200, revos.get(null, "/health").status());
        Files.delete(file);
        awaitListed(p -> !p.get("items").findValuesAsText("id").contains("org.revos.testplugin.folderbroken"));
    }

    @Test
    @Order(10)
    void aPluginOthersWireToIsNeitherReplacedNorRemoved() {
        String library = "org.revos.testplugin.library";
        String user = "org.revos.testplugin.user";
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.emptyPlugin(library, "1.0.0",
                Map.of("Export-Package", "org.revos.testlibrary;version=\"1.0.0\"")), JAR).expect(201);
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.emptyPlugin(user, "1.0.0",
                Map.of("Import-Package", "org.revos.testlibrary;version=\"[1.0,2)\"")), JAR).expect(201);

        Revos.Reply update = revos.sendBytes(ADMIN, "POST", "/admin/plugins", TestJars.emptyPlugin(library, "1.1.0",
                Map.of("Export-Package", "org.revos.testlibrary;version=\"1.1.0\"")), JAR);
        assertEquals(409, update.status(), update.raw().body());
        assertTrue(update.body().get("detail").asText().contains("Cannot replace " + library + ": " + user
                + " 1.0.0 uses it"), update.raw().body());
        Revos.Reply remove = revos.delete(ADMIN, "/admin/plugins/" + library);
        assertEquals(409, remove.status(), remove.raw().body());
        assertEquals("1.0.0", revos.get(ADMIN, "/admin/plugins/" + library).expect(200).get("version").asText());

        revos.delete(ADMIN, "/admin/plugins/" + user).expect(204);
        revos.delete(ADMIN, "/admin/plugins/" + library).expect(204);
        assertNotListed(library);
    }

    private Path deploy(String name, byte[] jar) throws IOException {
        Path dir = revos.process().deployDir();
        Path part = dir.resolve("." + name + ".part");
        Files.write(part, jar);
        return Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitHello(String key, String version) {
        awaitUntil(() -> revos.get(key, "/hello"), r -> r.status() == 200
                && version.equals(r.body().path("version").asText()), "GET /hello answers version " + version);
    }

    /** The first request after an upload is answered by the uploaded version: requests wait for the swap. */
    private void assertHello(String key, String version) {
        Revos.Reply hello = revos.get(key, "/hello");
        assertEquals(200, hello.status(), hello.raw().body());
        assertEquals(version, hello.body().path("version").asText(), hello.raw().body());
    }

    private void awaitGone(String key) {
        awaitUntil(() -> revos.get(key, "/hello"), r -> r.status() == 404, "GET /hello answers 404");
    }

    private JsonNode awaitListed(Predicate<JsonNode> condition) {
        return awaitUntil(() -> revos.get(ADMIN, "/admin/plugins"), r -> r.status() == 200
                && condition.test(r.body()), "GET /admin/plugins shows the expected plugins").body();
    }

    private Revos.Reply awaitUntil(java.util.function.Supplier<Revos.Reply> request, Predicate<Revos.Reply> done,
            String what) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Revos.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            if (last.status() != 200 && last.status() != 404) {
                transientAnswers++;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail(what + " within " + BOUND + "; last answer: " + (last == null ? "none" : last.status() + " "
                + last.raw().body()));
        return last;
    }

    private void assertNotListed(String id) {
        JsonNode plugins = revos.get(ADMIN, "/admin/plugins").expect(200);
        assertFalse(plugins.get("items").findValuesAsText("id").contains(id), plugins::toString);
    }

    private static JsonNode pluginIn(JsonNode list) {
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asText().equals(PLUGIN)) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
