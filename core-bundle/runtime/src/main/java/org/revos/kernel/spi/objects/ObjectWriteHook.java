package org.revos.kernel.spi.objects;

import org.osgi.annotation.versioning.ConsumerType;
import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.TenantTransaction;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Takes part in every write of an object: register an implementation as an OSGi service (whiteboard) and the
 * kernel's object engine calls it inside the write's transaction, whichever way the write came (REST, import, sync,
 * another engine through {@link ObjectCollections}), after the object's own {@link ObjectRules} and before the audit
 * entry and the event. What the hook writes through {@link TenantTransaction#em()} commits with the object or not at
 * all: an engine keeps state that must follow the objects this way (a pending enrichment, a stage's history).
 * <p>
 * A hook that throws rolls the whole write back: a {@link org.revos.kernel.spi.Problem} reaches the client as its
 * problem JSON, any other exception as a 500. Refuse a write only when it must not happen; anything that can be done
 * later belongs after the commit (an event handler, a timer). Hooks run in order of service ranking, highest first,
 * and are called for every object type: return at once for types the hook does not care about. A hook must not
 * change the object it is told about (the audit entry and the answer are already rendered); its own rows and other
 * objects are its to write. An engine that must change a new object (place it in a stage) registers an
 * {@link ObjectShaper}, which runs before the object is rendered.
 * <p>
 * Since 1.2, the writes a hook hears of include those the kernel makes to other objects as consequences of a write:
 * when a deal changes owner, each of its revenue events dated from then on is re-assigned to the new owner
 * ({@code dealOwnerId}), and the hooks are called for each such event (type {@code REVENUE_EVENT}, before and after
 * as the API renders them) in the deal's transaction, before the deal's own call. An engine that follows revenue
 * (the credit ledger) therefore needs nothing but the event writes.
 */
@ConsumerType
public interface ObjectWriteHook {

    /** One write of one object, as the API renders it. */
    record ObjectWrite(ObjectType type, String id, ObjectNode before, ObjectNode after) {

        /** @return whether the object was created by this write ({@link #before} is {@code null}) */
        public boolean created() {
            return before == null;
        }

        /** @return whether the object was deleted by this write ({@link #after} is {@code null}) */
        public boolean deleted() {
            return after == null;
        }
    }

    /**
     * Called inside the write's transaction once the object has been written (or deleted) and its rules have run.
     *
     * @throws RuntimeException to roll the write back
     */
    void written(TenantTransaction tx, ObjectWrite write);
}
