package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Refuses fields of an object a caller may not write now, before the object engine applies any of them: register an
 * implementation as an OSGi service (whiteboard) and the kernel's object engine calls it inside every creation and
 * JSON merge patch of an object, whichever way it came (REST, import, another engine through
 * {@link ObjectCollections}), before the object's own checks. The integration engine refuses this way the fields an
 * inbound sync owns (their source of truth is the external system), naming each field and the system to change it
 * in. Since 1.5.
 * <p>
 * Writes made without a caller ({@link TenantTransaction#caller()} {@code null}: a sync, an engine's own background
 * work) reach the guards too; a guard decides whether they pass. A guard must not write; it throws a
 * {@link org.revos.kernel.spi.Problem} (a 409 listing every refused field) to refuse, which rolls the write back.
 * Guards run in order of service ranking, highest first, and are called for every object type.
 */
@ConsumerType
public interface ObjectWriteGuard {

    /**
     * @param schema the object's collection
     * @param id     the object's id, {@code null} for a creation
     * @param fields the fields the write sets, as the request named them (the fields placed on creation left out)
     * @throws org.revos.kernel.spi.Problem to refuse the write
     */
    void check(TenantTransaction tx, ObjectSchema<?> schema, String id, ObjectNode fields);
}
