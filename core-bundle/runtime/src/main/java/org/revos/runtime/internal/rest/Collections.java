package org.revos.runtime.internal.rest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.api.model.ObjectType;
import org.revos.api.security.Caller;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.objects.ObjectEngine;
import org.revos.runtime.internal.objects.PropertyValues;
import org.revos.runtime.internal.objects.Provenance;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The kernel's {@link ObjectEngine} and {@link Idempotency} as collection resources, the kernel's and engines', use them. */
@Component(service = ObjectCollections.class)
public final class Collections implements ObjectCollections {

    private final Store store;
    private final Idempotency idempotency;

    @Activate
    public Collections(@Reference Store store, @Reference Idempotency idempotency) {
        this.store = store;
        this.idempotency = idempotency;
    }

    @Override
    public <E extends TenantRow> ObjectNode list(String tenantId, ObjectSchema<E> schema,
            Map<String, List<String>> query) {
        return store.read(tenantId, em -> ObjectEngine.list(em, schema, query));
    }

    @Override
    public <E extends TenantRow> ObjectNode get(String tenantId, ObjectSchema<E> schema, String id) {
        return store.read(tenantId, em -> ObjectEngine.render(schema, ObjectEngine.find(em, schema, id)));
    }

    @Override
    public <E extends TenantRow> Response create(Caller caller, ObjectSchema<E> schema, JsonNode fields,
            JsonNode body, String idempotencyKey, AfterCreate afterCreate) {
        return idempotency.post(caller.tenantId(), caller, idempotencyKey, "POST " + schema.path() + "\n" + body,
                tx -> {
                    String id = ObjectEngine.create(tx, schema, fields).get("id").asText();
                    afterCreate.created(tx, id, body);
                    JsonNode created = ObjectEngine.render(schema, ObjectEngine.find(tx.em(), schema, id));
                    return Answer.created(schema.path() + "/" + id, created);
                }, answer -> answer);
    }

    @Override
    public <E extends TenantRow> ObjectNode patch(Caller caller, ObjectSchema<E> schema, String id, JsonNode body) {
        return store.write(caller.tenantId(), caller, tx -> ObjectEngine.patch(tx, schema, id, body));
    }

    @Override
    public <E extends TenantRow> void delete(Caller caller, ObjectSchema<E> schema, String id) {
        store.write(caller.tenantId(), caller, tx -> {
            ObjectEngine.delete(tx, schema, id);
            return null;
        });
    }

    @Override
    public <E extends TenantRow> ObjectNode create(TenantTransaction tx, ObjectSchema<E> schema, JsonNode fields) {
        return ObjectEngine.create(kernel(tx), schema, fields);
    }

    @Override
    public <E extends TenantRow> ObjectNode create(TenantTransaction tx, ObjectSchema<E> schema, JsonNode fields,
            boolean derivesRecords) {
        return ObjectEngine.create(kernel(tx), schema, fields, derivesRecords);
    }

    @Override
    public <E extends TenantRow> ObjectNode patch(TenantTransaction tx, ObjectSchema<E> schema, String id,
            JsonNode body) {
        return ObjectEngine.patch(kernel(tx), schema, id, body);
    }

    @Override
    public <E extends TenantRow> ObjectNode render(ObjectSchema<E> schema, E entity) {
        return ObjectEngine.render(schema, entity);
    }

    @Override
    public void resolvedExternalIds(TenantTransaction tx, ObjectType type, java.util.Map<String, String> known) {
        kernel(tx).resolvedExternalIds(type.name(), known);
    }

    @Override
    public <E extends TenantRow> ObjectNode read(TenantTransaction tx, ObjectSchema<E> schema, String id) {
        return ObjectEngine.render(schema, ObjectEngine.find(kernel(tx).em(), schema, id));
    }

    @Override
    public <E extends TenantRow> ObjectNode derive(TenantTransaction tx, ObjectSchema<E> schema, String id,
            ObjectNode fields) {
        return ObjectEngine.derive(kernel(tx), schema, id, fields);
    }

    @Override
    public void checkProperties(TenantTransaction tx, ObjectType type, JsonNode properties, String path,
            Violations violations) {
        PropertyValues.check(kernel(tx), type.name(), properties, path, violations);
    }

    @Override
    public Optional<ObjectSchema<?>> schema(ObjectType type) {
        return Catalog.of(type);
    }

    @Override
    public <E extends TenantRow> ObjectNode fillEmpty(TenantTransaction tx, ObjectSchema<E> schema, String id,
            String action, List<Found> found) {
        return Provenance.fillEmpty(kernel(tx), schema, id, action, found);
    }

    private static Tx kernel(TenantTransaction tx) {
        if (!(tx instanceof Tx kernelTx)) {
            throw new IllegalArgumentException("not a transaction of this kernel: " + tx);
        }
        return kernelTx;
    }
}
