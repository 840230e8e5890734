package org.revos.runtime.internal.openapi;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.revos.runtime.internal.json.Json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * JSON Schemas of Java types as the API's object mapper writes them: scalars, dates and times (ISO-8601 text),
 * enums, collections, maps, {@code Optional}, Jackson trees (free-form objects) and records or beans, which become
 * named component schemas of their Jackson properties. Types it cannot know (such as {@code Object}) admit any JSON.
 */
final class TypeSchemas {

    private static final TypeFactory TYPES = Json.MAPPER.getTypeFactory();

    private final Components components;

    TypeSchemas(Components components) {
        this.components = components;
    }

    /**
     * @param type      a member's type as {@code declaring} declares it
     * @param declaring the class that declares the member
     * @param context   the concrete class the member is used through: the type variables of {@code declaring} are
     *                  resolved as {@code context} binds them
     */
    static JavaType resolve(Type type, Class<?> declaring, Class<?> context) {
        if (context == null || declaring == null) {
            return TYPES.constructType(type);
        }
        JavaType owner = TYPES.constructType(context).findSuperType(declaring);
        TypeBindings bindings = owner == null ? TypeBindings.emptyBindings() : owner.getBindings();
        return TYPES.resolveMemberType(type, bindings);
    }

    /** @return the schema of values of {@code type}; records and beans are referenced by component name */
    ObjectNode schema(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
            return Schemas.nullable(schema(type.containedTypeOrUnknown(0)));
        }
        ObjectNode scalar = scalar(raw);
        if (scalar != null) {
            return scalar;
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return ArrayNode.class.isAssignableFrom(raw) ? Schemas.array(Schemas.object()) : Schemas.freeObject();
        }
        if (raw.isEnum()) {
            ObjectNode e = Schemas.type("string");
            ArrayNode values = e.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return e;
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            ObjectNode array = Schemas.array(schema(type.getContentType()));
            if (Set.class.isAssignableFrom(raw)) {
                array.put("uniqueItems", true);
            }
            return array;
        }
        if (type.isMapLikeType()) {
            ObjectNode map = Schemas.freeObject();
            map.set("additionalProperties", schema(type.getContentType()));
            return map;
        }
        if (raw == Object.class || raw.isPrimitive() || raw.isInterface() || isPlatform(raw)) {
            return Schemas.object();
        }
        return Schemas.schemaRef(component(type));
    }

    /** @return the component name of a record or bean, describing it on first use */
    private String component(JavaType type) {
        String known = components.nameOf(type).orElse(null);
        if (known != null) {
            return known;
        }
        Class<?> raw = type.getRawClass();
        String suffix = type.getBindings().getTypeParameters().stream().map(t -> t.getRawClass().getSimpleName())
                .collect(Collectors.joining());
        String name = components.name(type, raw.getSimpleName() + (suffix.isEmpty() ? "" : "Of" + suffix),
                raw.getName().replace('$', '.') + suffix);
        ObjectNode schema = Schemas.freeObject();
        components.putSchema(name, schema);
        BeanDescription bean = Json.MAPPER.getSerializationConfig().introspect(type);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Schemas.NODES.arrayNode();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            properties.set(property.getName(), schema(property.getPrimaryType()));
            if (property.isRequired() || property.getPrimaryType().isPrimitive()) {
                required.add(property.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return name;
    }

    private static ObjectNode scalar(Class<?> raw) {
        if (raw == String.class || raw == char.class || raw == Character.class || raw == CharSequence.class) {
            return Schemas.type("string");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Schemas.type("boolean");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            return Schemas.type("integer").put("format", "int32");
        }
        if (raw == long.class || raw == Long.class) {
            return Schemas.type("integer").put("format", "int64");
        }
        if (raw == BigInteger.class) {
            return Schemas.type("integer");
        }
        if (raw == float.class || raw == Float.class) {
            return Schemas.type("number").put("format", "float");
        }
        if (raw == double.class || raw == Double.class) {
            return Schemas.type("number").put("format", "double");
        }
        if (raw == BigDecimal.class) {
            return Schemas.type("number");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == Date.class) {
            return Schemas.type("string").put("format", "date-time");
        }
        if (raw == LocalDate.class) {
            return Schemas.type("string").put("format", "date");
        }
        if (raw == Duration.class) {
            return Schemas.type("string").put("format", "duration");
        }
        if (raw == UUID.class) {
            return Schemas.type("string").put("format", "uuid");
        }
        if (raw == URI.class || raw == URL.class) {
            return Schemas.type("string").put("format", "uri");
        }
        if (raw == byte[].class) {
            return Schemas.type("string").put("contentEncoding", "base64");
        }
        if (raw == java.io.InputStream.class) {
            return Schemas.type("string").put("format", "binary");
        }
        if (raw.getPackageName().equals("java.time")) {
            return Schemas.type("string");
        }
        return null;
    }

    /** JDK and Jakarta types other than the ones above have no JSON form we could describe. */
    private static boolean isPlatform(Class<?> raw) {
        String name = raw.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.");
    }
}
