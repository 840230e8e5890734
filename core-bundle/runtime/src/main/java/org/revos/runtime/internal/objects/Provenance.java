package org.revos.runtime.internal.objects;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectCollections.Found;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.AccountEntity;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The record of which fields of an account or lead were filled from elsewhere (an enrichment provider) rather than
 * by a user: field &rarr; {@code {provider, at, value}}, the read-only {@code enriched} field. Filling empty fields
 * writes it; a later write of such a field takes the field out of it, since the value is then the user's.
 */
public final class Provenance {

    private Provenance() {
    }

    /**
     * @param enriched the stored record of enriched fields (JSON) or {@code null}
     * @param before   the object as it was shown before the write
     * @param current  the fields' values after the write, by field name
     * @return the record without the fields whose values the write changed, {@code null} when none remain
     */
    static String keepUnchanged(String enriched, ObjectNode before, Map<String, Object> current) {
        if (enriched == null || before == null) {
            return enriched;
        }
        ObjectNode record = (ObjectNode) FieldTypes.readTree(enriched);
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            String field = it.next().getKey();
            JsonNode was = before.get(field);
            Object now = current.get(field);
            String wasText = was == null || was.isNull() ? null : was.asText();
            if (!Objects.equals(wasText, now == null ? null : String.valueOf(now))) {
                it.remove();
            }
        }
        return record.isEmpty() ? null : FieldTypes.writeJson(record);
    }

    /** See {@link org.revos.kernel.spi.objects.ObjectCollections#fillEmpty}. */
    public static <E extends TenantRow> ObjectNode fillEmpty(Tx tx, ObjectSchema<E> schema, String id,
            String action, List<Found> found) {
        if (!AccountEntity.class.equals(schema.entityClass()) && !LeadEntity.class.equals(schema.entityClass())) {
            throw new IllegalArgumentException("the " + schema.path() + " keep no record of provenance");
        }
        E entity = id == null || id.length() > 40 ? null : tx.em().find(schema.entityClass(), id);
        if (entity == null) {
            return null;
        }
        ObjectNode before = ObjectEngine.render(schema, entity);
        ObjectNode record = record(entity) == null ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) FieldTypes.readTree(record(entity));
        Map<String, Object> written = new LinkedHashMap<>();
        for (Found value : found) {
            Field<E> field = schema.field(value.field()).orElse(null);
            if (field == null || field.mode() != Field.Mode.WRITABLE || field.get(entity) != null
                    || value.value() == null || value.value().isNull() || written.containsKey(field.name())) {
                continue;
            }
            Violations refused = new Violations();
            Object parsed = field.type().parse(value.value(), field.name(), refused);
            if (parsed == null || !refused.isEmpty()) {
                continue;
            }
            field.set(entity, parsed);
            ObjectNode entry = record.putObject(field.name());
            entry.put("provider", value.source());
            entry.put("at", FieldTypes.instantText(tx.now()));
            entry.set("value", field.type().render(parsed));
            written.put(field.name(), parsed);
        }
        if (written.isEmpty()) {
            return before;
        }
        setRecord(entity, FieldTypes.writeJson(record));
        entity.updatedAt = tx.now();
        ObjectNode after = ObjectEngine.render(schema, entity);
        WriteHooks.written(tx, schema.type(), id, before, after);
        tx.audit(action, schema.type().name(), id, before, after);
        tx.publish(RevosEvents.OBJECT_UPDATED, Map.of(RevosEvents.OBJECT_TYPE, schema.type().name(),
                RevosEvents.OBJECT_ID, id));
        return after;
    }

    private static String record(TenantRow entity) {
        return entity instanceof AccountEntity a ? a.enriched : ((LeadEntity) entity).enriched;
    }

    private static void setRecord(TenantRow entity, String json) {
        if (entity instanceof AccountEntity a) {
            a.enriched = json;
        } else {
            ((LeadEntity) entity).enriched = json;
        }
    }
}
