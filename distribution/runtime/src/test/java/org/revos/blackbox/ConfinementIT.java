package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The files and URLs a tenant names stay where they belong: a sync location is a file inside the tenant's own folder
 * (REVOS_DATA_DIR/tenants/&lt;id&gt;/files) or an allowed URL; anything else is refused with a 422 problem naming the
 * field, and nothing is read or written. The harness allows 127.0.0.1 only ({@link RevosProcess#OUTBOUND_ALLOW}), so
 * every other loopback or private address shows the default policy.
 */
@ExtendWith(RevosExtension.class)
class ConfinementIT {

    private final Revos revos;

    ConfinementIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void syncLocationsOutsideTheTenantsFolderAreRefusedWith422AndWriteNothing() throws IOException {
        Revos.Tenant t = revos.newTenant("confinement: sync files");
        Revos.Tenant other = revos.newTenant("confinement: neighbour");
        Files.writeString(revos.process().tenantFiles(other.id()).resolve("theirs.csv"), "externalId,name\nx,Secret\n");
        String owner = owner(t);
        Path escaped = revos.process().workDir().resolve("escaped-" + t.id()).resolve("escaped.csv");
        Map<String, String> bad = new HashMap<>();
        bad.put(escaped.toString(), "absolute");
        bad.put("../../../../" + revos.process().workDir().relativize(escaped), "'..'");
        bad.put("../../" + other.id() + "/files/theirs.csv", "'..'");
        bad.put("%2e%2e/%2e%2e/escaped.csv", "'%'");
        bad.put("exports\\..\\..\\escaped.csv", "backslash");
        bad.put("C:/Windows/escaped.csv", "':'");
        bad.put("escaped\u0000.csv", "control character");
        for (Map.Entry<String, String> location : bad.entrySet()) {
            for (String direction : List.of("ONE_WAY_OUT", "ONE_WAY_IN")) {
                Revos.Reply reply = revos.post(t.admin(), "/sync/definitions", definition(direction,
                        location.getKey(), owner));
                JsonNode problem = reply.expect(422);
                assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0],
                        location.getKey());
                assertEquals(422, problem.get("status").asInt());
                JsonNode error = problem.get("errors").get(0);
                assertEquals("location", error.get("field").asText(), problem.toString());
                assertTrue(error.get("message").asText().contains(location.getValue()), problem.toString());
                assertFalse(problem.toString().contains("Exception") || problem.toString().contains("java."),
                        "plain words, no Java: " + problem);
            }
        }
        assertEquals(0, revos.get(t.readOnly(), "/sync/definitions").expect(200).get("items").size());
        assertFalse(Files.exists(escaped.getParent()), "nothing was written outside the tenant's folder");
        assertEquals(0, revos.get(t.readOnly(), "/accounts").expect(200).get("items").size(), "nothing read");
    }

    @Test
    void aRelativeLocationWorksEndToEndInBothDirections() throws IOException {
        Revos.Tenant t = revos.newTenant("confinement: relative location");
        String owner = owner(t);
        Path folder = revos.process().tenantFiles(t.id());
        Files.createDirectories(folder.resolve("erp"));
        Files.writeString(folder.resolve("erp/accounts.csv"), "externalId,name\nerp-1,Acme\nerp-2,Globex\n");
        String in = revos.post(t.admin(), "/sync/definitions", definition("ONE_WAY_IN", "erp/accounts.csv", owner))
                .expect(201).get("id").asText();
        awaitStatus(t, in, "OK");
        assertEquals(2, revos.get(t.readOnly(), "/accounts").expect(200).get("items").size());

        String out = revos.post(t.admin(), "/sync/definitions", definition("ONE_WAY_OUT", "exports/accounts.csv",
                owner)).expect(201).get("id").asText();
        awaitStatus(t, out, "OK");
        String written = Files.readString(folder.resolve("exports/accounts.csv"));
        assertTrue(written.contains("erp-1") && written.contains("Globex"), written);
    }

    @Test
    void aLinkThatLeadsOutAfterwardsFailsTheRunAsASyncErrorAndNothingIsWrittenThere() throws IOException {
        Revos.Tenant t = revos.newTenant("confinement: link placed later");
        String owner = owner(t);
        revos.post(t.member(), "/accounts", Map.of("name", "Acme")).expect(201);
        Path folder = revos.process().tenantFiles(t.id());
        Path exports = Files.createDirectories(folder.resolve("exports"));
        String id = revos.post(t.admin(), "/sync/definitions", definition("ONE_WAY_OUT", "exports/accounts.csv",
                owner)).expect(201).get("id").asText();
        awaitStatus(t, id, "OK");

        Path outside = Files.createDirectories(revos.process().workDir().resolve("outside-" + t.id()));
        Files.delete(exports.resolve("accounts.csv"));
        Files.delete(exports);
        Files.createSymbolicLink(exports, outside);
        revos.post(t.admin(), "/sync/definitions/" + id + "/run", null).expect(202);
        JsonNode failed = awaitStatus(t, id, "FAILED");
        assertTrue(failed.get("lastDetail").asText().contains("refused"), failed.toString());
        JsonNode errors = revos.get(t.readOnly(), "/sync/errors?definitionId=" + id).expect(200).get("items");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).get("error").asText().contains("through a link"), errors.toString());
        assertFalse(errors.get(0).get("error").asText().contains(outside.toString()), "no server path is shown");
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count(), "nothing was written where the link leads");
        }
    }

    @Test
    void webhooksToPrivateLoopbackOrLinkLocalAddressesAreRefusedUnlessThePlatformAdminAllowedThem()
            throws IOException {
        Revos.Tenant t = revos.newTenant("confinement: webhooks");
        for (String url : List.of("http://10.0.0.1/hook", "http://192.168.1.20:8080/hook",
                "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:9/hook", "http://[::1]:9/hook",
                "http://[::ffff:172.16.0.1]/hook", "http://0.0.0.0:9/hook", "http://100.64.1.1/hook")) {
            Revos.Reply reply = revos.post(t.admin(), "/webhooks", Map.of("url", url, "events", List.of("*")));
            JsonNode problem = reply.expect(422);
            assertEquals("application/problem+json", reply.header("Content-Type").split(";")[0]);
            assertEquals("url", problem.get("errors").get(0).get("field").asText(), problem.toString());
            assertTrue(problem.get("errors").get(0).get("message").asText().contains("REVOS_OUTBOUND_ALLOW"),
                    problem.toString());
        }
        assertEquals(0, revos.get(t.readOnly(), "/webhooks").expect(200).get("items").size());

        try (WebhooksIT.Receiver allowed = new WebhooksIT.Receiver(0)) {
            String id = revos.post(t.admin(), "/webhooks", Map.of("url", allowed.url(), "events", List.of("*")))
                    .expect(201).get("id").asText();
            JsonNode refused = revos.patch(t.admin(), "/webhooks/" + id, Map.of("url", "http://10.1.2.3/hook"))
                    .expect(422);
            assertEquals("url", refused.get("errors").get(0).get("field").asText());
            assertEquals(allowed.url(), revos.get(t.readOnly(), "/webhooks/" + id).expect(200).get("url").asText(),
                    "a refused change changes nothing");
            revos.post(t.member(), "/accounts", Map.of("name", "Acme")).expect(201);
            Await.until(() -> Revos.JSON.valueToTree(allowed.accepted().size()), n -> n.asInt() >= 1,
                    Duration.ofSeconds(10));
            assertFalse(allowed.accepted().isEmpty(), "127.0.0.1, which the platform admin allowed, is called");
        }
    }

    @Test
    void redirectsAreNeverFollowedToAnAddressNobodyAllowed() throws IOException {
        Revos.Tenant t = revos.newTenant("confinement: redirects");
        String owner = owner(t);
        AtomicInteger reachedBehind = new AtomicInteger();
        HttpServer behind = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        behind.createContext("/", exchange -> {
            reachedBehind.incrementAndGet();
            byte[] body = "externalId,name\ninternal-1,Internal\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        String target = "http://127.0.0.2:" + behind.getAddress().getPort() + "/internal.csv";
        HttpServer front = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        front.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", target);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        behind.start();
        front.start();
        try {
            String front302 = "http://127.0.0.1:" + front.getAddress().getPort();
            String sync = revos.post(t.admin(), "/sync/definitions", definition("ONE_WAY_IN", front302
                    + "/accounts.csv", owner)).expect(201).get("id").asText();
            JsonNode failed = awaitStatus(t, sync, "FAILED");
            assertTrue(failed.get("lastDetail").asText().contains("127.0.0.2"), failed.toString());
            assertEquals(0, revos.get(t.readOnly(), "/accounts").expect(200).get("items").size());

            Revos.Tenant hooked = revos.newTenant("confinement: redirected webhook");
            String hook = revos.post(hooked.admin(), "/webhooks", Map.of("url", front302 + "/hook", "events",
                    List.of("*"), "maxAttempts", 1)).expect(201).get("id").asText();
            revos.post(hooked.member(), "/accounts", Map.of("name", "Acme")).expect(201);
            JsonNode dead = Await.until(() -> revos.get(hooked.readOnly(), "/webhooks/" + hook
                    + "/deliveries?status=DEAD").expect(200), d -> d.get("items").size() >= 1, Duration.ofSeconds(10));
            assertTrue(dead.get("items").get(0).get("lastError").asText().contains("redirects are not followed"),
                    dead.toString());
            assertEquals(0, reachedBehind.get(), "the address behind the redirect was never called");
        } finally {
            front.stop(0);
            behind.stop(0);
        }
    }

    @Test
    void aSyncSourceUrlToAPrivateAddressIsRefused() {
        Revos.Tenant t = revos.newTenant("confinement: sync urls");
        String owner = owner(t);
        List<String> fields = new ArrayList<>();
        for (String url : List.of("http://192.168.0.10/accounts.csv", "https://[fd00::1]/accounts.csv",
                "http://127.0.0.5:8080/accounts.csv")) {
            JsonNode problem = revos.post(t.admin(), "/sync/definitions", definition("ONE_WAY_IN", url, owner))
                    .expect(422);
            fields.add(problem.get("errors").get(0).get("field").asText());
        }
        assertEquals(List.of("location", "location", "location"), fields);
    }

    private String owner(Revos.Tenant t) {
        return revos.post(t.admin(), "/users", Map.of("name", "Olga Ops", "role", "OPS")).expect(201).get("id")
                .asText();
    }

    private static Map<String, Object> definition(String direction, String location, String owner) {
        return Map.of("objectType", "ACCOUNT", "source", "X", "direction", direction, "intervalMinutes", 1440,
                "location", location, "ownerId", owner, "maxAttempts", 1);
    }

    private JsonNode awaitStatus(Revos.Tenant t, String id, String status) {
        JsonNode seen = Await.until(() -> revos.get(t.readOnly(), "/sync/definitions/" + id).expect(200),
                d -> status.equals(d.path("lastStatus").asText()), Duration.ofSeconds(15));
        assertEquals(status, seen.path("lastStatus").asText(), seen.toString());
        return seen;
    }
}
