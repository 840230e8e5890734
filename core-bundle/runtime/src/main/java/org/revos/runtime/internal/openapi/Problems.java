package org.revos.runtime.internal.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.rest.ProblemResponses;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The RFC 9457 problem document every error is answered with, and one reusable response per status. The examples
 * are rendered by the same code that renders real problems.
 */
final class Problems {

    static final String PROBLEM = "Problem";
    static final String DEFAULT = "Error";
    /** {@code application/problem+json}, spelled without Jakarta REST's run-time delegate. */
    static final String MEDIA_TYPE = ProblemResponses.PROBLEM_JSON.getType() + "/"
            + ProblemResponses.PROBLEM_JSON.getSubtype();

    /** Response component names by status. */
    static final Map<Integer, String> RESPONSES = responses();

    private Problems() {
    }

    private static Map<Integer, String> responses() {
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(400, "BadRequest");
        names.put(401, "Unauthorized");
        names.put(403, "Forbidden");
        names.put(404, "NotFound");
        names.put(409, "Conflict");
        names.put(422, "Unprocessable");
        return Map.copyOf(names);
    }

    /** Adds the Problem schema and the error responses to {@code components}. */
    static void register(Components components) {
        components.putSchema(PROBLEM, problemSchema());
        components.name(PROBLEM, PROBLEM, PROBLEM);
        ObjectNode responses = components.section("responses");
        responses.set("BadRequest", response("The request is malformed or fields are invalid; errors lists every one",
                Problem.invalid(List.of(new FieldError("name", "is required"),
                        new FieldError("country", "must be an ISO-3166 alpha-2 country code such as DE or US")))));
        ObjectNode unauthorized = response("No API key, or the key is unknown or revoked",
                Problem.unauthorized("Send an API key: Authorization: Bearer <key>"));
        unauthorized.putObject("headers").set("WWW-Authenticate", Schemas.object().put("description",
                "Bearer realm=\"revos\"").set("schema", Schemas.type("string")));
        responses.set("Unauthorized", unauthorized);
        responses.set("Forbidden", response("The key's kind or role may not do this",
                Problem.forbidden("A READ_ONLY key may only read")));
        responses.set("NotFound", response("No such object, or it belongs to another tenant",
                Problem.notFound("account", "acc_01JD5W6Q3MZ8XK2N4P7R9T0VBC")));
        responses.set("Conflict", response(
                "The write conflicts with stored data: an Idempotency-Key reused for another request, an externalId "
                        + "already taken, an object still referred to, or a concurrent change",
                Problem.conflict("The account acc_01JD5W6Q3MZ8XK2N4P7R9T0VBC is still in use",
                        List.of(new FieldError("id", "is the accountId of 2 deals; delete them or point them "
                                + "elsewhere first")))));
        responses.set("Unprocessable", response("Well-formed, but a business rule refuses it; errors lists every rule",
                Problem.unprocessable("Refused by a business rule", "The request breaks a business rule",
                        List.of())));
        ObjectNode error = Schemas.object().put("description",
                "Any other error (405, 406, 415, 500, 502 when a plugin's own code failed ...), also as a problem"
                        + " document");
        error.putObject("content").putObject(MEDIA_TYPE).set("schema",
                Schemas.schemaRef(PROBLEM));
        responses.set(DEFAULT, error);
    }

    /** @return a reference to the error response of {@code status} */
    static ObjectNode ref(int status) {
        return Schemas.ref("responses", RESPONSES.get(status));
    }

    private static ObjectNode response(String description, Problem example) {
        ObjectNode response = Schemas.object().put("description", description);
        ObjectNode media = response.putObject("content").putObject(MEDIA_TYPE);
        media.set("schema", Schemas.schemaRef(PROBLEM));
        media.set("example", ProblemResponses.body(example.status(), example.type(), example.title(),
                example.getMessage(), example));
        return response;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = Schemas.freeObject().put("description", "An RFC 9457 problem document");
        schema.putArray("required").add("type").add("title").add("status").add("detail").add("errors");
        ObjectNode properties = schema.putObject("properties");
        properties.set("type", Schemas.type("string").put("format", "uri")
                .put("description", "Identifies the kind of problem, such as " + ProblemResponses.TYPE_BASE
                        + "invalid-request"));
        properties.set("title", Schemas.type("string").put("description", "A short summary of the kind"));
        properties.set("status", Schemas.type("integer").put("minimum", 400).put("maximum", 599));
        properties.set("detail", Schemas.type("string").put("description", "What went wrong with this request"));
        ObjectNode error = Schemas.freeObject();
        error.putArray("required").add("field").add("message");
        ObjectNode errorProperties = error.putObject("properties");
        errorProperties.set("field", Schemas.type("string").put("description",
                "A JSON path such as arr, pacing[2] or properties.budget, a query parameter or a header"));
        errorProperties.set("message", Schemas.type("string"));
        properties.set("errors", Schemas.array(error).put("description", "Every problem with a field, at once"));
        properties.set("incident", Schemas.type("string").put("description", "On a 500 or 502: the id under which"
                + " the runtime's log holds the cause"));
        properties.set("plugin", Schemas.type("string").put("description", "On a 502: the plugin (or engine) whose"
                + " own code failed to answer"));
        return schema;
    }
}
