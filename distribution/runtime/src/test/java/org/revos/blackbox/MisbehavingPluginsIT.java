package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.revos.blackbox.plugins.HangingKpi;
import org.revos.blackbox.plugins.HungryKpi;
import org.revos.blackbox.plugins.TestJars;
import org.revos.blackbox.plugins.ThrowingKpi;
import org.revos.blackbox.plugins.ThrowingResource;


/**
 * Plugins that misbehave, installed into a runtime of their own with a small heap: a KPI calculator that throws, one
 * that hangs past the gateway's timeout ignoring interrupts, one that allocates until the heap is gone, and a REST
 * resource that throws. None of them takes down the runtime, another plugin or another tenant: their own calls answer
 * a problem in plain words (5xx only for the plugin's own failure), the shipped KPIs and the core API keep answering
 * for every tenant meanwhile, and a plugin that keeps failing for a tenant is quarantined for that tenant only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MisbehavingPluginsIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String JAR = "application/java-archive";
    private static final String PERIOD = "?period=2026";
    /** What text that leaks Java looks like. */
    private static final Pattern JAVA = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]|Exception|Error\\b|\\bat [a-z]+\\.");
    /** The gateway's timeout is 10 s; the hanging call must be cut off well before the plugin's 25 s hang ends. */
    private static final Duration CUT_OFF = Duration.ofSeconds(20);
    private static final Map<String, String> FIGURES = new TreeMap<>();

    private static RevosProcess process;
    private static Revos revos;
    private static Revos.Tenant a;
    private static Revos.Tenant b;

    @BeforeAll
    static void start() throws Exception {
        process = RevosProcess.start(Map.of(), List.of("-Xmx256m"));
        revos = new Revos(process);
        a = revos.newTenant("misbehaving-a");
        b = revos.newTenant("misbehaving-b");
        install(TestJars.misbehavingKpiPlugin("org.revos.bad.throwing", ThrowingKpi.class, ThrowingKpi.ID));
        install(TestJars.misbehavingKpiPlugin("org.revos.bad.hanging", HangingKpi.class, HangingKpi.ID));
        install(TestJars.misbehavingKpiPlugin("org.revos.bad.hungry", HungryKpi.class, HungryKpi.ID));
        install(TestJars.throwingResourcePlugin("org.revos.bad.resource"));
        for (Revos.Tenant t : List.of(a, b)) {
            revos.post(t.member(), "/accounts", Map.of("name", "Steady " + t.id(), "country", "DE")).expect(201);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (process != null) {
            process.close();
        }
        Path dir = Path.of(System.getProperty("revos.reliability.dir", "target/reliability"));
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        FIGURES.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Files.writeString(dir.resolve("misbehaving.properties"), text);
    }

    private static void install(byte[] jar) {
        revos.sendBytes(ADMIN, "POST", "/admin/plugins", jar, JAR).expect(201);
    }

    /** Asserts a plugin's own failure: a 5xx problem document whose words name no Java class; @return its detail */
    private static String pluginFailure(Revos.Reply reply) {
        assertTrue(reply.status() >= 500 && reply.status() <= 504, () -> reply.status() + " " + reply.raw().body());
        assertEquals("application/problem+json", reply.header("Content-Type"), reply.raw().body());
        assertEquals(reply.status(), reply.body().get("status").asInt());
        String detail = reply.body().get("detail").asText();
        assertFalse(JAVA.matcher(reply.raw().body()).find(), "the answer names Java: " + reply.raw().body());
        return detail;
    }

    /** The runtime, the shipped KPI plugin and the core API answer both tenants. */
    private static void othersStillAnswer() {
        assertEquals(200, revos.get(null, "/health").status());
        for (Revos.Tenant t : List.of(a, b)) {
            revos.get(t.readOnly(), "/kpis/win_rate" + PERIOD).expect(200);
            revos.post(t.member(), "/deals", Map.of("accountId", revos.get(t.readOnly(), "/accounts").expect(200)
                    .at("/items/0/id").asText(), "name", "Still open", "arr", 100)).expect(201);
        }
    }

    @Test
    @Order(1)
    void aThrowingKpiAnswersAProblemAndIsQuarantinedForThatTenantOnly() {
        String first = pluginFailure(revos.get(a.readOnly(), "/kpis/" + ThrowingKpi.ID + PERIOD));
        assertTrue(first.contains(ThrowingKpi.ID) && first.contains("org.revos.bad.throwing"), first);
        othersStillAnswer();
        // The gateway quarantines a plugin for a tenant after 5 failures in a row.
        String detail = first;
        int calls = 1;
        for (; calls < 8 && !detail.contains("quarantined"); calls++) {
            detail = pluginFailure(revos.get(a.readOnly(), "/kpis/" + ThrowingKpi.ID + PERIOD));
        }
        assertTrue(detail.contains("quarantined"), "quarantined after " + calls + " calls: " + detail);
        String other = pluginFailure(revos.get(b.readOnly(), "/kpis/" + ThrowingKpi.ID + PERIOD));
        assertFalse(other.contains("quarantined"), "tenant B is not fenced off by A's failures: " + other);
        othersStillAnswer();
        FIGURES.put("throwing.callsUntilQuarantine", Integer.toString(calls));
        FIGURES.put("throwing.outcome", "503 problem; quarantined for the tenant after " + calls + " calls");
    }

    @Test
    @Order(2)
    void aHangingKpiIsCutOffAtTheTimeoutWhileEveryoneElseIsServed() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<Revos.Reply> hanging = CompletableFuture.supplyAsync(
                () -> revos.get(a.readOnly(), "/kpis/" + HangingKpi.ID + PERIOD));
        Thread.sleep(1000);
        long others = System.nanoTime();
        othersStillAnswer();
        Duration othersTook = Duration.ofNanos(System.nanoTime() - others);
        assertFalse(hanging.isDone(), "the hanging call is still running while the others were answered");
        Revos.Reply reply = hanging.get(CUT_OFF.toSeconds() + 10, java.util.concurrent.TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String detail = pluginFailure(reply);
        assertTrue(detail.contains("did not answer"), detail);
        assertTrue(took.compareTo(CUT_OFF) < 0, "cut off after " + took);
        othersStillAnswer();
        FIGURES.put("hanging.cutOffMillis", Long.toString(took.toMillis()));
        FIGURES.put("hanging.othersMillisDuringHang", Long.toString(othersTook.toMillis()));
        FIGURES.put("hanging.outcome", "503 problem after " + took.toMillis() + " ms; others answered meanwhile");
    }

    @Test
    @Order(3)
    void aThrowingRestResourceAnswersAProblemAndTheRestOfTheApiServes() {
        for (int i = 0; i < 10; i++) {
            Revos.Reply reply = revos.get(b.readOnly(), "/bad-resource");
            String detail = pluginFailure(reply);
            assertEquals(502, reply.status(), "the plugin failed, not the runtime: " + reply.raw().body());
            assertEquals("org.revos.bad.resource", reply.body().get("plugin").asText());
            assertTrue(detail.contains("org.revos.bad.resource") && reply.body().hasNonNull("incident"), detail);
            assertFalse(detail.contains(ThrowingResource.MESSAGE), "the plugin's text is logged, not shown: " + detail);
        }
        othersStillAnswer();
        FIGURES.put("resource.outcome", revos.get(b.readOnly(), "/bad-resource").status() + " problem, 10 of 10");
    }

    @Test
    @Order(4)
    void aKpiThatEatsTheHeapFailsAloneAndTheRuntimeLivesOn() {
        int survived = 0;
        for (Revos.Tenant t : List.of(a, b, a)) {
            Revos.Reply reply = revos.get(t.readOnly(), "/kpis/" + HungryKpi.ID + PERIOD);
            pluginFailure(reply);
            assertTrue(process.isAlive(), "the runtime process is alive");
            othersStillAnswer();
            survived++;
        }
        FIGURES.put("hungry.heap", "-Xmx256m");
        FIGURES.put("hungry.outcome", "503 problem " + survived + " of 3 times; runtime and others answered after each");
    }
}
