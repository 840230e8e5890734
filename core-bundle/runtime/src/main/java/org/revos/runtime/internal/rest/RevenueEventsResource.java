package org.revos.runtime.internal.rest;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.rest.CollectionResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.RevenueEventEntity;

/** {@code /api/v1/revenue-events}: append-only; corrections are new events. */
@Component(service = RevenueEventsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("revenue-events")
public final class RevenueEventsResource extends CollectionResource<RevenueEventEntity> {

    @Activate
    public RevenueEventsResource(@Reference ObjectCollections collections) {
        super(Catalog.REVENUE_EVENT, collections);
    }
}
