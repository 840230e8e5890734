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
import org.revos.runtime.internal.persistence.LeadEntity;

/**
 * {@code /api/v1/leads}. A creation may name its {@code pipeline} and {@code stage}: the object engine hands them to
 * the stage engine (an {@code ObjectShaper}); later stage changes go through
 * {@code POST /api/v1/leads/{id}/transitions}, which the stage engine serves.
 */
@Component(service = LeadsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("leads")
public final class LeadsResource extends MutableCollectionResource<LeadEntity> {

    @Activate
    public LeadsResource(@Reference ObjectCollections collections) {
        super(Catalog.LEAD, collections);
    }
}
