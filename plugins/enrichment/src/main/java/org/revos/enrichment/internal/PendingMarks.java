package org.revos.enrichment.internal;

import org.osgi.service.component.annotations.Component;
import org.revos.kernel.spi.TenantTransaction;
import org.revos.kernel.spi.objects.ObjectWriteHook;

/**
 * Marks a new account or lead pending when it names a company domain and lacks firmographics, in its creation's
 * transaction (whichever way it was created: REST, import, sync), so the mark and the object commit together. The
 * {@link EnrichmentEngine} works the marks off after the commit.
 */
@Component(service = ObjectWriteHook.class)
public final class PendingMarks implements ObjectWriteHook {

    /** The mark's id is the object's: one mark per object, whose order follows the objects' creation. */
    static final String ID_PREFIX = "enp_";

    @Override
    public void written(TenantTransaction tx, ObjectWrite write) {
        if (!write.created() || !EnrichedObject.enriches(write.type())
                || new EnrichedObject(write.type(), write.after()).request() == null) {
            return;
        }
        PendingEnrichmentEntity pending = new PendingEnrichmentEntity();
        pending.id = ID_PREFIX + write.id();
        pending.objectType = write.type().name();
        pending.objectId = write.id();
        pending.nextAttemptAt = tx.now();
        pending.createdAt = tx.now();
        pending.updatedAt = tx.now();
        tx.em().persist(pending);
    }
}
