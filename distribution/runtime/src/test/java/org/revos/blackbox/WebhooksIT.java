package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Webhooks over HTTP against receivers in this test on 127.0.0.1: a receiver that fails the first attempts gets the
 * deal-won celebration exactly once, signed with the webhook's secret; one that never accepts gets its delivery
 * dead-lettered after the configured attempts, listed over REST, announced to an ops webhook, and retried on demand.
 */
@ExtendWith(RevosExtension.class)
class WebhooksIT {

    private static final String SECRET = "whsec_test-0123456789abcdef";

    private final Revos revos;

    WebhooksIT(Revos revos) {
        this.revos = revos;
    }

    /** A local HTTP receiver that answers 500 to its first {@code failures} requests, then 200. */
    static final class Receiver implements AutoCloseable {
        record Hit(int status, String body, String delivery, String signature, String event) {
        }

        final List<Hit> hits = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresLeft;
        private final HttpServer server;

        Receiver(int failures) throws IOException {
            failuresLeft = new AtomicInteger(failures);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
                hits.add(new Hit(status, body, exchange.getRequestHeaders().getFirst("X-RevOS-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-RevOS-Signature"),
                        exchange.getRequestHeaders().getFirst("X-RevOS-Event")));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Hit> accepted() {
            return hits.stream().filter(h -> h.status() == 200).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aCelebrationReachesAFlakyReceiverExactlyOnceAndSigned() throws Exception {
        Revos.Tenant t = revos.newTenant("webhooks");
        try (Receiver receiver = new Receiver(2)) {
            JsonNode hook = revos.post(t.admin(), "/webhooks", Map.of("url", receiver.url(),
                    "events", List.of("org/revos/deal/WON"), "secret", SECRET)).expect(201);
            assertEquals(SECRET, hook.get("secret").asText(), "the secret is shown when created");
            String id = hook.get("id").asText();
            JsonNode listed = revos.get(t.readOnly(), "/webhooks/" + id).expect(200);
            assertFalse(listed.has("secret"), "and never again: " + listed);
            assertEquals("whsec_test", listed.get("secretPrefix").asText());

            String rep = revos.post(t.member(), "/users", Map.of("name", "Ann Seller", "role", "AE")).expect(201)
                    .get("id").asText();
            String deal = won(t, rep, "Initech platform", 24000);

            Await.until(() -> revos.get(t.readOnly(), "/webhooks/" + id + "/deliveries?status=DELIVERED")
                    .expect(200), d -> d.get("items").size() == 1, Duration.ofSeconds(20));
            Thread.sleep(1_000); // time for any duplicate to show up
            assertEquals(3, receiver.hits.size(), "two refused attempts and one accepted: " + receiver.hits);
            assertEquals(1, receiver.accepted().size(), "delivered exactly once");
            assertEquals(1, receiver.hits.stream().map(Receiver.Hit::delivery).distinct().count(),
                    "every attempt carries the same delivery id");
            Receiver.Hit hit = receiver.accepted().get(0);
            assertEquals("org/revos/deal/WON", hit.event());
            assertTrue(verifies(SECRET, hit.signature(), hit.body()), "signed with the webhook's secret");
            assertFalse(verifies("another-secret-0123456789", hit.signature(), hit.body()));
            JsonNode payload = Revos.JSON.readTree(hit.body());
            assertTrue(payload.get("text").asText().contains("Initech platform"), payload.toString());
            assertTrue(payload.get("text").asText().contains("Ann Seller"), payload.toString());
            assertEquals("section", payload.get("blocks").get(0).get("type").asText());
            assertEquals(deal, payload.at("/revos/data/objectId").asText());
            JsonNode delivery = revos.get(t.readOnly(), "/webhooks/" + id + "/deliveries").expect(200).get("items")
                    .get(0);
            assertEquals(3, delivery.get("attempts").asInt());
            assertEquals("DELIVERED", delivery.get("status").asText());
        }
    }

    @Test
    void anImportOfWonDealsIsNotAnnouncedButTheNextWinIs() throws Exception {
        Revos.Tenant t = revos.newTenant("webhooks import");
        try (Receiver receiver = new Receiver(0)) {
            String id = revos.post(t.admin(), "/webhooks", Map.of("url", receiver.url(), "events", List.of(
                    "org/revos/deal/WON", "org/revos/stage/CHANGED", "org/revos/object/CREATED"), "secret", SECRET))
                    .expect(201).get("id").asText();
            String account = revos.post(t.member(), "/accounts", Map.of("name", "Hooli")).expect(201).get("id")
                    .asText();
            Await.until(() -> revos.get(t.readOnly(), "/webhooks/" + id + "/deliveries").expect(200),
                    d -> d.get("items").size() == 1, Duration.ofSeconds(20)); // the account's creation
            StringBuilder csv = new StringBuilder("externalId,accountId,name,arr,stage\n");
            for (int i = 1; i <= 20; i++) {
                csv.append("H-").append(i).append(',').append(account).append(",Hooli deal ").append(i)
                        .append(",1000,CLOSED_WON\n");
            }
            JsonNode job = revos.sendBytes(t.member(), "POST", "/imports?object=deals", csv.toString().getBytes(
                    StandardCharsets.UTF_8), "text/csv").expect(202);
            Await.until(() -> revos.get(t.readOnly(), "/jobs/" + job.get("id").asText()).expect(200),
                    j -> j.get("status").asText().equals("SUCCEEDED"), Duration.ofSeconds(30));
            assertEquals(20, revos.get(t.readOnly(), "/revenue-events?limit=100").expect(200).get("items").size(),
                    "the imported wins record their revenue");

            String rep = revos.post(t.member(), "/users", Map.of("name", "Ann Seller", "role", "AE")).expect(201)
                    .get("id").asText();
            String deal = won(t, rep, "Initech platform", 24000);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (receiver.accepted().stream().noneMatch(h -> "org/revos/deal/WON".equals(h.event()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1_000); // time for any late delivery of the import to show up
            List<String> announced = receiver.accepted().stream().map(h -> {
                try {
                    return Revos.JSON.readTree(h.body()).at("/revos/data/objectId").asText();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertTrue(announced.contains(deal), announced.toString());
            Set<String> imported = new java.util.HashSet<>();
            for (JsonNode d : revos.get(t.readOnly(), "/deals?limit=100").expect(200).get("items")) {
                if (d.get("externalId").asText("").startsWith("H-")) {
                    imported.add(d.get("id").asText());
                }
            }
            for (JsonNode r : revos.get(t.readOnly(), "/revenue-events?limit=100").expect(200).get("items")) {
                if (imported.contains(r.get("dealId").asText())) {
                    imported.add(r.get("id").asText());
                }
            }
            assertEquals(40, imported.size(), "20 deals and their revenue events");
            assertTrue(announced.stream().noneMatch(imported::contains), "nothing imported is announced: "
                    + announced);
        }
    }

    @Test
    void aReceiverThatNeverAcceptsGetsItsDeliveryDeadLetteredAndTheOwnerTold() throws Exception {
        Revos.Tenant t = revos.newTenant("webhooks dead letters");
        try (Receiver broken = new Receiver(Integer.MAX_VALUE); Receiver ops = new Receiver(0)) {
            String owner = revos.post(t.member(), "/users", Map.of("name", "Ops Owner", "role", "OPS")).expect(201)
                    .get("id").asText();
            String id = revos.post(t.admin(), "/webhooks", Map.of("url", broken.url(), "events",
                    List.of("org/revos/deal/*"), "maxAttempts", 3, "ownerId", owner)).expect(201).get("id").asText();
            revos.post(t.admin(), "/webhooks", Map.of("url", ops.url(), "events",
                    List.of("org/revos/webhook/DEAD_LETTER"))).expect(201);
            won(t, owner, "Doomed", 1000);

            JsonNode dead = Await.until(() -> revos.get(t.readOnly(), "/webhooks/" + id + "/deliveries?status=DEAD")
                    .expect(200), d -> d.get("items").size() == 1, Duration.ofSeconds(20)).get("items");
            assertEquals(1, dead.size(), "dead-lettered");
            assertEquals(3, dead.get(0).get("attempts").asInt());
            assertTrue(dead.get(0).get("lastError").asText().contains("HTTP 500"), dead.toString());
            assertEquals(3, broken.hits.size(), "exactly the configured attempts");
            JsonNode notice = Revos.JSON.readTree(Await.until(() -> Revos.JSON.valueToTree(ops.accepted().size()),
                    n -> n.asInt() > 0, Duration.ofSeconds(10)).asInt() > 0 ? ops.accepted().get(0).body() : "{}");
            assertTrue(notice.path("text").asText().contains("dead-lettered"), notice.toString());
            assertEquals(id, notice.at("/revos/data/webhookId").asText());

            broken.failuresLeft.set(0);
            revos.post(t.admin(), "/webhooks/" + id + "/deliveries/" + dead.get(0).get("id").asText() + "/retry",
                    Map.of()).expect(200);
            Await.until(() -> revos.get(t.readOnly(), "/webhooks/" + id + "/deliveries?status=DELIVERED")
                    .expect(200), d -> d.get("items").size() == 1, Duration.ofSeconds(10));
            assertEquals(1, broken.accepted().size(), "a retried dead letter is delivered once the receiver works");
        }
    }

    @Test
    void badWebhooksAreRefusedNamingEveryProblemAndOnlyAdminsManageThem() {
        Revos.Tenant t = revos.newTenant("webhooks validation");
        JsonNode refused = revos.post(t.admin(), "/webhooks", Map.of("url", "ftp://example.com/x", "events",
                List.of("deal won"), "secret", "short", "maxAttempts", 99, "colour", "green")).expect(400);
        List<String> fields = StreamSupport.stream(refused.get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).sorted().toList();
        assertEquals(List.of("colour", "events[0]", "maxAttempts", "secret", "url"), fields, refused.toString());
        assertTrue(revos.get(t.readOnly(), "/webhooks").expect(200).get("items").isEmpty());
        revos.post(t.member(), "/webhooks", Map.of("url", "https://hooks.example.com/x", "events",
                List.of("org/revos/*"))).expect(403);
        Revos.Tenant other = revos.newTenant("webhooks other");
        String id = revos.post(t.admin(), "/webhooks", Map.of("url", "https://hooks.example.com/x", "events",
                List.of("org/revos/*"))).expect(201).get("id").asText();
        revos.get(other.readOnly(), "/webhooks/" + id).expect(404);
        revos.delete(other.admin(), "/webhooks/" + id).expect(404);
    }

    /** A deal created in NEGOTIATION and won through the stage engine. */
    private String won(Revos.Tenant t, String owner, String name, int arr) {
        String account = revos.post(t.member(), "/accounts", Map.of("name", name + " Inc")).expect(201).get("id")
                .asText();
        String deal = revos.post(t.member(), "/deals", Map.of("accountId", account, "ownerId", owner, "name", name,
                "arr", arr, "stage", "NEGOTIATION", "properties", Map.of("stakeholders", "CFO", "timeline", "Q3",
                        "budgetRange", "10-50k"))).expect(201).get("id").asText();
        revos.post(t.member(), "/deals/" + deal + "/transitions", Map.of("toStage", "CLOSED_WON")).expect(200);
        return deal;
    }

    /** Verifies {@code t=<ts>,v1=<hex>} the way a receiver would. */
    static boolean verifies(String secret, String header, String body) throws GeneralSecurityException {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts.get("t") + "." + body).getBytes(StandardCharsets.UTF_8));
        return java.security.MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }
}
