package org.revos.runtime.internal.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders problems as RFC 9457 documents. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    public static final String TYPE_BASE = "https://revos.dev/problems/";

    private ProblemResponses() {
    }

    public static Response of(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON)
                .entity(body(problem.status(), problem.type(), problem.title(), problem.getMessage(), problem));
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"revos\"");
        } else if (problem.status() == 503) {
            response.header("Retry-After", "1");
        }
        return response.build();
    }

    /** @return the 500 problem of a defect: it names the incident that the runtime's log has the details of */
    public static ObjectNode incident(String incident) {
        ObjectNode body = body(500, "internal-error", "Internal error", "The request failed unexpectedly; incident "
                + incident + " is in the runtime's log", null);
        body.put("incident", incident);
        return body;
    }

    public static ObjectNode body(int status, String type, String title, String detail, Problem problem) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        ArrayNode errors = body.putArray("errors");
        if (problem != null) {
            for (FieldError error : problem.errors()) {
                errors.addObject().put("field", error.field()).put("message", error.message());
            }
        }
        return body;
    }
}
