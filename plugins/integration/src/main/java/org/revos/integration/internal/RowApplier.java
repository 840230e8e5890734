package org.revos.integration.internal;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

import org.revos.api.model.ObjectType;
import org.revos.api.spi.ImportRow;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.StageMoves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes one imported row with exactly the rules of the REST API: it finds the object the row names (by
 * {@code externalId}, else by {@code id}, else none), then creates or merge-patches it through the
 * kernel's object engine ({@link ObjectCollections}); a lead's or deal's {@code pipeline} and {@code stage} go through the stage engine: on creation
 * as fields placed on creation (its {@code ObjectShaper}), afterwards as a move ({@link StageMoves}).
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

    private final ObjectCollections objects;
    private final ObjectSchema<E> schema;
    private final boolean recordRevenue;
    private final CellValues cells;
    private final Supplier<StageMoves> stages;
    /** the transaction {@link #prepare} last prepared */
    private TenantTransaction prepared;
    /** the objects the rows of the prepared batch name, by their key (external id, else id) */
    private final Map<String, E> batch = new HashMap<>();
    /** type NUL reference (an id or an external id) to the id it names, for the most recently used references */
    private final Map<String, String> references = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REFERENCE_CACHE;
        }
    };

    /** @param stages the stage engine's moves, {@code null} while no stage engine runs */
    RowApplier(ObjectCollections objects, ObjectSchema<E> schema, Supplier<StageMoves> stages) {
        this(objects, schema, stages, true);
    }

    /**
     * @param stages        the stage engine's moves, {@code null} while no stage engine runs; asked only when a
     *                      lead or deal row changes stage
     * @param recordRevenue whether a deal row's stage, when won or churned, records the deal's revenue event
     */
    RowApplier(ObjectCollections objects, ObjectSchema<E> schema, Supplier<StageMoves> stages,
            boolean recordRevenue) {
        this.objects = objects;
        this.recordRevenue = recordRevenue;
        this.schema = schema;
        this.cells = new CellValues(schema);
        this.stages = stages;
    }

    /** @return the collection whose rows this writes */
    ObjectSchema<E> schema() {
        return schema;
    }

    /**
     * Resolves, with a few queries for the whole batch, what the batch's rows name: the objects their keys name and
     * the objects their references name, which it loads into the transaction. Rows then apply without a query each,
     * so nothing is written to the database before the commit and the inserts go out in JDBC batches. The external
     * ids are handed to the transaction ({@link ObjectCollections#resolvedExternalIds}), so the object engine checks their
     * uniqueness without a query per row either. Call it once per transaction, before {@link #apply}.
     */
    void prepare(TenantTransaction tx, List<ImportRow> rows) {
        prepare(tx, rows, row -> true);
    }

    /**
     * {@link #prepare(TenantTransaction, List)}, looking up only the keys of the rows {@code mayExist} accepts. The others are taken
     * as new: an import's write pass skips the rows its validation pass found new a moment ago. Should one have been
     * created meanwhile, the database's unique (tenant, external id) index refuses the batch's commit, and the caller
     * writes its rows again one by one, each prepared with every lookup.
     */
    void prepare(TenantTransaction tx, List<ImportRow> rows, Predicate<ImportRow> mayExist) {
        EntityManager em = tx.em();
        em.setFlushMode(FlushModeType.COMMIT); // every query of the batch reads what was there before it
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Map<ObjectType, Set<String>> refs = new EnumMap<>(ObjectType.class);
        for (ImportRow row : rows) {
            String id = blankToNull(row.fields().get("id"));
            String externalId = blankToNull(row.fields().get("externalId"));
            boolean lookUp = mayExist.test(row);
            if ((externalId != null || id != null) && lookUp) {
                keys.add(externalId != null ? externalId : id);
            }
            if (id != null && id.length() <= 40 && lookUp) {
                ids.add(id);
            }
            for (Map.Entry<String, String> cell : row.fields().entrySet()) {
                Field<E> field = schema.field(cell.getKey()).orElse(null);
                String ref = cell.getValue();
                if (field != null && field.references() != null && ref != null && !ref.isEmpty()) {
                    refs.computeIfAbsent(field.references(), t -> new HashSet<>()).add(ref);
                }
            }
        }
        batch.clear();
        prepared = tx;
        Map<String, String> externalIds = new HashMap<>();
        for (E e : Bulk.byExternalId(em, schema, keys)) {
            batch.put(e.externalId, e);
            externalIds.put(e.externalId, e.id);
        }
        ids.removeIf(id -> batch.containsKey(id));
        for (E e : Bulk.byId(em, schema, ids)) {
            batch.put(e.id, e);
        }
        objects.resolvedExternalIds(tx, schema.type(), externalIds);
        refs.forEach((type, named) -> loadReferences(em, type, named));
    }

    /** @return whether {@code row}, of the batch just prepared, names an object that exists */
    boolean names(ImportRow row) {
        String id = blankToNull(row.fields().get("id"));
        String externalId = blankToNull(row.fields().get("externalId"));
        return (externalId != null && batch.containsKey(externalId)) || (id != null && batch.containsKey(id));
    }

    /** Resolves references by id, else by external id, and loads the objects named, for the engine's checks. */
    private void loadReferences(EntityManager em, ObjectType type, Set<String> named) {
        ObjectSchema<? extends TenantRow> target = Transfers.of(objects, type);
        Set<String> ids = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        for (String ref : named) {
            String id = references.get(type.name() + '\u0000' + ref);
            (id != null ? ids : unknown).add(id != null ? id : ref);
        }
        Set<String> byId = new HashSet<>();
        for (TenantRow found : Bulk.byId(em, target, unknown)) {
            references.put(type.name() + '\u0000' + found.id, found.id);
            byId.add(found.id);
        }
        unknown.removeAll(byId);
        for (TenantRow found : Bulk.byExternalId(em, target, unknown)) {
            references.put(type.name() + '\u0000' + found.externalId, found.id);
        }
        ids.removeIf(id -> byId.contains(id));
        Bulk.byId(em, target, ids); // loaded: the engine's checks find them in the transaction
    }

    /**
     * Applies one row in the transaction {@link #prepare} prepared (a transaction it did not prepare is prepared for
     * this row alone). Nothing is flushed: the transaction writes the batch at its commit.
     *
     * @throws Problem listing every problem of the row; the caller's transaction may then hold part of it
     */
    Outcome apply(TenantTransaction tx, ImportRow row) {
        if (tx != prepared) {
            prepare(tx, List.of(row));
        }
        Map<String, String> cellsOf = row.fields();
        String id = blankToNull(cellsOf.get("id"));
        String externalId = blankToNull(cellsOf.get("externalId"));
        String key = externalId != null ? externalId : id;
        E existing = key == null ? null : batch.get(key);
        if (existing == null && id != null) {
            existing = batch.get(id);
        }
        ObjectNode body = body(cellsOf, existing == null);
        if (existing == null) {
            if (key != null) {
                body.put("externalId", key);
            }
            if (isStaged()) { // placed on creation by the stage engine, every entry requirement checked
                STAGE_FIELDS.forEach(f -> {
                    String value = blankToNull(cellsOf.get(f));
                    if (value != null) {
                        body.put(f, value);
                    }
                });
            }
            String created = objects.create(tx, schema, body, recordRevenue).get("id").asText();
            if (key != null) {
                batch.put(key, tx.em().find(schema.entityClass(), created)); // the file names it again: an update
            }
            return Outcome.CREATED;
        }
        if (externalId != null && existing.externalId == null) {
            body.put("externalId", externalId);
        }
        ObjectNode before = objects.render(schema, existing);
        if (schema.appendOnly()) {
            return unchangedOrRefused(before, body);
        }
        ObjectNode after = objects.patch(tx, schema, existing.id, body);
        if (isStaged()) {
            move(tx, existing.id, after, blankToNull(cellsOf.get("pipeline")), blankToNull(cellsOf.get("stage")));
            after = objects.read(tx, schema, existing.id);
        }
        return before.equals(after) ? Outcome.UNCHANGED : Outcome.UPDATED; // an unchanged patch keeps updatedAt
    }

    private ObjectNode body(Map<String, String> row, boolean creating) {
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
                text = references.getOrDefault(field.references().name() + '\u0000' + text, text); // else the
                // object engine reports "no <type> with id <text>"
            }
            body.set(name, cells.json(name, text));
        }
        return body;
    }

    private boolean isStaged() {
        return schema.type() == ObjectType.LEAD || schema.type() == ObjectType.DEAL;
    }

    private void move(TenantTransaction tx, String id, ObjectNode current, String pipeline, String stage) {
        if (pipeline != null && !pipeline.equals(current.path("pipeline").asText(null))) {
            throw Problem.invalid("pipeline", "is " + current.path("pipeline").asText(null) + " for this "
                    + schema.name() + "; an import does not move objects between pipelines");
        }
        if (stage != null && !stage.equals(current.path("stage").asText(null))) {
            transition(tx, id, stage);
        }
    }

    private void transition(TenantTransaction tx, String id, String stage) {
        StageMoves moves = stages.get();
        if (moves == null) {
            throw Problem.conflict("The " + schema.name() + " cannot change stage: the stage engine"
                    + " (org.revos.stages) is not running", List.of(new FieldError("stage", "no running engine"
                            + " moves " + schema.name() + "s between stages")));
        }
        ObjectNode move = JsonNodeFactory.instance.objectNode().put("toStage", stage);
        moves.move(tx, schema.type(), id, move, recordRevenue);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
