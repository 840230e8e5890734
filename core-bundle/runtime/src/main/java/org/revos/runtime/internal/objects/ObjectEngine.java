package org.revos.runtime.internal.objects;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.revos.api.event.RevosEvents;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Ids;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.FieldType;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.Pages;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates, reads, changes, deletes and lists the objects of any {@link ObjectSchema}. Every write validates the whole
 * request first and reports every problem at once; a refused write changes nothing. Every write runs the object's
 * rules, then (a creation) the engines' {@link Shapers}, then the engines' {@link WriteHooks}, in its transaction.
 */
public final class ObjectEngine {


    /** Every object's own key in other systems: text of at most 200 characters, also a list filter. */
    public static final FieldType EXTERNAL_ID = FieldTypes.text(200);
    private static final List<String> ASSIGNED = List.of("id", "createdAt", "updatedAt");

    private ObjectEngine() {
    }

    /** @return the created object as the API shows it */
    public static <E extends TenantRow> ObjectNode create(Tx tx, ObjectSchema<E> schema, JsonNode body) {
        return create(tx, schema, body, true);
    }

    /**
     * Creates an object; the fields the schema places on creation ({@code pipeline}, {@code stage}) are taken out of
     * the body and handed to the engines' {@link Shapers}, which shape the object before it is rendered.
     *
     * @param derivesRecords what the shapers are told: {@code false} for an import that brings in a file of its own
     *                       what the creation would otherwise derive (a won deal's revenue event)
     * @return the created object as the API shows it
     */
    public static <E extends TenantRow> ObjectNode create(Tx tx, ObjectSchema<E> schema, JsonNode body,
            boolean derivesRecords) {
        E entity = schema.factory().get();
        entity.id = Ids.next(schema.idPrefix());
        entity.createdAt = tx.now();
        entity.updatedAt = tx.now();
        schema.rules().defaults(tx, entity);
        Shapers.Split split = Shapers.split(schema, requireObject(body));
        ObjectNode fields = split.own();
        WriteGuards.check(tx, schema, null, fields);
        Violations v = new Violations();
        apply(schema, entity, fields, v, true);
        StoredSizes.check(schema, entity, v);
        checkProperties(tx, schema, entity, v);
        checkReferences(tx, schema, entity, null, v);
        schema.rules().check(tx, entity, null, v);
        v.throwIfAny();
        checkExternalIdFree(tx, schema, entity);
        tx.em().persist(entity);
        configurationWritten(tx, schema);
        PropertyValues.touch(tx, schema.type().name(), body.get("properties"));
        schema.rules().afterWrite(tx, entity, null);
        Shapers.creating(tx, schema, entity.id, split.placed(), derivesRecords);
        ObjectNode after = render(schema, entity);
        WriteHooks.written(tx, schema.type(), entity.id, null, after);
        tx.audit("CREATE", schema.type().name(), entity.id, null, after);
        tx.publish(RevosEvents.OBJECT_CREATED, event(schema, entity));
        return after;
    }

    /** @throws Problem 404 when the tenant has no such object */
    public static <E extends TenantRow> E find(EntityManager em, ObjectSchema<E> schema, String id) {
        E entity = id == null || id.length() > 40 ? null : em.find(schema.entityClass(), id);
        if (entity == null) {
            throw Problem.notFound(schema.name(), id);
        }
        return entity;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the object: {@code null} clears an optional field; a field that is
     * required or always has a value refuses it.
     */
    public static <E extends TenantRow> ObjectNode patch(Tx tx, ObjectSchema<E> schema, String id, JsonNode body) {
        ObjectNode fields = requireObject(body);
        E entity = find(tx.em(), schema, id);
        WriteGuards.check(tx, schema, id, fields);
        ObjectNode before = render(schema, entity);
        Violations v = new Violations();
        apply(schema, entity, fields, v, false);
        StoredSizes.check(schema, entity, v);
        checkProperties(tx, schema, entity, v);
        checkReferences(tx, schema, entity, before, v);
        schema.rules().check(tx, entity, before, v);
        v.throwIfAny();
        checkExternalIdFree(tx, schema, entity);
        if (render(schema, entity).equals(before)) {
            // the same values again (a sync's unchanged row, a retried PATCH): nothing to write, no new version,
            // audit entry, event or rule reaction (a goal revision, a team membership)
            return before;
        }
        entity.updatedAt = tx.now();
        configurationWritten(tx, schema);
        PropertyValues.touch(tx, schema.type().name(), body.get("properties"));
        schema.rules().afterWrite(tx, entity, before);
        ObjectNode after = render(schema, entity);
        WriteHooks.written(tx, schema.type(), entity.id, before, after);
        tx.audit("UPDATE", schema.type().name(), entity.id, before, after);
        tx.publish(RevosEvents.OBJECT_UPDATED, event(schema, entity));
        return after;
    }

    /**
     * Writes fields an engine derives (see {@link org.revos.kernel.spi.objects.ObjectCollections#derive}): no rules,
     * hooks, audit or event; {@code properties} merge as in a PATCH and their usage is recorded.
     *
     * @return the object as the API shows it afterwards
     */
    public static <E extends TenantRow> ObjectNode derive(Tx tx, ObjectSchema<E> schema, String id,
            ObjectNode fields) {
        E entity = find(tx.em(), schema, id);
        Violations v = new Violations();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            Field<E> field = schema.field(member.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    member.getKey() + " is not a field of " + schema.withArticle()));
            Object parsed = member.getValue().isNull() ? null : field.type().parse(member.getValue(),
                    field.name(), v);
            if (!v.has(field.name())) {
                try {
                    field.set(entity, mergeProperties(field, entity, parsed, false));
                } catch (IllegalStateException readOnly) {
                    throw new IllegalArgumentException(field.name() + " of " + schema.withArticle()
                            + " is not derived by engines", readOnly);
                }
            }
        }
        v.throwIfAny();
        entity.updatedAt = tx.now();
        PropertyValues.touch(tx, schema.type().name(), fields.get("properties"));
        return render(schema, entity);
    }

    /**
     * @throws Problem 409 listing what still refers to the object
     */
    public static <E extends TenantRow> void delete(Tx tx, ObjectSchema<E> schema, String id) {
        E entity = find(tx.em(), schema, id);
        Violations v = new Violations();
        for (ObjectSchema<?> other : Catalog.all()) {
            for (Field<?> field : other.fields()) {
                if (field.references() == schema.type()) {
                    long count = tx.em().createQuery("SELECT COUNT(x) FROM " + other.entityName() + " x WHERE x."
                            + field.name() + " = :id", Long.class).setParameter("id", id).getSingleResult();
                    if (count > 0) {
                        v.add("id", "is the " + field.name() + " of " + count + " " + other.path()
                                + "; delete them or point them elsewhere first");
                    }
                }
            }
        }
        schema.rules().checkDelete(tx, entity, v);
        if (!v.isEmpty()) {
            throw Problem.conflict("The " + schema.name() + " " + id + " is still in use", v.list());
        }
        ObjectNode before = render(schema, entity);
        tx.em().remove(entity);
        configurationWritten(tx, schema);
        schema.rules().afterDelete(tx, entity);
        WriteHooks.written(tx, schema.type(), id, before, null);
        tx.audit("DELETE", schema.type().name(), id, before, null);
        tx.publish(RevosEvents.OBJECT_DELETED, event(schema, entity));
    }

    /**
     * One page of a collection in id order (creation order), filtered by equality on filterable fields.
     *
     * @param query the request's query parameters; {@code limit} and {@code cursor} page, the rest filter
     * @return {@code {"items": [...], "next": cursor-or-null}}
     */
    public static <E extends TenantRow> ObjectNode list(EntityManager em, ObjectSchema<E> schema,
            Map<String, List<String>> query) {
        Violations v = new Violations();
        int limit = Pages.limit(query, v);
        String after = Pages.cursor(query, v);
        StringBuilder jpql = new StringBuilder("SELECT e FROM ").append(schema.entityName()).append(" e WHERE e.id > :after");
        List<Object> values = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            String name = param.getKey();
            if (name.equals("limit") || name.equals("cursor")) {
                continue;
            }
            Object value = filterValue(schema, name, param.getValue(), v);
            if (value != null) {
                jpql.append(" AND e.").append(name).append(" = :f").append(values.size());
                values.add(value);
            }
        }
        v.throwIfAny();
        TypedQuery<E> q = em.createQuery(jpql.append(" ORDER BY e.id").toString(), schema.entityClass())
                .setParameter("after", after).setMaxResults(limit + 1);
        for (int i = 0; i < values.size(); i++) {
            q.setParameter("f" + i, values.get(i));
        }
        List<E> rows = q.getResultList();
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        rows.stream().limit(limit).forEach(e -> items.add(render(schema, e)));
        page.put("next", rows.size() > limit ? Pages.encodeCursor(rows.get(limit - 1).id) : null);
        return page;
    }

    /** @return the object as the API shows it */
    public static <E extends TenantRow> ObjectNode render(ObjectSchema<E> schema, E entity) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", entity.id);
        node.put("externalId", entity.externalId);
        for (Field<E> field : schema.fields()) {
            node.set(field.name(), field.type().render(field.get(entity)));
        }
        node.put("createdAt", FieldTypes.instantText(entity.createdAt));
        node.put("updatedAt", FieldTypes.instantText(entity.updatedAt));
        return node;
    }

    private static ObjectNode requireObject(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw Problem.invalid("body", "the request needs a JSON object body");
        }
        if (!body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static <E extends TenantRow> void apply(ObjectSchema<E> schema, E entity, ObjectNode body, Violations v,
            boolean creating) {
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (creating && value.isNull()) {
                continue; // a creation's null is an absent member: the field keeps its default
            }
            if (name.equals("externalId")) {
                entity.externalId = value.isNull() ? null : (String) EXTERNAL_ID.parse(value, name, v);
                continue;
            }
            if (ASSIGNED.contains(name)) {
                v.add(name, "is assigned by RevOS and cannot be written");
                continue;
            }
            Field<E> field = schema.field(name).orElse(null);
            if (field == null) {
                v.add(name, "is not a field of " + schema.withArticle());
            } else if (field.mode() == Field.Mode.READ_ONLY || (!creating && field.mode() == Field.Mode.CREATE_ONLY)) {
                v.add(name, "cannot be written: " + field.readOnlyReason());
            } else if (value.isNull()) {
                if (field.isClearable()) {
                    field.set(entity, null);
                } else {
                    v.add(name, "cannot be cleared with null: " + field.whyNotClearable());
                }
            } else {
                Object parsed = field.type().parse(value, name, v);
                if (parsed != null) {
                    field.set(entity, mergeProperties(field, entity, parsed, creating));
                }
            }
        }
        if (creating) {
            for (Field<E> field : schema.fields()) {
                if (field.isRequired() && (body.path(field.name()).isMissingNode()
                        || body.path(field.name()).isNull())) {
                    v.add(field.name(), "is required");
                }
            }
        }
    }

    /** Custom properties merge key by key on PATCH; a null value removes the key. */
    private static <E extends TenantRow> Object mergeProperties(Field<E> field, E entity, Object parsed,
            boolean creating) {
        if (!(parsed instanceof ObjectNode patch) || !field.name().equals("properties")) {
            return parsed;
        }
        ObjectNode merged = creating ? JsonNodeFactory.instance.objectNode()
                : (ObjectNode) field.type().render(field.get(entity)).deepCopy();
        patch.fields().forEachRemaining(e -> {
            if (e.getValue().isNull() && !creating) {
                merged.remove(e.getKey());
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    /** Custom property values must fit the tenant's definitions. */
    private static <E extends TenantRow> void checkProperties(Tx tx, ObjectSchema<E> schema, E entity, Violations v) {
        Field<E> properties = schema.field("properties").orElse(null);
        if (properties != null && !v.has("properties")) {
            PropertyValues.check(tx, schema.type().name(), properties.type().render(properties.get(entity)),
                    "properties", v);
        }
    }

    private static <E extends TenantRow> void checkReferences(Tx tx, ObjectSchema<E> schema, E entity,
            ObjectNode before, Violations v) {
        for (Field<E> field : schema.fields()) {
            Object id = field.references() == null ? null : field.get(entity);
            if (id == null || v.has(field.name())
                    || (before != null && id.equals(before.path(field.name()).asText(null)))) {
                continue;
            }
            ObjectSchema<?> target = Catalog.of(field.references()).orElseThrow();
            if (tx.em().find(target.entityClass(), id) == null) {
                v.add(field.name(), "no " + target.name() + " with id " + id);
            }
        }
    }

    private static <E extends TenantRow> void checkExternalIdFree(Tx tx, ObjectSchema<E> schema, E entity) {
        if (entity.externalId == null) {
            return;
        }
        Map<String, String> resolved = tx.externalIds(schema.type().name());
        boolean taken;
        if (resolved != null) {
            String holder = resolved.putIfAbsent(entity.externalId, entity.id);
            taken = holder != null && !holder.equals(entity.id);
        } else {
            taken = tx.em().createQuery("SELECT COUNT(e) FROM " + schema.entityName()
                    + " e WHERE e.externalId = :ext AND e.id <> :id", Long.class).setParameter("ext",
                            entity.externalId).setParameter("id", entity.id).getSingleResult() > 0;
        }
        if (taken) {
            throw Problem.conflict("Another " + schema.name() + " has externalId " + entity.externalId,
                    List.of(new FieldError("externalId", "is already used by another " + schema.name())));
        }
    }

    /** Property definitions are read once per transaction ({@link Tx#once}); writing one forgets those reads. */
    private static void configurationWritten(Tx tx, ObjectSchema<?> schema) {
        if (schema.type() == org.revos.api.model.ObjectType.PROPERTY_DEFINITION) {
            tx.forgetReads();
        }
    }

    private static Map<String, Object> event(ObjectSchema<?> schema, TenantRow entity) {
        return Map.of(RevosEvents.OBJECT_TYPE, schema.type().name(), RevosEvents.OBJECT_ID, entity.id);
    }

    private static Object filterValue(ObjectSchema<?> schema, String name, List<String> values, Violations v) {
        if (values.size() != 1) {
            v.add(name, "give one value");
            return null;
        }
        if (name.equals("externalId")) {
            // the same rules as the member: at most 200 characters, no control characters, not blank
            return EXTERNAL_ID.parseQuery(values.get(0), name, v);
        }
        Field<?> field = schema.field(name).orElse(null);
        if (field == null || !field.isFilterable()) {
            List<String> allowed = new ArrayList<>(List.of("limit", "cursor", "externalId"));
            schema.fields().stream().filter(Field::isFilterable).forEach(f -> allowed.add(f.name()));
            v.add(name, "is not a filter of " + schema.path() + "; use one of " + String.join(", ", allowed));
            return null;
        }
        return field.type().parseQuery(values.get(0), name, v);
    }
}
