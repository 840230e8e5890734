package org.revos.integration.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.objects.ObjectWriteGuard;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Enforces one source of truth per object: while a {@code ONE_WAY_IN} sync names an external system as the source of
 * an object type, writes by API callers (REST, CSV imports) of the fields that sync owns are refused with a 409 that
 * names each field and the system to change it in. The sync itself writes without a caller and is let through. A
 * guard of the kernel's object engine, so it holds for every way a caller writes; while the engine is away no sync
 * runs, and nothing owns fields.
 */
@Component(service = ObjectWriteGuard.class)
public final class SourceOfTruth implements ObjectWriteGuard {

    @Override
    public void check(TenantTransaction tx, ObjectSchema<?> schema, String id, ObjectNode fields) {
        if (tx.caller() == null || fields.isEmpty()) {
            return;
        }
        // asked once per transaction and type: an import's batch of a thousand rows reads the definitions once
        List<Owner> syncs = tx.once("inbound-syncs:" + schema.type().name(), () -> tx.em()
                .createQuery("SELECT d FROM SyncDefinitionEntity d WHERE d.objectType = :t AND d.direction ="
                        + " 'ONE_WAY_IN' ORDER BY d.id", SyncDefinitionEntity.class)
                .setParameter("t", schema.type().name()).getResultList().stream()
                .map(d -> new Owner(d.id, d.source, Arrays.asList(d.fields.split(",")))).toList());
        List<FieldError> owned = new ArrayList<>();
        for (Owner sync : syncs) {
            fields.fieldNames().forEachRemaining(name -> {
                if (sync.fields().contains(name)) {
                    owned.add(new FieldError(name, "is synced one way from " + sync.source() + " (sync definition "
                            + sync.id() + "), its source of truth: change it there"));
                }
            });
        }
        if (!owned.isEmpty()) {
            throw Problem.conflict("The " + schema.path() + " fields " + owned.stream().map(FieldError::field)
                    .toList() + " are owned by an inbound sync; RevOS takes them from the source of truth and"
                    + " refuses writes of them", owned);
        }
    }

    /** An inbound sync's claim, read once per transaction (not the managed entity, which must not leave it). */
    private record Owner(String id, String source, List<String> fields) {
    }
}
