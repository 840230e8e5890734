package org.revos.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.revos.api.query.Facts;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.runtime.internal.openapi.DiscoveredResource;
import org.revos.runtime.internal.openapi.OpenApiGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's resources state in the kernel's OpenAPI document what their parsers read: the query parameters read
 * through {@code UriInfo} ({@code period}, {@code asOf}, one filter per fact dimension, by
 * {@link org.revos.kernel.spi.rest.QueryFrom}), their patterns, and the closed body of the KPI settings.
 */
class KpiDocumentTest {

    private static final ObjectNode DOC = OpenApiGenerator.generate("1.0.0", List.of(KpisResource.class,
            RevenueSummaryResource.class, GoalsPacingResource.class, GoalMatrixResource.class,
            KpiSettingsResource.class).stream().map(c -> new DiscoveredResource(c, "org.revos.kpi")).toList());

    @Test
    void kpiQueriesNameEveryParameterTheyRead() {
        List<String> expected = new ArrayList<>(List.of("period", "asOf"));
        expected.addAll(Facts.DIMENSIONS);
        assertTrue(names("/kpis/{kpiId}").containsAll(expected), () -> names("/kpis/{kpiId}").toString());
        assertTrue(parameter("/kpis/{kpiId}", "period").get("required").asBoolean());
        assertFalse(parameter("/revenue/summary", "period").get("required").asBoolean(), "it has a default");
        assertTrue(names("/goal-matrix").containsAll(List.of("kpis", "periods", "asOf", "team", "ownerId")));
        assertFalse(names("/goal-matrix").contains("period"), "the matrix takes periods, not period");
    }

    @Test
    void periodsAndInstantsStateTheirPatterns() {
        assertEquals(JsonSchemas.PERIOD_PATTERN, parameter("/revenue/summary", "period").at("/schema/pattern")
                .asText());
        assertEquals(JsonSchemas.INSTANT_PATTERN, parameter("/goals/{id}/pacing", "at").at("/schema/pattern")
                .asText());
        assertEquals(JsonSchemas.INSTANT_PATTERN, parameter("/kpis/{kpiId}", "asOf").at("/schema/pattern")
                .asText());
    }

    @Test
    void theSettingsBodyIsClosed() {
        JsonNode schema = DOC.at("/components/schemas/KpiSettings");
        assertTrue(schema.isObject(), DOC.at("/components/schemas")::toString);
        assertEquals(false, schema.path("additionalProperties").asBoolean(true), schema::toString);
    }

    private static List<String> names(String path) {
        List<String> names = new ArrayList<>();
        for (JsonNode p : parameters(path)) {
            names.add(p.path("name").asText());
        }
        return names;
    }

    private static JsonNode parameter(String path, String name) {
        for (JsonNode p : parameters(path)) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("GET " + path + " has no parameter " + name);
    }

    private static List<JsonNode> parameters(String path) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : DOC.at("/paths/" + path.replace("/", "~1") + "/get/parameters")) {
            out.add(p.has("$ref") ? DOC.at(p.get("$ref").asText().substring(1)) : p);
        }
        assertFalse(out.isEmpty(), "GET " + path + " has parameters");
        return out;
    }
}
