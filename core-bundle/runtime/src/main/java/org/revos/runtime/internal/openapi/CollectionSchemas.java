package org.revos.runtime.internal.openapi;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The component schemas of a tenant collection, read from its {@link ObjectSchema}: the object as the API shows it
 * ({@code Account}, read-only members marked), what a creation may send ({@code AccountCreate}, required fields
 * required), what a merge patch may send ({@code AccountPatch}, not for append-only collections) and a page of the
 * list ({@code AccountList}).
 */
final class CollectionSchemas {

    private final Components components;

    CollectionSchemas(Components components) {
        this.components = components;
    }

    /** Names and describes the collection's schemas; @return the name of the object schema */
    String register(ObjectSchema<?> schema) {
        String existing = components.nameOf(schema).orElse(null);
        if (existing != null) {
            return existing;
        }
        String name = components.name(schema, pascal(schema.name()), "Revos" + pascal(schema.name()));
        components.putSchema(name, objectSchema(schema));
        components.putSchema(components.name(schema.path() + "#create", name + "Create", name + "CreateBody"),
                writeSchema(schema, true));
        if (!schema.appendOnly()) {
            components.putSchema(components.name(schema.path() + "#patch", name + "Patch", name + "PatchBody"),
                    writeSchema(schema, false));
        }
        ObjectNode list = Schemas.freeObject().put("description", "One page of " + schema.path());
        list.putArray("required").add("items").add("next");
        ObjectNode properties = list.putObject("properties");
        properties.set("items", Schemas.array(Schemas.schemaRef(name)));
        properties.set("next", Schemas.nullable(Schemas.type("string")).put("description",
                "The cursor of the next page; null on the last page"));
        components.putSchema(components.name(schema.path() + "#list", name + "List", name + "Page"), list);
        return name;
    }

    String createName(ObjectSchema<?> schema) {
        return components.nameOf(schema.path() + "#create").orElseThrow();
    }

    String patchName(ObjectSchema<?> schema) {
        return components.nameOf(schema.path() + "#patch").orElseThrow();
    }

    String listName(ObjectSchema<?> schema) {
        return components.nameOf(schema.path() + "#list").orElseThrow();
    }

    /** @return the schema of one field's values as a query filter */
    static ObjectNode filterSchema(Field<?> field) {
        return describedField(field);
    }

    private static ObjectNode objectSchema(ObjectSchema<?> schema) {
        ObjectNode object = Schemas.freeObject().put("description",
                "One of the tenant's " + schema.path() + (schema.appendOnly()
                        ? "; append-only: once created it never changes and cannot be deleted" : ""));
        ArrayNode required = object.putArray("required");
        ObjectNode properties = object.putObject("properties");
        properties.set("id", Schemas.type("string").put("readOnly", true)
                .put("pattern", "^" + schema.idPrefix() + "_" + FieldTypes.ID_CHARACTERS + "$")
                .put("description", "Assigned by RevOS: " + schema.idPrefix()
                        + "_ and 26 characters that sort by creation time"));
        properties.set("externalId", externalId());
        Object fresh = schema.factory().get();
        for (Field<?> field : schema.fields()) {
            ObjectNode value = describedField(field);
            if (!field.isWritableOnCreate()) {
                value.put("readOnly", true);
            }
            properties.set(field.name(), isNullable(field, fresh) ? Schemas.nullable(value) : value);
        }
        properties.set("createdAt", Schemas.type("string").put("format", "date-time").put("readOnly", true));
        properties.set("updatedAt", Schemas.type("string").put("format", "date-time").put("readOnly", true));
        properties.fieldNames().forEachRemaining(required::add);
        return object;
    }

    /** @param creating a creation body (required fields required, create-only fields allowed) or a merge patch */
    private static ObjectNode writeSchema(ObjectSchema<?> schema, boolean creating) {
        ObjectNode object = Schemas.freeObject().put("additionalProperties", false).put("description", creating
                ? "A new " + schema.name() + ": fields RevOS assigns or derives cannot be sent"
                : "A JSON merge patch (RFC 7396): members sent replace the stored ones, null clears an optional "
                        + "field, properties merge key by key (a null value removes the key); members not sent "
                        + "stay as they are");
        ArrayNode required = Schemas.NODES.arrayNode();
        ObjectNode properties = object.putObject("properties");
        properties.set("externalId", externalId());
        for (Field<?> field : schema.fields()) {
            boolean writable = field.mode() == Field.Mode.WRITABLE || (creating && field.isWritableOnCreate());
            if (!writable) {
                continue;
            }
            ObjectNode value = describedField(field);
            // Null clears an optional field; required ones refuse it.
            properties.set(field.name(), field.isRequired() ? value : Schemas.nullable(value));
            if (creating && field.isRequired()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            object.set("required", required);
        }
        return object;
    }

    /** @return the field type's schema with what the field adds: its referent and why it may not be written */
    private static ObjectNode describedField(Field<?> field) {
        ObjectNode value = field.type().schema().deepCopy();
        if (field.references() != null) {
            Catalog.of(field.references()).ifPresent(target -> value.put("description",
                    "The id of one of the tenant's " + target.path() + " (" + target.idPrefix() + "_...)"));
        }
        if (field.mode() != Field.Mode.WRITABLE && field.readOnlyReason() != null) {
            value.put("description", (field.mode() == Field.Mode.CREATE_ONLY ? "Set on creation only: "
                    : field.isWritableOnCreate() ? "Set on creation, then read-only: " : "") + field.readOnlyReason());
        }
        return value;
    }

    /**
     * Required fields are never null; optional ones are null when unset unless their type renders an empty value;
     * read-only ones are null only if a new object holds null.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static boolean isNullable(Field field, Object fresh) {
        if (field.isRequired() || !field.type().render(null).isNull()) {
            return false;
        }
        return field.mode() != Field.Mode.READ_ONLY || field.type().render(field.get(fresh)).isNull();
    }

    private static ObjectNode externalId() {
        return Schemas.nullable(ObjectEngine.EXTERNAL_ID.schema()).put("description",
                "Your own id of the object, such as the id in the system it came from; unique within the "
                        + "collection, and a list filter");
    }

    /** @return {@code revenue event} as {@code RevenueEvent} */
    static String pascal(String name) {
        return Arrays.stream(name.split("[ _-]+")).map(Schemas::upperFirst).collect(Collectors.joining());
    }
}
