package org.revos.kernel.spi.objects;

import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.Violations;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a collection checks and does beyond its fields' types: rules across fields and objects, and effects of a
 * write inside the same transaction.
 *
 * @param <E> the entity type
 */
public interface ObjectRules<E> {

    /** Fills defaults of a new object before it is checked. */
    default void defaults(TenantTransaction tx, E created) {
    }

    /**
     * Checks the object as it would be after the write.
     *
     * @param before the object as the API showed it before the write, {@code null} on create
     */
    default void check(TenantTransaction tx, E candidate, ObjectNode before, Violations violations) {
    }

    /** Runs after the object has been written, in the same transaction (side effects, events). */
    default void afterWrite(TenantTransaction tx, E written, ObjectNode before) {
    }

    /** Runs after the object has been deleted, in the same transaction (history that outlives it). */
    default void afterDelete(TenantTransaction tx, E deleted) {
    }

    /** Checks whether the object may be deleted; adds a violation naming what prevents it. */
    default void checkDelete(TenantTransaction tx, E stored, Violations violations) {
    }
}
