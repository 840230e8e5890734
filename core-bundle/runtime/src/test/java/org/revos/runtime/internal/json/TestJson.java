package org.revos.runtime.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** JSON for tests, written with single quotes so it reads well inside Java strings. */
public final class TestJson {

    private TestJson() {
    }

    /** @return {@code text} with {@code '} read as {@code "}, parsed by the API's mapper */
    public static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + text, e);
        }
    }
}
