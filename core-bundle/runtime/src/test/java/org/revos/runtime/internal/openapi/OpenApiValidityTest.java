package org.revos.runtime.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The generated documents are valid OpenAPI 3.1: a real parser reads them without a complaint, every reference
 * resolves, every path template has its parameter, and operation ids are unique.
 */
class OpenApiValidityTest {

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    static List<ObjectNode> documents() {
        return List.of(CoreResources.document(), CoreResources.everything(), OpenApiGenerator.generate("1",
                CoreResources.discovered(
                SampleResources.GreetingResource.class, SampleResources.ForecastResource.class,
                SampleResources.LineStore.class, SampleResources.ScoresResource.class)));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void anOpenApiParserReadsItWithoutMessages(ObjectNode doc) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
        assertEquals(List.of(), result.getMessages());
        OpenAPI api = result.getOpenAPI();
        assertNotNull(api);
        assertEquals(SpecVersion.V31, api.getSpecVersion());
        PathItem accounts = api.getPaths().get("/accounts");
        assertNotNull(accounts.getGet());
        assertNotNull(accounts.getPost());
        assertTrue(api.getComponents().getSchemas().get("Account").getProperties().containsKey("arr"));
    }

    @Test
    void theParserWouldNoticeABrokenDocument() {
        ObjectNode broken = CoreResources.document();
        broken.remove("info");
        ((ObjectNode) broken.at("/paths/~1accounts/get")).remove("responses");
        ((ObjectNode) broken.at("/paths/~1accounts/post")).put("requestBody", "not an object");
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(broken.toString(), null, new ParseOptions());
        assertTrue(result.getMessages().size() >= 3, String.valueOf(result.getMessages()));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyReferenceResolves(ObjectNode doc) {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyPathTemplateHasItsPathParameterAndOperationIdsAreUnique(ObjectNode doc) {
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            Set<String> templates = new HashSet<>();
            Matcher m = TEMPLATE.matcher(path.getKey());
            while (m.find()) {
                templates.add(m.group(1));
            }
            for (JsonNode operation : path.getValue()) {
                Set<String> declared = new HashSet<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    JsonNode p = parameter.has("$ref") ? doc.at(parameter.get("$ref").asText().substring(1))
                            : parameter;
                    if (p.get("in").asText().equals("path")) {
                        declared.add(p.get("name").asText());
                        assertTrue(p.get("required").asBoolean(), path.getKey());
                    }
                }
                assertEquals(templates, declared, path.getKey());
                assertTrue(ids.add(operation.get("operationId").asText()), operation.get("operationId").asText());
                operation.get("responses").forEach(r -> assertTrue(r.has("description") || r.has("$ref"),
                        path.getKey() + ": " + r));
            }
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
