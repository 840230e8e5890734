package org.revos.runtime.internal.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.revos.api.model.ObjectType;
import org.revos.api.model.Tenant;
import org.revos.api.spi.ImportRow;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.Field;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.TenantRow;
import org.revos.runtime.internal.persistence.Tx;
import org.revos.runtime.internal.problem.FieldError;
import org.revos.runtime.internal.problem.Problem;
import org.revos.runtime.internal.stages.StageCatalog;
import org.revos.runtime.internal.stages.StageEngine;
import org.revos.runtime.internal.stages.StagedCollectionResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

/**
 * Writes one imported row with exactly the rules of the REST API: it finds the object the row names (by
 * {@code externalId}, else by {@code id}, else none), then creates or merge-patches it through the
 * {@link ObjectEngine}; a lead's or deal's {@code pipeline} and {@code stage} go through the {@link StageEngine}.
 * A row whose {@code externalId} is empty uses its {@code id} as the external id, so a native export imported again,
 * here or into another tenant, updates instead of duplicating. References ({@code accountId}, ...) name an object by
 * id or, failing that, by external id.
 */
final class RowApplier<E extends TenantRow> {

    /** What a row did. */
    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    private static final Set<String> STAGE_FIELDS = Set.of("pipeline", "stage");
    private static final int REFERENCE_CACHE = 10_000;

    private final ObjectSchema<E> schema;
    private final CellValues cells;
    private final Supplier<Tenant> tenant;
    private final Supplier<StageCatalog> stages;
    private final Map<String, String> references = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REFERENCE_CACHE;
        }
    };

    /** @param stages the tenant's stage model, asked only when a lead or deal row needs it */
    RowApplier(ObjectSchema<E> schema, Supplier<Tenant> tenant, Supplier<StageCatalog> stages) {
        this.schema = schema;
        this.tenant = tenant;
        this.cells = new CellValues(schema);
        this.stages = stages;
    }

    /**
     * Applies one row, then writes it to the database and empties the persistence context: every query of the next
     * row would otherwise make EclipseLink compare every object the batch touched so far, which makes a batch cost
     * the square of its size.
     *
     * @throws Problem listing every problem of the row; the caller's transaction may then hold part of it
     */
    Outcome apply(Tx tx, ImportRow row) {
        Outcome outcome = applyRow(tx, row);
        tx.em().flush();
        tx.em().clear();
        return outcome;
    }

    private Outcome applyRow(Tx tx, ImportRow row) {
        Map<String, String> cellsOf = row.fields();
        String id = blankToNull(cellsOf.get("id"));
        String externalId = blankToNull(cellsOf.get("externalId"));
        String key = externalId != null ? externalId : id;
        E existing = key == null ? null : byExternalId(tx.em(), schema, key);
        if (existing == null && id != null && id.length() <= 40) {
            existing = tx.em().find(schema.entityClass(), id);
        }
        ObjectNode body = body(tx.em(), cellsOf, existing == null);
        if (existing == null) {
            if (key != null) {
                body.put("externalId", key);
            }
            String created = ObjectEngine.create(tx, schema, body).get("id").asText();
            if (isStaged()) {
                StagedCollectionResource.enter(tx, tenant.get(), stages.get(), schema.type(), created,
                        blankToNull(cellsOf.get("pipeline")), blankToNull(cellsOf.get("stage")));
            }
            return Outcome.CREATED;
        }
        if (externalId != null && existing.externalId == null) {
            body.put("externalId", externalId);
        }
        ObjectNode before = ObjectEngine.render(schema, existing);
        if (schema.appendOnly()) {
            return unchangedOrRefused(before, body);
        }
        ObjectNode after = ObjectEngine.patch(tx, schema, existing.id, body);
        if (isStaged()) {
            move(tx, existing.id, after, blankToNull(cellsOf.get("pipeline")), blankToNull(cellsOf.get("stage")));
            after = ObjectEngine.render(schema, ObjectEngine.find(tx.em(), schema, existing.id));
        }
        return withoutTimes(before).equals(withoutTimes(after)) ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    private ObjectNode body(EntityManager em, Map<String, String> row, boolean creating) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String name = cell.getKey();
            Field<E> field = schema.field(name).orElse(null);
            if (field == null || field.mode() == Field.Mode.READ_ONLY || STAGE_FIELDS.contains(name)) {
                continue; // id, externalId, and what RevOS derives (arr of an account, a deal's stage) are not set
            }
            String text = cell.getValue();
            if (text == null || text.isEmpty()) {
                if (!creating) {
                    body.set(name, NullNode.instance);
                }
                continue;
            }
            if (field.references() != null) {
                text = resolve(em, field.references(), text);
            }
            body.set(name, cells.json(name, text));
        }
        return body;
    }

    /** @return the id of the object {@code ref} names by id or external id; {@code ref} itself when none does */
    private String resolve(EntityManager em, ObjectType type, String ref) {
        String cacheKey = type.name() + '\u0000' + ref;
        String cached = references.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        ObjectSchema<?> target = Catalog.of(type).orElseThrow();
        String id = ref.length() <= 40 && em.find(target.entityClass(), ref) != null ? ref : null;
        if (id == null) {
            TenantRow named = byExternalId(em, target, ref);
            id = named == null ? null : named.id;
        }
        if (id == null) {
            return ref; // the object engine reports "no <type> with id <ref>"
        }
        references.put(cacheKey, id);
        return id;
    }

    private static <T extends TenantRow> T byExternalId(EntityManager em, ObjectSchema<T> schema, String externalId) {
        List<T> found = em.createQuery("SELECT e FROM " + schema.entityName() + " e WHERE e.externalId = :ext",
                schema.entityClass()).setParameter("ext", externalId).setMaxResults(1).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private boolean isStaged() {
        return schema.type() == ObjectType.LEAD || schema.type() == ObjectType.DEAL;
    }

    private void move(Tx tx, String id, ObjectNode current, String pipeline, String stage) {
        if (pipeline != null && !pipeline.equals(current.path("pipeline").asText(null))) {
            throw Problem.invalid("pipeline", "is " + current.path("pipeline").asText(null) + " for this "
                    + schema.name() + "; an import does not move objects between pipelines");
        }
        if (stage != null && !stage.equals(current.path("stage").asText(null))) {
            transition(tx, id, stage);
        }
    }

    private void transition(Tx tx, String id, String stage) {
        StageCatalog catalog = stages.get();
        ObjectNode move = JsonNodeFactory.instance.objectNode().put("toStage", stage);
        StageEngine.transition(tx, tenant.get(), catalog, schema.type(), id, move);
    }

    /** Revenue events never change: the same row again is fine, a different one is refused. */
    private Outcome unchangedOrRefused(ObjectNode stored, ObjectNode body) {
        for (Map.Entry<String, JsonNode> cell : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            JsonNode was = stored.get(cell.getKey());
            if (!sameValue(was, cell.getValue())) {
                throw Problem.conflict("The " + schema.name() + " " + stored.get("id").asText() + " exists with "
                        + "another " + cell.getKey(), List.of(new FieldError(cell.getKey(), schema.path()
                                + " are append-only; record a correcting event with a new externalId instead")));
            }
        }
        return Outcome.UNCHANGED;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || a.isNull()) {
            return b == null || b.isNull();
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static ObjectNode withoutTimes(ObjectNode rendered) {
        ObjectNode copy = rendered.deepCopy();
        copy.remove("updatedAt");
        return copy;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
