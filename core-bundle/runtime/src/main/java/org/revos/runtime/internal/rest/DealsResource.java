package org.revos.runtime.internal.rest;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.persistence.Store;

/** {@code /api/v1/deals} */
@Component(service = DealsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("deals")
public final class DealsResource extends MutableCollectionResource<DealEntity> {

    @Activate
    public DealsResource(@Reference Store store, @Reference Idempotency idempotency) {
        super(Catalog.DEAL, store, idempotency);
    }
}
