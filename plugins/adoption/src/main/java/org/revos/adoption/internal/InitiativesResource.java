package org.revos.adoption.internal;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.rest.MutableCollectionResource;
import org.revos.kernel.spi.rest.RevosResources;

/** {@code /api/v1/adoption/initiatives}: initiatives with what they change, their owner and their five phases. */
@Component(service = InitiativesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("adoption/initiatives")
public final class InitiativesResource extends MutableCollectionResource<InitiativeEntity> {

    @Activate
    public InitiativesResource(@Reference ObjectCollections collections,
            @Reference AdoptionCollections registered) {
        super(AdoptionCollections.INITIATIVE, collections);
    }
}
