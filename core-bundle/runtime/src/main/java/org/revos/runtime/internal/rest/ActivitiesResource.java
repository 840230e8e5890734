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
import org.revos.runtime.internal.persistence.ActivityEntity;

/** {@code /api/v1/activities} */
@Component(service = ActivitiesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("activities")
public final class ActivitiesResource extends MutableCollectionResource<ActivityEntity> {

    @Activate
    public ActivitiesResource(@Reference ObjectCollections collections) {
        super(Catalog.ACTIVITY, collections);
    }
}
