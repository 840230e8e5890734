package org.revos.kernel.spi.objects;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.osgi.annotation.versioning.ProviderType;
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
 * An engine whose collection other collections may refer to, or that the kernel's imports, exports and OpenAPI
 * document should know, registers its schema as an OSGi service of type {@link ObjectSchema}.
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
}
