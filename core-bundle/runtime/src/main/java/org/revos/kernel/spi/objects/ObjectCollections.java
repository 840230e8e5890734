package org.revos.kernel.spi.objects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.ObjectType;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The kernel's object engine for collections described by an {@link ObjectSchema}: every field checked and every
 * problem listed, references to other objects of the tenant checked, JSON merge patch, refusal to delete what others
 * still refer to, audit entries and events, cursor pagination and filters, and {@code Idempotency-Key} on creation.
 * A service of the kernel; {@link org.revos.kernel.spi.rest.CollectionResource} is its REST face.
 * <p>
 * An engine whose collection other collections may refer to, or that imports, exports and the OpenAPI
 * document should know, registers its schema as an OSGi service of type {@link ObjectSchema}. An engine that must
 * act inside every write of objects registers an {@link ObjectWriteHook}; one that derives fields of new objects
 * registers an {@link ObjectShaper}.
 */
@ProviderType
public interface ObjectCollections {

    /** What a creation does beyond the object's own fields, inside the creation's transaction. */
    @FunctionalInterface
    interface AfterCreate {
        /** @param body the whole POST body, fields the object does not have included */
        void created(TenantTransaction tx, String id, JsonNode body);
    }

    /** @return one page of the collection, filtered by the query's equality filters */
    <E extends TenantRow> ObjectNode list(String tenantId, ObjectSchema<E> schema, Map<String, List<String>> query);

    /** @return the object as the API shows it; a 404 problem when the tenant has none with that id */
    <E extends TenantRow> ObjectNode get(String tenantId, ObjectSchema<E> schema, String id);

    /**
     * Creates an object from {@code fields} in one transaction, once per idempotency key.
     *
     * @param fields         the part of the body the object's fields take
     * @param body           the whole body (what makes two requests with one key the same)
     * @param idempotencyKey the request's {@code Idempotency-Key} header, or {@code null}
     * @return 201 with the created object and its {@code Location}
     */
    <E extends TenantRow> Response create(Caller caller, ObjectSchema<E> schema, JsonNode fields, JsonNode body,
            String idempotencyKey, AfterCreate afterCreate);

    /** Applies a JSON merge patch; answers the object as it is after the write. */
    <E extends TenantRow> ObjectNode patch(Caller caller, ObjectSchema<E> schema, String id, JsonNode body);

    /** Deletes an object; a 409 problem names what still refers to it. */
    <E extends TenantRow> void delete(Caller caller, ObjectSchema<E> schema, String id);

    /** Creates an object inside a transaction the caller runs (a write and its consequences commit together). */
    <E extends TenantRow> ObjectNode create(TenantTransaction tx, ObjectSchema<E> schema, JsonNode fields);

    /**
     * Creates an object inside a transaction the caller runs, telling the {@link ObjectShaper}s whether the write
     * brings in rows of its own what the creation would otherwise derive (since 1.5): an import whose revenue events
     * come in their own file creates its won deals with {@code derivesRecords} {@code false}, so none records a
     * revenue event of its own. {@code fields} may name the fields placed on creation (a deal's {@code stage}).
     */
    <E extends TenantRow> ObjectNode create(TenantTransaction tx, ObjectSchema<E> schema, JsonNode fields,
            boolean derivesRecords);

    /**
     * Applies a JSON merge patch inside a transaction the caller runs (since 1.5), with every rule, hook, audit entry
     * and event of a PATCH request; the same values again write nothing.
     *
     * @return the object as the API shows it afterwards
     * @throws org.revos.kernel.spi.Problem 404 for an unknown object, 400 listing every invalid field, 409 for a
     *                                      conflict
     */
    <E extends TenantRow> ObjectNode patch(TenantTransaction tx, ObjectSchema<E> schema, String id, JsonNode body);

    /**
     * @return an entity of the collection, read by the caller through {@link TenantTransaction#em()} or
     *         {@link org.revos.kernel.spi.TenantStore#query}, as the API shows it (since 1.5): a bulk reader (an
     *         export, an import comparing a row with what is stored) renders without reading each object again
     */
    <E extends TenantRow> ObjectNode render(ObjectSchema<E> schema, E entity);

    /**
     * Declares the external ids of {@code type} that this transaction's writes use, each mapped to the id of the
     * object holding it (since 1.5). A bulk writer that looked up its batch's keys in a few queries promises that
     * every external id its rows use is in {@code known} (taken) or free, and the object engine then checks their
     * uniqueness without a query per row, adding the ones it assigns. Without it the engine queries as for any write.
     */
    void resolvedExternalIds(TenantTransaction tx, ObjectType type, Map<String, String> known);

    /**
     * A value for an empty field and who found it.
     *
     * @param field  the field's name
     * @param value  the value as the API writes it
     * @param source who found it (a plugin id), recorded as the field's {@code provider}
     */
    record Found(String field, JsonNode value, String source) {
    }

    /**
     * @return the object as the API shows it, read inside a transaction the caller runs (what the transaction wrote
     *         included); since 1.4
     * @throws org.revos.kernel.spi.Problem 404 when the tenant has no such object
     */
    <E extends TenantRow> ObjectNode read(TenantTransaction tx, ObjectSchema<E> schema, String id);

    /**
     * Writes fields an engine derives, inside a transaction the caller runs (since 1.4): read-only fields declared
     * {@link Field#derivedBy derived} (a lead's {@code stage}) and writable ones the engine sets on the object's behalf
     * (a won deal's {@code closeDate}). Each value is parsed by its field's type (a 400 problem lists every misfit);
     * {@code properties} merges key by key as in a PATCH and records which defined keys were written. The object's
     * {@code updatedAt} becomes the transaction's instant. No rules, write hooks, audit entry or event: the engine
     * records the change as what it is (a stage transition).
     *
     * @return the object as the API shows it afterwards
     * @throws org.revos.kernel.spi.Problem 404 when the tenant has no such object
     * @throws IllegalArgumentException    for a field the object does not have or that no engine may write
     */
    <E extends TenantRow> ObjectNode derive(TenantTransaction tx, ObjectSchema<E> schema, String id,
            ObjectNode fields);

    /**
     * Adds a violation, at {@code path.<key>}, for every value of {@code properties} that does not fit the tenant's
     * definition of that custom property of {@code type} (since 1.4): an engine checks values it is about to write
     * before it judges anything else.
     */
    void checkProperties(TenantTransaction tx, ObjectType type, JsonNode properties, String path,
            org.revos.kernel.spi.Violations violations);

    /**
     * @return the collection of that object type, the kernel's (accounts, leads, ...) or a started engine's
     */
    Optional<ObjectSchema<?>> schema(ObjectType type);

    /**
     * Writes values found elsewhere into fields of an object that are still empty, inside a transaction the caller
     * runs, and records each in the object's provenance (its read-only {@code enriched} field: field &rarr;
     * {@code provider}, {@code at}, {@code value}), which a later write of that field by a user drops. A value goes
     * only into a field clients may write, that is empty, and whose type takes it; otherwise it is left out, and the
     * first value found for a field wins. When a field was written the change is audited as {@code action}, the
     * {@link ObjectWriteHook}s are called and {@code OBJECT_UPDATED} is published after the commit; the object's
     * {@link ObjectRules} do not run (filling empty fields adds what they would check).
     *
     * @return the object as it is afterwards, {@code null} when the tenant has no such object (any longer)
     * @throws IllegalArgumentException when objects of the collection keep no provenance
     */
    <E extends TenantRow> ObjectNode fillEmpty(TenantTransaction tx, ObjectSchema<E> schema, String id, String action,
            List<Found> found);
}
