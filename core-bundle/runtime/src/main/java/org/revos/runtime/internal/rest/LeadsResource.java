package org.revos.runtime.internal.rest;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.persistence.Store;

/** {@code /api/v1/leads} */
@Component(service = LeadsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("leads")
public final class LeadsResource extends MutableCollectionResource<LeadEntity> {

    @Activate
    public LeadsResource(@Reference Store store, @Reference Idempotency idempotency) {
        super(Catalog.LEAD, store, idempotency);
    }
}
