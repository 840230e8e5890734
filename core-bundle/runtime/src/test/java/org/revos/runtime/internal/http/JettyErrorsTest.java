package org.revos.runtime.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.revos.runtime.internal.json.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** Jetty's own errors become problem documents in plain words; server errors carry an incident id. */
class JettyErrorsTest {

    private static JsonNode body(int status, String reason) throws IOException {
        return Json.MAPPER.readTree(ProblemErrorHandler.body(status, reason, new IllegalStateException("boom")));
    }

    @Test
    void aBadPathSaysWhatPathsMayHold() throws IOException {
        JsonNode problem = body(400, "Ambiguous URI empty segment");
        assertEquals(400, problem.get("status").asInt());
        assertEquals("https://revos.dev/problems/invalid-request", problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains("ambiguous uri empty segment"), problem.toString());
        assertTrue(problem.get("errors").isArray());
    }

    @Test
    void tooLongAndTooLargeAreNamed() throws IOException {
        assertEquals("URI too long", body(414, "URI Too Long").get("title").asText());
        assertEquals("Request header fields too large", body(431, null).get("title").asText());
        assertTrue(body(400, "Bad Transfer-Encoding, chunked not last").get("detail").asText().contains("framing"));
    }

    @Test
    void aServerErrorCarriesAnIncidentAndNoJava() throws IOException {
        JsonNode problem = body(500, "java.lang.IllegalStateException: boom");
        assertEquals(500, problem.get("status").asInt());
        String incident = problem.get("incident").asText();
        assertTrue(problem.get("detail").asText().contains(incident));
        assertFalse(problem.toString().contains("IllegalStateException"), problem.toString());
    }

    @Test
    void reasonsThatLookLikeCodeAreNotRepeated() {
        assertFalse(JettyErrorText.of(501, "org.eclipse.jetty.Foo$Bar").detail().contains("org.eclipse"));
    }
}
