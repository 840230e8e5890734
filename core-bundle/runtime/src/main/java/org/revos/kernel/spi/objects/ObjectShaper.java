package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Shapes a new object inside its creation's transaction: register an implementation as an OSGi service (whiteboard)
 * and the kernel's object engine calls it for every creation, whichever way it came (REST, import, sync, another
 * engine through {@link ObjectCollections}), once the object is stored and its {@link ObjectRules} ran, and
 * <em>before</em> it is rendered for the {@link ObjectWriteHook}s, the audit entry, the event and the answer. Unlike
 * a write hook, a shaper may change the object it is told about, through {@link ObjectCollections#derive}: the stage
 * engine places a new lead or deal in the first stage of its pipeline this way, so everything after sees the object
 * in its stage. Since 1.4.
 * <p>
 * Fields a creation may name but the object engine never writes ({@link Field#placedOnCreate()}, such as a deal's
 * {@code pipeline} and {@code stage}) reach the shapers through {@link Creation#take}; a creation that names one no
 * shaper took is refused with a 409 problem naming the field and who places it, and rolls back. A shaper that throws
 * rolls the creation back (a {@link org.revos.kernel.spi.Problem} reaches the client as its problem JSON). Shapers
 * run in order of service ranking, highest first, and are called for every object type: return at once for types the
 * shaper does not care about.
 */
@ConsumerType
public interface ObjectShaper {

    /** One creation of one object, as the object engine hands it to the shapers. */
    @ProviderType
    interface Creation {

        ObjectType type();

        /** @return the new object's id */
        String id();

        /**
         * @return the value the creation gave {@code field}, one of the object's {@link Field#placedOnCreate()}
         *         fields, and marks it as applied; {@code null} when the creation did not name it (or named it
         *         {@code null})
         */
        JsonNode take(String field);

        /**
         * @return {@code false} when the write brings, in rows of its own, the objects this creation would otherwise
         *         derive (an import whose revenue events come in their own file: a deal placed in a won stage then
         *         records no revenue event of its own); {@code true} for every other creation
         */
        boolean derivesRecords();
    }

    /**
     * Called inside the creation's transaction.
     *
     * @throws RuntimeException to roll the creation back
     */
    void creating(TenantTransaction tx, Creation creation);
}
