package org.revos.runtime.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revos.runtime.internal.openapi.OpenApiGeneratorTest.fieldNames;
import static org.revos.runtime.internal.openapi.OpenApiGeneratorTest.names;
import static org.revos.runtime.internal.openapi.OpenApiGeneratorTest.texts;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plugin-shaped resources: what reflection alone must find out. */
class ResourceMethodsTest {

    private static final String PLUGIN = "org.example.forecasting";

    private final ObjectNode doc = OpenApiGenerator.generate("1", List.of(
            new DiscoveredResource(SampleResources.GreetingResource.class, PLUGIN),
            new DiscoveredResource(SampleResources.ForecastResource.class, PLUGIN),
            new DiscoveredResource(SampleResources.LineStore.class, PLUGIN),
            new DiscoveredResource(SampleResources.ScoresResource.class, PLUGIN),
            new DiscoveredResource(SampleResources.NotAResource.class, PLUGIN),
            DiscoveredResource.core(org.revos.runtime.internal.rest.AccountsResource.class)));

    @Test
    void annotationsOnInterfacesAreInheritedAndTemplateExpressionsBecomePatterns() {
        JsonNode hello = doc.at("/paths/~1greetings~1hello~1{name}/get");
        assertEquals(List.of("name", "times"), names(hello.get("parameters")));
        assertEquals("^[a-z]+$", hello.at("/parameters/0/schema/pattern").asText());
        assertTrue(hello.at("/parameters/0/required").asBoolean());
        assertEquals(1, hello.at("/parameters/1/schema/default").asInt());
        assertEquals("integer", hello.at("/parameters/1/schema/type").asText());
        assertEquals("string", hello.at("/responses/200/content/text~1plain/schema/type").asText());
        assertEquals(Set.of("/greetings/hello/{name}"), pathsStartingWith("/greetings"), "helper() is no endpoint");
    }

    @Test
    void recordsBecomeComponentSchemasOfTheirJsonProperties() {
        JsonNode all = doc.at("/paths/~1forecasts/get");
        assertEquals("#/components/schemas/Forecast",
                all.at("/responses/200/content/application~1json/schema/items/$ref").asText());
        JsonNode forecast = doc.at("/components/schemas/Forecast/properties");
        assertEquals("string", forecast.at("/quarter/type").asText());
        assertEquals("number", forecast.at("/amount/type").asText());
        assertEquals("#/components/schemas/Line", forecast.at("/lines/items/$ref").asText());
        assertEquals("[\"string\",\"null\"]", forecast.at("/at/type").toString());
        assertEquals("date-time", forecast.at("/at/format").asText());
        assertTrue(forecast.at("/category/enum").toString().contains("WON"));
        assertTrue(forecast.at("/labels/uniqueItems").asBoolean());
        assertEquals("integer", forecast.at("/counts/additionalProperties/type").asText());
        assertEquals(List.of("cents"), texts(doc.at("/components/schemas/Line/required")), "primitives are always there");
        assertEquals("#/components/schemas/Forecast",
                doc.at("/paths/~1forecasts/post/requestBody/content/application~1json/schema/$ref").asText());
    }

    @Test
    void beanParamsSubResourcesFormsAndGenericBasesAreRead() {
        assertEquals(List.of("page", "X-Trace"), names(doc.at("/paths/~1forecasts/get/parameters")));
        assertEquals(Set.of("get"), fieldNames(doc.at("/paths/~1forecasts~1{id}~1notes")));
        JsonNode delete = doc.at("/paths/~1forecasts~1{id}~1notes~1{noteId}/delete");
        assertEquals(List.of("id", "noteId"), names(delete.get("parameters")));
        assertEquals(Set.of("204", "401", "403", "404", "409", "default"), fieldNames(delete.get("responses")));
        JsonNode rename = doc.at("/paths/~1forecasts~1{id}~1title/put");
        assertEquals("string", rename.at(
                "/requestBody/content/application~1x-www-form-urlencoded/schema/properties/title/type").asText());
        assertTrue(rename.at("/responses/2XX").isObject(), "a Response's status is known at run time only");
        assertEquals("#/components/schemas/Line",
                doc.at("/paths/~1lines/post/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Line",
                doc.at("/paths/~1lines/post/responses/200/content/application~1json/schema/$ref").asText());
    }

    @Test
    void pluginOperationsSayWhoProvidesThemAndMayAnswer404() {
        JsonNode scores = doc.at("/paths/~1scores/get");
        assertEquals(PLUGIN, scores.get("x-revos-plugin").asText());
        assertEquals(PLUGIN, scores.at("/tags/0").asText());
        assertEquals("#/components/responses/NotFound", scores.at("/responses/404/$ref").asText());
        assertTrue(scores.get("description").asText().contains(PLUGIN));
        assertTrue(doc.get("tags").toString().contains(PLUGIN));
    }

    @Test
    void aPluginTypeNamedLikeACoreSchemaGetsItsQualifiedName() {
        String ref = doc.at("/paths/~1scores/get/responses/200/content/application~1json/schema/items/$ref").asText();
        assertEquals("#/components/schemas/" + SampleResources.Account.class.getName().replace('$', '.'), ref);
        assertTrue(doc.at("/components/schemas/Account/properties/arr").isObject(), "the core account keeps its name");
    }

    @Test
    void aPathAndMethodServedTwiceIsDescribedOnce() {
        ObjectNode twice = OpenApiGenerator.generate("1", List.of(
                DiscoveredResource.core(org.revos.runtime.internal.rest.AccountsResource.class),
                new DiscoveredResource(SampleResources.ShadowAccounts.class, PLUGIN)));
        assertEquals("accountsList", twice.at("/paths/~1accounts/get/operationId").asText(), "the core is read first");
    }

    private Set<String> pathsStartingWith(String prefix) {
        Set<String> paths = fieldNames(doc.get("paths"));
        paths.removeIf(p -> !p.startsWith(prefix));
        return paths;
    }
}
