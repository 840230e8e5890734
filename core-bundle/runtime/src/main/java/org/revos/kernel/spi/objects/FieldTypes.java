package org.revos.kernel.spi.objects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.revos.kernel.spi.Violations;
import org.revos.runtime.internal.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The field types of the API's objects. */
public final class FieldTypes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** {@link #DOMAIN} as the document states it: any case (RevOS stores it in lower case), a dot, a TLD. */
    private static final String DOMAIN_PATTERN = "^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** The Crockford base-32 characters of an id after its prefix (ULID layout). */
    public static final String ID_CHARACTERS = "[0-9A-HJKMNP-TV-Z]{26}";
    /** Money above this (in major units) is refused: ten trillion is not a deal, it is a typo. */
    private static final BigDecimal MAX_MONEY = new BigDecimal("10000000000000");

    /** Stored text, or anything whose {@code toString} is its JSON string. */
    private static final Function<Object, JsonNode> AS_TEXT = v -> v == null ? NullNode.instance
            : TextNode.valueOf(v.toString());

    private FieldTypes() {
    }

    /** A field type from its three parts. */
    private record Simple(FieldType.Parser parser, Function<Object, JsonNode> renderer, Supplier<ObjectNode> schemas)
            implements FieldType {

        @Override
        public Object parse(JsonNode node, String path, Violations violations) {
            return parser.parse(node, path, violations);
        }

        @Override
        public JsonNode render(Object stored) {
            return renderer.apply(stored);
        }

        @Override
        public ObjectNode schema() {
            return schemas.get();
        }
    }

    private static FieldType of(FieldType.Parser parser, Function<Object, JsonNode> render,
            Supplier<ObjectNode> schema) {
        return new Simple(parser, render, schema);
    }

    public static ObjectNode jsonType(String type) {
        return NODES.objectNode().put("type", type);
    }

    /** {@code true} or {@code false}. */
    public static FieldType bool() {
        return of((node, path, v) -> {
            if (!node.isBoolean()) {
                v.add(path, "must be true or false");
                return null;
            }
            return node.booleanValue();
        }, stored -> NODES.booleanNode(Boolean.TRUE.equals(stored)), () -> jsonType("boolean"));
    }

    /**
     * What {@link #text(int)} admits, as the document states it (ECMA-262, as JSON Schema reads it): at least one
     * character that is not white space, and no control character other than tab, line feed and carriage return.
     */
    public static final String TEXT_PATTERN = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*[^\\s\\x00-\\x1F]"
            + "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*$";

    /** Free text up to {@code max} characters; blank text is refused (send null to clear). */
    public static FieldType text(int max) {
        return of((node, path, v) -> text(node, path, v, max), AS_TEXT, () -> textSchema(max));
    }

    /** @return the schema of {@link #text(int)}: not blank, no control characters, at most {@code max} */
    public static ObjectNode textSchema(int max) {
        return jsonType("string").put("minLength", 1).put("maxLength", max).put("pattern", TEXT_PATTERN);
    }

    private static String text(JsonNode node, String path, Violations v, int max) {
        if (!node.isTextual()) {
            v.add(path, "must be a string");
            return null;
        }
        if (refusesControls(node.textValue(), path, v)) {
            return null;
        }
        String s = node.textValue().strip();
        if (s.isEmpty()) {
            v.add(path, "must not be blank");
            return null;
        }
        if (s.length() > max) {
            v.add(path, "must be at most " + max + " characters");
            return null;
        }
        return s;
    }

    /**
     * Text may hold tab, line feed and carriage return, but no other C0 control character (NUL, bell, escape...):
     * they are invisible, and break the CSV exports, logs and terminals the text ends up in.
     *
     * @return whether {@code text} was refused (a violation was added)
     */
    public static boolean refusesControls(String text, String path, Violations v) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                v.add(path, String.format("must not contain control characters (U+%04X at position %d); only tab,"
                        + " line feed and carriage return are allowed", (int) c, i + 1));
                return true;
            }
        }
        return false;
    }

    /** Text that must also match {@code format}; stored in lower case. */
    private static FieldType lowerCaseText(int max, Pattern format, String expected, Supplier<ObjectNode> schema) {
        return of((node, path, v) -> {
            String s = text(node, path, v, max);
            if (s == null) {
                return null;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            if (!format.matcher(lower).matches()) {
                v.add(path, "must be " + expected);
                return null;
            }
            return lower;
        }, AS_TEXT, schema);
    }

    /** A custom property's key: starts with a letter and holds letters, digits and {@code _}, at most 64. */
    public static FieldType propertyKey() {
        FieldType text = text(64);
        return of((node, path, v) -> {
            Object key = text.parse(node, path, v);
            if (key != null && !((String) key).matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                v.add(path, "starts with a letter and holds letters, digits and _ (at most 64)");
                return null;
            }
            return key;
        }, text::render, () -> jsonType("string").put("pattern", "^[A-Za-z][A-Za-z0-9_]{0,63}$"));
    }

    public static FieldType email() {
        return lowerCaseText(320, EMAIL, "an email address",
                () -> jsonType("string").put("format", "email").put("maxLength", 320));
    }

    public static FieldType domain() {
        return lowerCaseText(253, DOMAIN, "a domain name such as example.com",
                () -> jsonType("string").put("format", "hostname").put("maxLength", 253).put("pattern",
                        DOMAIN_PATTERN));
    }

    /** ISO-3166 alpha-2, upper case. */
    public static FieldType country() {
        return of((node, path, v) -> {
            if (!node.isTextual() || !COUNTRIES.contains(node.textValue().toUpperCase(Locale.ROOT))) {
                v.add(path, "must be an ISO-3166 alpha-2 country code such as DE or US");
                return null;
            }
            return node.textValue().toUpperCase(Locale.ROOT);
        }, AS_TEXT, () -> {
            ObjectNode s = jsonType("string").put("description", "An ISO-3166 alpha-2 country code such as DE or US");
            ArrayNode codes = s.putArray("enum");
            COUNTRIES.stream().sorted().forEach(codes::add);
            return s;
        });
    }

    /** One of the constants of {@code type}, spelled exactly. */
    public static FieldType oneOf(Class<? extends Enum<?>> type) {
        return oneOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    public static FieldType oneOf(List<String> names) {
        return of((node, path, v) -> {
            if (!node.isTextual() || !names.contains(node.textValue())) {
                v.add(path, "must be one of " + String.join(", ", names));
                return null;
            }
            return node.textValue();
        }, AS_TEXT, () -> {
            ObjectNode s = jsonType("string");
            ArrayNode e = s.putArray("enum");
            names.forEach(e::add);
            return s;
        });
    }

    /** A whole number in [min, max]. */
    public static FieldType integer(long min, long max) {
        FieldType.Parser parser = (node, path, v) -> {
            if (!node.isNumber() || node.decimalValue().stripTrailingZeros().scale() > 0) {
                v.add(path, "must be a whole number");
                return null;
            }
            BigDecimal d = node.decimalValue();
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                v.add(path, "must be between " + min + " and " + max);
                return null;
            }
            return d.intValueExact();
        };
        FieldType numbers = of(parser, v -> v == null ? NullNode.instance : LongNode.valueOf(((Number) v).longValue()),
                () -> jsonType("integer").put("minimum", min).put("maximum", max));
        return new FieldType() {
            @Override
            public Object parse(JsonNode node, String path, Violations v) {
                return numbers.parse(node, path, v);
            }

            @Override
            public Object parseQuery(String text, String path, Violations v) {
                try {
                    return parse(DecimalNode.valueOf(new BigDecimal(text)), path, v);
                } catch (NumberFormatException e) {
                    v.add(path, "must be a whole number");
                    return null;
                }
            }

            @Override
            public JsonNode render(Object stored) {
                return numbers.render(stored);
            }

            @Override
            public ObjectNode schema() {
                return numbers.schema();
            }
        };
    }

    /**
     * Money in major units with at most two decimals, stored as minor units (cents).
     *
     * @param signed whether negative amounts are allowed
     */
    public static FieldType money(boolean signed) {
        return of((node, path, v) -> {
            if (!node.isNumber()) {
                v.add(path, "must be a number in major units, such as 12500.50");
                return null;
            }
            BigDecimal amount = node.decimalValue();
            if (amount.stripTrailingZeros().scale() > 2) {
                v.add(path, "must have at most 2 decimals");
                return null;
            }
            if (!signed && amount.signum() < 0) {
                v.add(path, "must not be negative");
                return null;
            }
            if (amount.abs().compareTo(MAX_MONEY) > 0) {
                v.add(path, "must be at most " + MAX_MONEY.toPlainString() + " in absolute value");
                return null;
            }
            return amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        }, v -> v == null ? NullNode.instance : DecimalNode.valueOf(cents((Long) v)), () -> {
            ObjectNode s = jsonType("number").put("multipleOf", 0.01);
            return signed ? s : s.put("minimum", 0);
        });
    }

    /** @return minor units as major units with two decimals */
    public static BigDecimal cents(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }

    /** A decimal number of at least {@code min} (when given) with at most 4 decimals. */
    public static FieldType decimal(BigDecimal min) {
        return of((node, path, v) -> {
            if (!node.isNumber()) {
                v.add(path, "must be a number");
                return null;
            }
            BigDecimal d = node.decimalValue();
            if (min != null && d.compareTo(min) < 0) {
                v.add(path, "must be at least " + min.toPlainString());
                return null;
            }
            if (d.stripTrailingZeros().scale() > 4) {
                v.add(path, "must have at most 4 decimals");
                return null;
            }
            return d;
        }, v -> v == null ? NullNode.instance : DecimalNode.valueOf(((BigDecimal) v).stripTrailingZeros()), () -> {
            ObjectNode s = jsonType("number");
            return min == null ? s : s.put("minimum", min);
        });
    }

    /** A calendar date, {@code 2026-07-15}. */
    public static FieldType date() {
        return of((node, path, v) -> parsed(node, path, v, "must be a date such as 2026-07-15", LocalDate::parse),
                AS_TEXT, () -> jsonType("string").put("format", "date"));
    }

    /** An ISO-8601 instant with a zone offset, stored as epoch milliseconds; rendered in UTC. */
    public static FieldType instant() {
        return of((node, path, v) -> parsed(node, path, v, "must be an ISO-8601 instant such as 2026-07-15T10:00:00Z",
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli()),
                v -> v == null ? NullNode.instance : TextNode.valueOf(instantText((Long) v)),
                () -> jsonType("string").put("format", "date-time"));
    }

    private static Object parsed(JsonNode node, String path, Violations v, String expected,
            Function<String, Object> parse) {
        try {
            if (node.isTextual()) {
                return parse.apply(node.textValue());
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        v.add(path, expected);
        return null;
    }

    /** @return epoch milliseconds as ISO-8601 UTC */
    public static String instantText(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** The id of another object of this tenant. Existence is checked by the collection engine. */
    public static FieldType reference(String prefix) {
        return of((node, path, v) -> {
            if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > 40
                    || node.textValue().chars().anyMatch(c -> c < 0x20)) {
                v.add(path, "must be an id such as " + prefix + "_01JD5W6Q3MZ8XK2N4P7R9T0VBC");
                return null;
            }
            return node.textValue();
        }, AS_TEXT, () -> jsonType("string").put("pattern", "^" + prefix + "_" + ID_CHARACTERS + "$")
                .put("description", "id of a " + prefix + " object"));
    }

    /**
     * Custom properties: a flat JSON object of strings, numbers, booleans or nulls; stored as JSON text. A null value
     * in a PATCH removes that key.
     */
    public static FieldType properties() {
        return of(FieldTypes::properties, v -> v == null ? NODES.objectNode() : readTree((String) v), () -> {
            ObjectNode s = jsonType("object");
            s.putObject("propertyNames").put("pattern", "^" + PROPERTY_KEY + "$");
            ObjectNode value = s.putObject("additionalProperties");
            value.putArray("type").add("string").add("number").add("boolean").add("null");
            // strings only: at most MAX_PROPERTY_TEXT, no control character but tab, line feed and carriage return
            value.put("maxLength", MAX_PROPERTY_TEXT).put("pattern", "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]*$");
            return s;
        });
    }

    private static final String PROPERTY_KEY = "[A-Za-z][A-Za-z0-9_]{0,63}";
    private static final int MAX_PROPERTY_TEXT = 2000;

    /** Read-only provenance of enriched fields: field name → {@code {"provider", "at", "value"}}. */
    public static FieldType provenance() {
        return of((node, path, v) -> {
            v.add(path, "is read-only");
            return null;
        }, v -> v == null ? NODES.objectNode() : readTree((String) v), () -> {
            ObjectNode s = jsonType("object");
            ObjectNode entry = s.putObject("additionalProperties");
            entry.put("type", "object");
            ObjectNode p = entry.putObject("properties");
            p.putObject("provider").put("type", "string");
            p.putObject("at").put("type", "string").put("format", "date-time");
            p.putObject("value").putArray("type").add("string").add("integer");
            return s;
        });
    }

    private static Object properties(JsonNode node, String path, Violations v) {
        if (!node.isObject()) {
            v.add(path, "must be an object of custom property values");
            return null;
        }
        ObjectNode result = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (!key.matches(PROPERTY_KEY)) {
                v.add(path + "." + key, "property keys start with a letter and hold letters, digits and _ (at most 64)");
            } else if (e.getValue().isContainerNode()) {
                v.add(path + "." + key, "must be a string, number, boolean or null");
            } else if (e.getValue().isTextual() && e.getValue().textValue().length() > MAX_PROPERTY_TEXT) {
                v.add(path + "." + key, "must be at most " + MAX_PROPERTY_TEXT + " characters");
            } else if (e.getValue().isTextual() && refusesControls(e.getValue().textValue(), path + "." + key, v)) {
                continue;
            } else {
                result.set(key, e.getValue());
            }
        }
        return result;
    }

    /** A JSON array of decimals, stored as JSON text. */
    public static FieldType decimalList(int maxItems) {
        return of((node, path, v) -> {
            if (!node.isArray() || node.size() > maxItems) {
                v.add(path, "must be an array of at most " + maxItems + " numbers");
                return null;
            }
            List<BigDecimal> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isNumber() || item.decimalValue().signum() < 0) {
                    v.add(path + "[" + i + "]", "must be a number of at least 0");
                } else {
                    values.add(item.decimalValue());
                }
            }
            return values.size() == node.size() ? values : null;
        }, v -> {
            ArrayNode array = NODES.arrayNode();
            if (v instanceof List<?> list) {
                list.forEach(d -> array.add((BigDecimal) d));
            }
            return array;
        }, () -> {
            ObjectNode s = jsonType("array");
            s.putObject("items").put("type", "number").put("minimum", 0);
            return s.put("maxItems", maxItems);
        });
    }

    /** A JSON array of distinct short strings (ids, codes, option labels), stored as JSON text. */
    public static FieldType stringList(int maxItems) {
        return of((node, path, v) -> {
            if (!node.isArray() || node.size() > maxItems) {
                v.add(path, "must be an array of at most " + maxItems + " strings");
                return null;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String item = text(node.get(i), path + "[" + i + "]", v, 100);
                if (item != null && values.contains(item)) {
                    v.add(path + "[" + i + "]", "repeats " + item);
                } else if (item != null) {
                    values.add(item);
                }
            }
            return values.size() == node.size() ? values : null;
        }, v -> {
            ArrayNode array = NODES.arrayNode();
            if (v instanceof String json && !json.isBlank()) {
                readTree(json).forEach(array::add);
            }
            return array;
        }, () -> {
            ObjectNode s = jsonType("array");
            s.set("items", textSchema(100));
            return s.put("maxItems", maxItems).put("uniqueItems", true);
        });
    }

    /** @return the JSON text of a value stored as JSON */
    public static String writeJson(Object value) {
        try {
            return value == null ? null : Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode readTree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** @return the decimals of a stored JSON array */
    public static List<BigDecimal> decimals(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<BigDecimal> out = new ArrayList<>();
        readTree(json).forEach(n -> out.add(n.decimalValue()));
        return out;
    }
}
