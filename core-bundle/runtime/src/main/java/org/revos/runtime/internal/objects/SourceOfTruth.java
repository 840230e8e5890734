package org.revos.runtime.internal.objects;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.revos.kernel.spi.FieldError;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.SyncDefinitionEntity;
import org.revos.runtime.internal.persistence.Tx;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Enforces one source of truth per object: while a {@code ONE_WAY_IN} sync names an external system as the source of
 * an object type, writes by API callers (REST, CSV imports) of the fields that sync owns are refused with a 409 that
 * names each field and the system to change it in. The sync itself writes without a caller and is let through.
 */
final class SourceOfTruth {

    private SourceOfTruth() {
    }

    /** @throws Problem 409 listing every field of {@code body} that an inbound sync owns */
    static void check(Tx tx, ObjectSchema<?> schema, JsonNode body) {
        if (tx.caller() == null || !body.isObject()) {
            return;
        }
        List<SyncDefinitionEntity> syncs = tx.once("inbound-syncs:" + schema.type().name(), () -> tx.em()
                .createQuery("SELECT d FROM SyncDefinitionEntity d WHERE d.objectType = :t AND d.direction ="
                        + " 'ONE_WAY_IN' ORDER BY d.id", SyncDefinitionEntity.class)
                .setParameter("t", schema.type().name()).getResultList());
        List<FieldError> owned = new ArrayList<>();
        for (SyncDefinitionEntity sync : syncs) {
            List<String> fields = Arrays.asList(sync.fields.split(","));
            body.fieldNames().forEachRemaining(name -> {
                if (fields.contains(name)) {
                    owned.add(new FieldError(name, "is synced one way from " + sync.source + " (sync definition "
                            + sync.id + "), its source of truth: change it there"));
                }
            });
        }
        if (!owned.isEmpty()) {
            throw Problem.conflict("The " + schema.path() + " fields " + owned.stream().map(FieldError::field)
                    .toList() + " are owned by an inbound sync; RevOS takes them from the source of truth and"
                    + " refuses writes of them", owned);
        }
    }
}
