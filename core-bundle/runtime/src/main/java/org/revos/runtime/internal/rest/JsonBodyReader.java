package org.revos.runtime.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import org.revos.kernel.spi.Problem;
import org.revos.runtime.internal.json.Json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads every JSON request body of the API. A body must be exactly one JSON value: an empty or blank body, trailing
 * content, malformed JSON and numbers no decimal can hold are 400 problems that say what is wrong and where, in plain
 * words. A failure of the connection itself (the client stopped sending) is left to {@link RequestBodyFailures}.
 */
@Provider
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json" })
public final class JsonBodyReader implements MessageBodyReader<JsonNode> {

    static final String NO_BODY = "the request needs a JSON object body";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == JsonNode.class;
    }

    @Override
    public JsonNode readFrom(Class<JsonNode> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        return read(entityStream);
    }

    /**
     * @throws Problem 400 naming what is wrong with the body
     * @throws IOException when the body cannot be received
     */
    static JsonNode read(InputStream in) throws IOException {
        try (JsonParser parser = Json.MAPPER.createParser(in)) {
            try {
                if (parser.nextToken() == null) {
                    throw Problem.invalid("body", NO_BODY);
                }
                JsonNode body = Json.MAPPER.readTree(parser);
                JsonToken after = parser.nextToken();
                if (after != null) {
                    throw MalformedJson.problem(null, parser.currentTokenLocation(), "has more after the JSON value"
                            + " ends; send one JSON object");
                }
                return body;
            } catch (JsonProcessingException e) {
                throw MalformedJson.of(e, parser.getParsingContext());
            } catch (NumberFormatException | ArithmeticException e) {
                throw MalformedJson.unreadableNumber(parser.getParsingContext(), parser.currentTokenLocation());
            }
        }
    }
}
