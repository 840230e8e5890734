package org.revos.runtime.internal.adoption;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.InitiativeEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.rest.Idempotency;
import org.revos.runtime.internal.rest.MutableCollectionResource;
import org.revos.runtime.internal.rest.RevosApplication;

import jakarta.ws.rs.Path;

/** {@code /api/v1/adoption/initiatives}: initiatives with what they change, their owner and their five phases. */
@Component(service = InitiativesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("adoption/initiatives")
public final class InitiativesResource extends MutableCollectionResource<InitiativeEntity> {

    @Activate
    public InitiativesResource(@Reference Store store, @Reference Idempotency idempotency) {
        super(Catalog.INITIATIVE, store, idempotency);
    }
}
