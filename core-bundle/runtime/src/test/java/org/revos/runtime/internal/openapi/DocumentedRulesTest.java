package org.revos.runtime.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.revos.api.model.Period;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.runtime.internal.plugins.PluginConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The document states the rules the parsers enforce: no request body is an object of unknown members, and the
 * patterns the resources state accept what their parsers accept (tried on generated text against the parser itself).
 */
class DocumentedRulesTest {

    private static final ObjectNode DOC = CoreResources.everything();

    @Test
    void noRequestBodyIsAnObjectOfUnknownMembers() {
        List<String> untyped = new ArrayList<>();
        int bodies = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = DOC.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (JsonNode media : op.getValue().at("/requestBody/content")) {
                    bodies++;
                    if (untyped(resolve(media.path("schema")))) {
                        untyped.add(op.getKey() + " " + path.getKey());
                    }
                }
            }
        }
        assertTrue(bodies > 30, "bodies: " + bodies);
        assertEquals(List.of(), untyped);
    }

    @Test
    void theBodiesThatWereFreeObjectsAreNamedAndClosed() {
        JsonNode schemas = DOC.at("/components/schemas");
        // the integration engine's (SyncDefinitionCreate, ImportMappings) are its own IntegrationDocumentTest's
        for (String name : List.of("TenantCreate", "ApiKeyCreate", "TenantPluginSetting")) {
            JsonNode schema = schemas.path(name);
            assertTrue(schema.isObject(), name + " is listed");
            List<JsonNode> shapes = new ArrayList<>();
            schema.path("oneOf").forEach(shapes::add);
            if (shapes.isEmpty()) {
                shapes.add(schema);
            }
            shapes.forEach(shape -> assertEquals(false, shape.path("additionalProperties").asBoolean(true),
                    name + " admits no member it does not list: " + shape));
        }
        assertEquals(List.of("name", "role"), required(schemas.get("ApiKeyCreate")));
    }

    // ---- the stated patterns against the parsers ----

    @Property(tries = 3000)
    void periodPatternIsWhatPeriodParseReads(@ForAll("periods") String text) {
        boolean parses;
        try {
            Period.parse(text);
            parses = true;
        } catch (DateTimeParseException e) {
            parses = false;
        }
        // Period.parse trims; the document states the form without white space around it
        assertEquals(parses && text.equals(text.trim()), Pattern.compile(JsonSchemas.PERIOD_PATTERN).matcher(text)
                .find(), text);
    }

    @Provide
    Arbitrary<String> periods() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789-Q ").ofMaxLength(9),
                Arbitraries.of("2026", "2026-Q3", "2026-07", "2026-13", "2026-Q5", "2026-00", "226", " 2026"));
    }

    @Property(tries = 3000)
    void whatTheInstantPatternAdmitsInstantParseReads(@ForAll("instants") String text) {
        // the pattern states the shape; the date-time format beside it, that the day exists (no 30 February)
        if (Pattern.compile(JsonSchemas.INSTANT_PATTERN).matcher(text).find() && dayExists(text)) {
            try {
                Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new AssertionError(text + " matches the pattern but Instant.parse refuses it", e);
            }
        }
    }

    private static boolean dayExists(String text) {
        try {
            java.time.LocalDate.parse(text.substring(0, 10));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> instants() {
        Arbitrary<String> made = Arbitraries.longs().between(0, 4_000_000_000_000L).map(ms -> Instant.ofEpochMilli(ms)
                .toString());
        return Arbitraries.oneOf(made, made.map(s -> s.replace("Z", "+02:00")), Arbitraries.strings()
                .withChars("0123456789-T:Z.+").ofMinLength(18).ofMaxLength(26), Arbitraries.of(
                        "2026-02-30T10:00:00Z", "2026-07-15T24:00:00Z", "2026-07-15T10:00:60Z"));
    }

    @Test
    void instantsAsRevosWritesThemMatchThePattern() {
        Pattern pattern = Pattern.compile(JsonSchemas.INSTANT_PATTERN);
        for (String s : List.of("2026-07-15T10:00:00Z", "2026-07-15T10:00:00.123Z", "2026-07-15T10:00:00+02:00")) {
            assertTrue(pattern.matcher(s).find(), s);
        }
    }

    @Property(tries = 3000)
    void pluginSettingNamesAreWhatPluginConfigTakes(@ForAll("settingNames") String name) {
        JsonNode names = PluginConfig.schema().get("propertyNames");
        boolean documented = Pattern.compile(names.get("pattern").asText()).matcher(name).find()
                && !Pattern.compile(names.at("/not/pattern").asText()).matcher(name).find();
        Violations v = new Violations();
        PluginConfig.validate(JsonNodeFactory.instance.objectNode().put(name, "x"), v);
        assertEquals(v.isEmpty(), documented, name + ": " + v.list());
    }

    @Provide
    Arbitrary<String> settingNames() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aAsSeErRvViIcCoOfFlLgGx_.-9 ").ofMaxLength(12),
                Arbitraries.of("service.pid", "Service.x", "SERVICE.", "osgi.x", "Felix.y", "revos.tenant",
                        "component.name", "objectClass", "objectclass", "servicex", "_a", "a".repeat(101)),
                Arbitraries.of("service.", "component.", "osgi.", "felix.", "revos.").flatMap(p -> Arbitraries
                        .strings().withChars("aZ._").ofMaxLength(3).map(tail -> mixCase(p) + tail)));
    }

    private static String mixCase(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            out.append(i % 2 == 0 ? Character.toUpperCase(s.charAt(i)) : s.charAt(i));
        }
        return out.toString();
    }

    @Property(tries = 2000)
    void customPropertyKeysAreWhatThePropertiesFieldTakes(@ForAll("propertyKeys") String key) {
        ObjectNode schema = FieldTypes.properties().schema();
        boolean documented = Pattern.compile(schema.at("/propertyNames/pattern").asText()).matcher(key).find();
        Violations v = new Violations();
        FieldTypes.properties().parse(JsonNodeFactory.instance.objectNode().put(key, "x"), "properties", v);
        assertEquals(v.isEmpty(), documented, key + ": " + v.list());
    }

    @Provide
    Arbitrary<String> propertyKeys() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09_-. ").ofMaxLength(8),
                Arbitraries.of("a".repeat(64), "a".repeat(65), "_a", "9a", "budget_2026"));
    }

    @Test
    void everyDocumentedTimeZoneAndCurrencyIsAccepted() {
        JsonNode tenant = DOC.at("/components/schemas/TenantCreate/properties");
        JsonNode zone = tenant.at("/timeZone/anyOf/0/anyOf");
        zone.get(0).get("enum").forEach(z -> ZoneId.of(z.asText()));
        Pattern offsets = Pattern.compile(zone.get(1).get("pattern").asText());
        for (String offset : List.of("Z", "+01", "+01:00", "-0530", "UTC+01:00", "GMT-11", "UT+18:00", "+18")) {
            assertTrue(offsets.matcher(offset).find(), offset);
            ZoneId.of(offset);
        }
        for (String refused : List.of("+19", "UTC+25:00", "Europe/Nowhere", "")) {
            assertTrue(!offsets.matcher(refused).find(), refused);
            try {
                ZoneId.of(refused);
                throw new AssertionError(refused + " should be refused by ZoneId.of");
            } catch (DateTimeException expected) {
                // as documented
            }
        }
        tenant.at("/currency/enum").forEach(c -> {
            if (!c.isNull()) {
                Currency.getInstance(c.asText());
            }
        });
    }

    private static List<String> required(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        names.sort(null);
        return names;
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = DOC.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    /** @return whether a body schema says nothing of its members: an object without properties or value schema */
    private static boolean untyped(JsonNode schema) {
        if (schema.has("oneOf") || schema.has("anyOf")) {
            for (JsonNode option : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) {
                if (untyped(resolve(option))) {
                    return true;
                }
            }
            return false;
        }
        String type = schema.path("type").asText("");
        if (schema.isEmpty()) {
            return true;
        }
        return type.equals("object") && !schema.has("properties") && !schema.path("additionalProperties")
                .isObject();
    }
}
