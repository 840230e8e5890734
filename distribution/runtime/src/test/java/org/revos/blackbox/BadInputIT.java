package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.revos.blackbox.plugins.TestJars;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reproductions of a black-box probe (fuzzing from the OpenAPI document and hand-made bad inputs): each answered
 * 500, HTML or Java text before. Every one is now a problem document with the right status and plain words.
 */
@ExtendWith(RevosExtension.class)
class BadInputIT {

    /** What a message that leaks Java looks like. */
    private static final Pattern JAVA = Pattern.compile(
            "[a-z]+\\.[a-z]+\\.[A-Z]|Exception|FAIL_ON|JsonNode|JsonReadFeature|Feature\\b|`");
    private static final String JAR = "application/java-archive";

    private final Revos revos;

    BadInputIT(Revos revos) {
        this.revos = revos;
    }

    private static JsonNode problem(Revos.Reply reply, int status) {
        assertEquals(status, reply.status(), () -> reply.raw().body());
        assertEquals("application/problem+json", reply.header("Content-Type"), () -> reply.raw().body());
        assertFalse(JAVA.matcher(reply.raw().body()).find(), reply.raw().body());
        return reply.body();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static void problem(RawHttp.Answer answer, int status, String what) {
        assertEquals(status, answer.status(), what + ": " + answer.body());
        assertEquals("application/problem+json", answer.header("Content-Type"), what + ": " + answer.body());
        JsonNode body;
        try {
            body = Revos.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(what + " answered no JSON: " + answer.body(), e);
        }
        assertEquals(status, body.get("status").asInt(), what);
        assertTrue(body.get("detail").isTextual() && body.get("errors").isArray(), what + ": " + body);
        assertFalse(JAVA.matcher(answer.body()).find(), what + ": " + answer.body());
    }

    @Test
    void anExplicitNullIsAnAbsentMemberOnPostAndClearsOrIsRefusedByNameOnPatch() {
        Revos.Tenant t = revos.newTenant("nulls");
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Globex")).expect(201).get("id").asText();
        JsonNode deal = revos.post(t.member(), "/deals", "{\"accountId\": \"" + account + "\", \"name\": \"D\","
                + " \"arr\": null, \"ownerId\": null}").expect(201);
        assertEquals(0, deal.get("arr").decimalValue().signum());
        String id = deal.get("id").asText();
        assertEquals(List.of("arr"), fields(problem(revos.patch(t.member(), "/deals/" + id, "{\"arr\": null}"), 400)));
        assertEquals(List.of("name"), fields(problem(revos.patch(t.member(), "/deals/" + id, "{\"name\": null}"),
                400)));
        assertTrue(revos.patch(t.member(), "/deals/" + id, "{\"closeDate\": \"2026-09-30\"}").expect(200)
                .get("closeDate").isTextual());
        assertTrue(revos.patch(t.member(), "/deals/" + id, "{\"closeDate\": null}").expect(200).get("closeDate")
                .isNull(), "null clears an optional field");

        revos.post(t.member(), "/activities", "{\"type\": \"CALL\", \"accountId\": \"" + account + "\","
                + " \"occurredAt\": null}").expect(201);
        revos.post(t.admin(), "/adoption/initiatives", "{\"name\": \"Adopt\", \"phases\": null}").expect(201);
        assertEquals(0, revos.post(t.member(), "/revenue-events", "{\"accountId\": \"" + account + "\", \"kind\":"
                + " \"NEW\", \"arrDelta\": 100, \"occurredAt\": \"2026-01-01T00:00:00Z\", \"seatsDelta\": null}")
                .expect(201).get("seatsDelta").asInt());
    }

    @Test
    void anEmptyOrBlankBodyAsksForAJsonObject() {
        Revos.Tenant t = revos.newTenant("empty bodies");
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Globex")).expect(201).get("id").asText();
        for (String body : List.of("", "   \n\t")) {
            for (Revos.Reply reply : List.of(revos.post(t.member(), "/deals", body),
                    revos.patch(t.member(), "/accounts/" + account, body))) {
                JsonNode problem = problem(reply, 400);
                assertEquals("body", problem.get("errors").get(0).get("field").asText());
                assertTrue(problem.get("detail").asText().contains("the request needs a JSON object body"));
            }
        }
    }

    @Test
    void valuesTooBigForTheStoreNameTheFieldAndTheLimit() {
        Revos.Tenant t = revos.newTenant("too big");
        JsonNode target = problem(revos.post(t.member(), "/goals", "{\"kpi\": \"won_revenue\", \"period\": \"2026\","
                + " \"target\": 1e20}"), 400);
        assertEquals(List.of("target"), fields(target));
        assertTrue(target.get("detail").asText().contains("at most 15 digits"), target.toString());

        StringBuilder properties = new StringBuilder("{\"name\": \"Globex\", \"properties\": {");
        for (int i = 0; i < 20; i++) {
            properties.append(i == 0 ? "" : ",").append("\"p").append(i).append("\": \"").append("x".repeat(1900))
                    .append('"');
        }
        JsonNode stored = problem(revos.post(t.member(), "/accounts", properties + "}}"), 400);
        assertEquals(List.of("properties"), fields(stored));
        assertTrue(stored.get("detail").asText().contains("at most 32000 fit"), stored.toString());
    }

    @Test
    void textWithControlCharactersIsRefusedByField() {
        Revos.Tenant t = revos.newTenant("controls");
        JsonNode nul = problem(revos.post(t.member(), "/accounts", "{\"name\": \"Glo\\u0000bex\"}"), 400);
        assertEquals(List.of("name"), fields(nul));
        assertEquals(List.of("name"), fields(problem(revos.post(t.member(), "/users", "{\"name\": \"a\\u0007b\","
                + " \"role\": \"AE\"}"), 400)));
        assertEquals("two\nlines", revos.post(t.member(), "/accounts", "{\"name\": \"two\\nlines\"}").expect(201)
                .get("name").asText());
    }

    @Test
    void queryParametersAnOperationDoesNotTakeAreNamedNotIgnored() {
        Revos.Tenant t = revos.newTenant("stray parameters");
        JsonNode none = problem(revos.get(RevosProcess.ADMIN_KEY, "/admin/tenants/" + t.id() + "?limit=5&expand=all"),
                400);
        assertEquals(List.of("expand", "limit"), none.get("errors").findValuesAsText("field"), none::toString);
        assertTrue(none.toString().contains("takes none"), none::toString);
        JsonNode misspelt = problem(revos.send(RevosProcess.ADMIN_KEY, "POST", "/admin/plugins/org.revos.kpi.funnel"
                + "/restore?allowDowngrad=true", null, Map.of()), 400);
        assertEquals(List.of("allowDowngrad"), misspelt.get("errors").findValuesAsText("field"), misspelt::toString);
        assertEquals("ACTIVE", revos.get(RevosProcess.ADMIN_KEY, "/admin/plugins/org.revos.kpi.funnel").expect(200)
                .get("state").asText(), "nothing happened");
        // an operation's own parameters and a list's filters still work
        revos.get(t.readOnly(), "/accounts?limit=5").expect(200);
        revos.get(RevosProcess.ADMIN_KEY, "/admin/tenants/" + t.id()).expect(200);
    }

    @Test
    void noAnswerToBadJsonNamesJava() {
        Revos.Tenant t = revos.newTenant("no java");
        List<String> bodies = List.of("{\"name\": \"a\"} {}", "{\"name\": \"a\"}]", "{\"name\": [1, 2]}",
                "{\"name\": {\"x\": 1}}", "{\"employees\": \"many\"}", "{\"employees\": 1e400}",
                "{\"employees\": 1.5e3000000000}", "{\"employees\": " + "9".repeat(1500) + "}",
                "{\"name\": \"a\", \"name\": \"b\"}", "[" + "[".repeat(1100) + "]".repeat(1101), "{\"name\": tru}",
                "{'name': 'a'}", "{\"name\": \"a\",}", "\"just a string\"", "nul");
        for (String body : bodies) {
            JsonNode problem = problem(revos.post(t.member(), "/accounts", body), 400);
            assertFalse(problem.get("errors").isEmpty(), body + " → " + problem);
        }
        problem(revos.post(t.member(), "/goals", "{\"kpi\": \"won_revenue\", \"period\": \"2026\", \"target\":"
                + " 1e-2147483647}"), 400);
    }

    @Test
    void everyBadPathAndMalformedHeaderIsAProblemDocument() throws IOException {
        int port = revos.process().port();
        List<String> paths = List.of("/api/v1/jobs/%16", "/api/v1/accounts/acc_%00", "/api/v1/accounts/a%2Fb",
                "/api/v1/..;/accounts", "/api/v1/accounts/%5c", "//api/v1/accounts", "/api/v1//accounts");
        for (String path : paths) {
            for (String method : List.of("GET", "DELETE", "PATCH", "PUT", "POST")) {
                boolean body = !method.equals("GET") && !method.equals("DELETE");
                problem(RawHttp.send(port, method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                        + (body ? "\r\nContent-Type: application/json\r\nContent-Length: 2" : ""), body ? "{}" : "",
                        false, Duration.ofSeconds(30)), 400, method + " " + path);
            }
        }
        problem(RawHttp.send(port, "POST /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: ;;;\r\nContent-Length: 2", "{}", false, Duration.ofSeconds(30)), 400,
                "a malformed Content-Type");
        problem(RawHttp.send(port, "GET /api/v1/accounts?q=" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close"), 414, "a very long URI");
        problem(RawHttp.send(port, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Big: "
                + "a".repeat(70_000)), 431, "a huge header");
        problem(RawHttp.send(port, "GET /nothing-here HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"), 404,
                "a path outside the API");
        assertEquals(200, revos.get(null, "/health").status(), "the runtime serves on");
    }

    @Test
    void aBodyThatEndsEarlyOrBreaksItsFramingIsTheClientsError() throws IOException {
        Revos.Tenant t = revos.newTenant("framing");
        int port = revos.process().port();
        String head = "POST /api/v1/accounts HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + t.member()
                + "\r\nContent-Type: application/json\r\n";
        problem(RawHttp.send(port, head + "Content-Length: 100", "{\"name\":", true, Duration.ofSeconds(30)), 400,
                "a body shorter than its Content-Length");
        problem(RawHttp.send(port, head + "Transfer-Encoding: gzip, chunked", "\u001f\u008b\u0008 not chunked", true,
                Duration.ofSeconds(30)), 400, "gzip, chunked with a body that is not chunked");
        problem(RawHttp.send(port, head + "Transfer-Encoding: gzip", "{}", false, Duration.ofSeconds(30)), 400,
                "a transfer coding without chunked");
    }

    /** A body that stops arriving is answered 408 when the idle timeout (2 s here, 60 s by default) runs out. */
    @Test
    void aBodyThatStopsArrivingIsARequestTimeout() throws Exception {
        try (RevosProcess impatient = RevosProcess.start(Map.of("REVOS_HTTP_IDLE_TIMEOUT", "2"))) {
            long start = System.nanoTime();
            RawHttp.Answer answer = RawHttp.send(impatient.port(), "POST /api/v1/admin/tenants HTTP/1.1\r\nHost:"
                    + " 127.0.0.1\r\nAuthorization: Bearer " + RevosProcess.ADMIN_KEY + "\r\nContent-Type:"
                    + " application/json\r\nContent-Length: 100", "{\"name\":", false, Duration.ofSeconds(30));
            problem(answer, 408, "a body that stopped arriving");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "answered at the timeout");
        }
    }

    @Test
    void pluginJarsBeyondTheBoundsAreRefusedBeforeAnythingIsInstalled() {
        JsonNode bomb = problem(revos.sendBytes(RevosProcess.ADMIN_KEY, "POST", "/admin/plugins",
                TestJars.bombPlugin("org.acme.bomb", 1L << 30), JAR), 422);
        assertEquals(List.of("compression ratio"), fields(bomb));
        JsonNode many = problem(revos.sendBytes(RevosProcess.ADMIN_KEY, "POST", "/admin/plugins",
                TestJars.manyEntriesPlugin("org.acme.many", 20_000), JAR), 422);
        assertEquals(List.of("entries"), fields(many));
        String installed = revos.get(RevosProcess.ADMIN_KEY, "/admin/plugins").expect(200).toString();
        assertFalse(installed.contains("org.acme.bomb") || installed.contains("org.acme.many"), installed);
    }
}
