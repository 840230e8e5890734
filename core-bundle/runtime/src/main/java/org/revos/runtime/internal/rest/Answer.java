package org.revos.runtime.internal.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a write: status, JSON body and, for creations, the new object's path under {@code /api/v1}.
 */
public record Answer(int status, JsonNode body, String location) {

    public static Answer created(String location, JsonNode body) {
        return new Answer(201, body, location);
    }

    public static Answer ok(JsonNode body) {
        return new Answer(200, body, null);
    }

    Response toResponse(boolean replayed) {
        Response.ResponseBuilder response = Response.status(status).type("application/json").entity(body);
        if (location != null) {
            response.location(URI.create("/api/v1/" + location));
        }
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}
