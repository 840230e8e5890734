package org.revos.blackbox.fuzz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Values from the JSON Schemas of an OpenAPI 3.1 document: {@link #valid} makes a value the schema admits (required
 * members, enums, formats, patterns, lengths, bounds (exclusive ones too) and multiples honoured; one shape of a
 * {@code oneOf}; mostly one of the {@code examples} or the {@code default} where the schema gives them, as those are
 * values the server knows, such as an import format a plugin provides; ids of objects that exist where a member
 * names one),
 * {@link #invalid} one that breaks exactly one of its rules and says which.
 */
public final class SchemaValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How the document names the referent of an id member: "The id of one of the tenant's users (usr_...)". */
    private static final Pattern ID_PREFIX = Pattern.compile("\\(([a-z]+)_\\.\\.\\.\\)");
    private static final String[] WORDS = { "Acme", "Globex", "renewal", "Q3", "north", "Müller", "東京", "pilot",
        "O'Brien", "é", "data", "team" };

    private final JsonNode document;
    private final Random random;
    private final RegexStrings regex;
    private final Function<String, Optional<String>> idOfPrefix;

    /**
     * @param idOfPrefix an id of an existing object whose id starts with the prefix ("usr"), if one is known
     */
    public SchemaValues(JsonNode document, Random random, Function<String, Optional<String>> idOfPrefix) {
        this.document = document;
        this.random = random;
        this.regex = new RegexStrings(random);
        this.idOfPrefix = idOfPrefix;
    }

    /** @return the schema {@code $ref} points at, followed until it is not a reference */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; s != null && s.has("$ref") && i < 20; i++) {
            s = document.at(s.get("$ref").asText().substring(1));
        }
        return s == null || s.isMissingNode() ? NODES.objectNode() : s;
    }

    /** @return a value {@code schema} admits, for a request: read-only members left out */
    public JsonNode valid(JsonNode schema) {
        return valid(schema, 0);
    }

    private JsonNode valid(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(v -> {
                if (!v.isNull() || random.nextInt(6) == 0) {
                    values.add(v);
                }
            });
            return values.isEmpty() ? NullNode.instance : values.get(random.nextInt(values.size()));
        }
        List<JsonNode> known = new ArrayList<>();
        schema.path("examples").forEach(known::add);
        if (schema.has("default")) {
            known.add(schema.get("default"));
        }
        if (!known.isEmpty() && random.nextInt(4) != 0) {
            return known.get(random.nextInt(known.size()));
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                JsonNode options = schema.get(choice);
                return valid(options.get(random.nextInt(options.size())), depth + 1);
            }
        }
        String type = type(schema);
        if (type == null) {
            return textNode("free " + random.nextInt(100));
        }
        return switch (type) {
            case "null" -> NullNode.instance;
            case "string" -> TextNode.valueOf(validString(schema));
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> array(schema, depth);
            default -> object(schema, depth);
        };
    }

    /** @return the one type the value will have: a nullable schema gives null now and then */
    private String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : null;
        }
        if (type.isTextual()) {
            return type.textValue();
        }
        List<String> types = new ArrayList<>();
        type.forEach(t -> types.add(t.asText()));
        if (types.contains("null") && types.size() > 1 && random.nextInt(6) != 0) {
            types.remove("null");
        }
        return types.get(random.nextInt(types.size()));
    }

    private String validString(JsonNode schema) {
        String description = schema.path("description").asText();
        Matcher prefix = ID_PREFIX.matcher(description);
        if (prefix.find()) {
            Optional<String> id = idOfPrefix.apply(prefix.group(1));
            if (id.isPresent()) {
                return id.get();
            }
        }
        // A format says more than a pattern can (that 30 February does not exist): its value first, if it matches
        String formatted = formatted(schema.path("format").asText(""));
        if (formatted != null && fitsLength(schema, formatted) && (!schema.has("pattern")
                || Pattern.compile(schema.get("pattern").asText()).matcher(formatted).find())) {
            return formatted;
        }
        if (schema.has("pattern")) {
            Optional<String> s = regex.matching(schema.get("pattern").asText());
            if (s.isPresent() && fitsLength(schema, s.get())) {
                return s.get();
            }
        }
        if (formatted != null) {
            return formatted;
        }
        int min = schema.path("minLength").asInt(1);
        int max = Math.max(min, Math.min(schema.path("maxLength").asInt(40), 40));
        StringBuilder text = new StringBuilder();
        while (text.length() < min || (text.length() < max && random.nextInt(3) != 0)) {
            text.append(text.length() == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        String s = text.toString().strip();
        if (s.length() > max) {
            s = s.substring(0, max).strip();
        }
        while (s.length() < min) {
            s += "x";
        }
        return s;
    }

    /** @return a value of a format the generator knows, or null */
    private String formatted(String format) {
        int n = random.nextInt(100000);
        switch (format) {
            case "date":
                return LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3650)).toString();
            case "date-time":
                return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(315_000_000)).toString();
            case "email":
                return "user" + n + "@example.com";
            case "hostname":
                return "host" + n + ".example.com";
            case "uri":
                // .invalid never resolves: a webhook or source the fuzz makes sends nothing anywhere
                return "https://hooks" + n + ".example.invalid/in";
            case "uri-reference":
                return "/files/f" + n + ".csv";
            case "uuid":
                return UUID.randomUUID().toString();
            case "duration":
                return "PT" + (1 + random.nextInt(60)) + "M";
            default:
                return null;
        }
    }

    private static boolean fitsLength(JsonNode schema, String s) {
        return s.length() >= schema.path("minLength").asInt(0) && s.length() <= schema.path("maxLength").asInt(
                Integer.MAX_VALUE);
    }

    /** @return a whole number within the schema's bounds, exclusive ones too */
    private long integer(JsonNode schema) {
        return steps(schema, BigDecimal.ONE, 1000).longValueExact();
    }

    /**
     * @return a number within the schema's bounds: a multiple of its {@code multipleOf}, else mostly a whole number
     *         and now and then one with decimals
     */
    private BigDecimal number(JsonNode schema) {
        if (schema.has("multipleOf")) {
            return steps(schema, schema.get("multipleOf").decimalValue(), 100_000);
        }
        return steps(schema, random.nextInt(3) == 0 ? new BigDecimal("0.01") : BigDecimal.ONE, 100_000);
    }

    /** @return {@code k * step} for a random whole k that keeps the value within the bounds */
    private BigDecimal steps(JsonNode schema, BigDecimal step, long span) {
        BigDecimal lo = bound(schema, "minimum", "exclusiveMinimum", step, true);
        BigDecimal hi = bound(schema, "maximum", "exclusiveMaximum", step, false);
        long first = lo == null ? 0 : lo.divide(step, 0, RoundingMode.CEILING).longValue();
        long last = hi == null ? first + span : hi.divide(step, 0, RoundingMode.FLOOR).longValue();
        if (lo == null && hi != null) {
            first = last - span;
        }
        if (last < first) {
            return lo != null ? lo : hi;
        }
        last = Math.min(last, first + 100_000);
        long k = first + (long) (random.nextDouble() * (last - first + 1));
        return step.multiply(BigDecimal.valueOf(Math.min(k, last))).stripTrailingZeros();
    }

    /** @return the inclusive bound, an exclusive one moved one step inwards; null when there is none */
    private static BigDecimal bound(JsonNode schema, String inclusive, String exclusive, BigDecimal step,
            boolean lower) {
        if (schema.has(exclusive)) {
            BigDecimal b = schema.get(exclusive).decimalValue();
            return lower ? b.add(step) : b.subtract(step);
        }
        return schema.has(inclusive) ? schema.get(inclusive).decimalValue() : null;
    }

    private JsonNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        int min = schema.path("minItems").asInt(0);
        int max = Math.max(min, Math.min(schema.path("maxItems").asInt(3), depth > 3 ? min : 3));
        int n = min + random.nextInt(max - min + 1);
        JsonNode items = schema.path("items");
        for (int i = 0; i < n * 3 && array.size() < n; i++) {
            JsonNode item = valid(items, depth + 1);
            boolean repeated = false;
            for (JsonNode existing : array) {
                repeated |= existing.equals(item);
            }
            if (!repeated || !schema.path("uniqueItems").asBoolean()) {
                array.add(item);
            }
        }
        return array;
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode property = resolve(p.getValue());
            if (property.path("readOnly").asBoolean()) {
                continue;
            }
            if (required.contains(p.getKey()) || (depth < 4 && random.nextInt(3) != 0)) {
                object.set(p.getKey(), valid(property, depth + 1));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject() && depth < 4) {
            for (int i = random.nextInt(3); i > 0; i--) {
                object.set("key" + random.nextInt(1000), valid(additional, depth + 1));
            }
        }
        return object;
    }

    private TextNode textNode(String s) {
        return TextNode.valueOf(s);
    }

    /** A value that breaks one rule of its schema, and the rule it breaks. */
    public record Broken(JsonNode value, String rule) {
    }

    /**
     * @return a value {@code schema} refuses: one member of a valid object broken (wrong type, null where not
     *         allowed, too long, a control character, a value outside the enum or bounds, a member not allowed, a
     *         required member left out), or the whole value of the wrong type
     */
    public Broken invalid(JsonNode raw) {
        JsonNode schema = shape(resolve(raw));
        JsonNode value = valid(schema);
        if (value instanceof ObjectNode object && random.nextInt(5) != 0) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            int kind = random.nextInt(4);
            if (kind == 0 && !required.isEmpty()) {
                String name = required.get(random.nextInt(required.size()));
                object.remove(name);
                return new Broken(object, "required " + name + " missing");
            }
            if (kind == 1 && schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                object.put("notAMember" + random.nextInt(100), "x");
                return new Broken(object, "member not in the schema");
            }
            List<String> names = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(n -> {
                if (!resolve(schema.get("properties").get(n)).path("readOnly").asBoolean()) {
                    names.add(n);
                }
            });
            if (!names.isEmpty()) {
                String name = names.get(random.nextInt(names.size()));
                Broken member = brokenScalar(resolve(schema.get("properties").get(name)));
                object.set(name, member.value());
                return new Broken(object, name + ": " + member.rule());
            }
        }
        return brokenScalar(schema);
    }

    /** @return one shape of a oneOf or anyOf: the shapes differ in what they fix, so a broken one fits no other */
    private JsonNode shape(JsonNode schema) {
        JsonNode s = schema;
        for (String choice : List.of("oneOf", "anyOf")) {
            if (s.path(choice).size() > 0 && !s.has("type")) {
                s = resolve(s.get(choice).get(random.nextInt(s.get(choice).size())));
            }
        }
        return s;
    }

    private Broken brokenScalar(JsonNode schema) {
        String type = schema.path("type").isTextual() ? schema.get("type").asText()
                : schema.path("type").isArray() ? schema.get("type").get(0).asText() : "";
        boolean nullable = schema.path("type").isArray() && schema.get("type").toString().contains("\"null\"");
        List<Broken> options = new ArrayList<>();
        switch (type) {
            case "string" -> {
                options.add(new Broken(NODES.numberNode(random.nextInt(1000)), "number for a string"));
                options.add(new Broken(NODES.arrayNode().add("a"), "array for a string"));
                options.add(new Broken(TextNode.valueOf("x".repeat(schema.path("maxLength").asInt(5000) + 1)),
                        "longer than maxLength"));
                options.add(new Broken(TextNode.valueOf("a\u0000b\u001bc"), "control characters"));
                options.add(new Broken(TextNode.valueOf("y".repeat(200_000)), "200,000 characters"));
                if (schema.has("enum")) {
                    options.add(new Broken(TextNode.valueOf("NOT_A_VALUE"), "outside the enum"));
                }
                if (schema.has("format")) {
                    options.add(new Broken(TextNode.valueOf("not a " + schema.get("format").asText()),
                            "not the format " + schema.get("format").asText()));
                }
                if (schema.has("pattern")) {
                    options.add(new Broken(TextNode.valueOf("!! not matching ??"), "does not match the pattern"));
                }
            }
            case "integer", "number" -> {
                options.add(new Broken(TextNode.valueOf("12"), "string for a number"));
                options.add(new Broken(NODES.numberNode(new BigDecimal("1e400")), "1e400"));
                if (type.equals("integer")) {
                    options.add(new Broken(NODES.numberNode(new BigDecimal("1.5")), "fraction for an integer"));
                }
                if (schema.has("minimum")) {
                    options.add(new Broken(NODES.numberNode(schema.get("minimum").decimalValue()
                            .subtract(BigDecimal.ONE)), "below the minimum"));
                }
                if (schema.has("maximum")) {
                    options.add(new Broken(NODES.numberNode(schema.get("maximum").decimalValue()
                            .add(BigDecimal.ONE)), "above the maximum"));
                }
            }
            case "boolean" -> options.add(new Broken(TextNode.valueOf("true"), "string for a boolean"));
            case "array" -> {
                options.add(new Broken(NODES.objectNode(), "object for an array"));
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= schema.path("maxItems").asInt(2000); i++) {
                    many.add(i);
                }
                options.add(new Broken(many, "more items than allowed, of the wrong type"));
            }
            case "object" -> {
                options.add(new Broken(NODES.arrayNode().add(1), "array for an object"));
                options.add(new Broken(TextNode.valueOf("{}"), "string for an object"));
            }
            default -> options.add(new Broken(NODES.objectNode().set("deep", NODES.arrayNode()), "unknown shape"));
        }
        if (!nullable) {
            options.add(new Broken(NullNode.instance, "null where not allowed"));
        }
        return options.get(random.nextInt(options.size()));
    }
}
