package org.revos.runtime.internal.rest;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.rest.MutableCollectionResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.DealEntity;

/**
 * {@code /api/v1/deals}. A creation may name its {@code pipeline} and {@code stage}: the object engine hands them to
 * the stage engine (an {@code ObjectShaper}); later stage changes go through
 * {@code POST /api/v1/deals/{id}/transitions}, which the stage engine serves.
 */
@Component(service = DealsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("deals")
public final class DealsResource extends MutableCollectionResource<DealEntity> {

    @Activate
    public DealsResource(@Reference ObjectCollections collections) {
        super(Catalog.DEAL, collections);
    }
}
