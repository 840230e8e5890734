package org.revos.runtime.internal.objects;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldType;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks custom property values against the tenant's definitions on every write. Keys without a definition stay
 * free-form; a defined key must hold a value of its type (and, for ENUM, one of its options).
 */
public final class PropertyValues {

    /** The value types a property definition may have. */
    public static final List<String> TYPES = List.of("STRING", "NUMBER", "BOOLEAN", "DATE", "ENUM");

    /** A property key: what the {@code properties} object of an object accepts as a member name. */
    static final FieldType KEY_TYPE = FieldTypes.propertyKey();

    private PropertyValues() {
    }

    /** @return the tenant's definitions for one object type */
    public static List<PropertyDefinitionEntity> definitions(Tx tx, String objectType) {
        return tx.once("property-definitions:" + objectType, () -> tx.em().createQuery(
                "SELECT d FROM PropertyDefinitionEntity d WHERE d.objectType = :t", PropertyDefinitionEntity.class)
                .setParameter("t", objectType).getResultList());
    }

    /** Adds a violation for every defined property whose value in {@code properties} does not fit. */
    public static void check(Tx tx, String objectType, JsonNode properties, String path, Violations v) {
        if (properties == null || properties.isEmpty() || !Catalog.WITH_PROPERTIES.contains(objectType)) {
            return;
        }
        Map<String, PropertyDefinitionEntity> byKey = new java.util.HashMap<>();
        definitions(tx, objectType).forEach(d -> byKey.put(d.propertyKey, d));
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            PropertyDefinitionEntity d = byKey.get(e.getKey());
            if (d != null && !e.getValue().isNull()) {
                String problem = problem(d, e.getValue());
                if (problem != null) {
                    v.add(path + "." + e.getKey(), problem);
                }
            }
        }
    }

    /** Records that this write set the defined keys among {@code written} (their usage's "last written"). */
    public static void touch(Tx tx, String objectType, JsonNode written) {
        if (written == null || !written.isObject() || written.isEmpty()) {
            return;
        }
        List<String> keys = new java.util.ArrayList<>();
        written.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && tx.firstTime("property-written:" + objectType + ':' + e.getKey())) {
                keys.add(e.getKey()); // the same keys written again in this transaction would set the same instant
            }
        });
        if (!keys.isEmpty()) {
            tx.em().createQuery("UPDATE PropertyDefinitionEntity d SET d.lastWrittenAt = :now WHERE d.objectType = :t"
                    + " AND d.propertyKey IN :keys").setParameter("now", tx.now()).setParameter("t", objectType)
                    .setParameter("keys", keys).executeUpdate();
        }
    }

    private static String problem(PropertyDefinitionEntity d, JsonNode value) {
        return switch (d.type) {
            case "STRING" -> value.isTextual() ? null : "must be a string";
            case "NUMBER" -> value.isNumber() ? null : "must be a number";
            case "BOOLEAN" -> value.isBoolean() ? null : "must be true or false";
            case "DATE" -> isDate(value) ? null : "must be a date such as 2026-07-15";
            case "ENUM" -> {
                JsonNode options = FieldTypes.stringList(200).render(d.options);
                boolean listed = false;
                for (JsonNode option : options) {
                    listed |= option.equals(value);
                }
                yield listed ? null : "must be one of " + join(options);
            }
            default -> null;
        };
    }

    private static boolean isDate(JsonNode value) {
        try {
            return value.isTextual() && LocalDate.parse(value.textValue()) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String join(JsonNode array) {
        StringBuilder out = new StringBuilder();
        array.forEach(n -> out.append(out.length() == 0 ? "" : ", ").append(n.asText()));
        return out.toString();
    }
}
