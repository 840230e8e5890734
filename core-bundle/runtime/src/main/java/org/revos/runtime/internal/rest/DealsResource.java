package org.revos.runtime.internal.rest;

import jakarta.ws.rs.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.query.RevosData;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.DealEntity;
import org.revos.runtime.internal.stages.StageModels;
import org.revos.runtime.internal.stages.StagedCollectionResource;

/** {@code /api/v1/deals}; stage changes go through {@code POST /api/v1/deals/{id}/transitions}. */
@Component(service = DealsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("deals")
public final class DealsResource extends StagedCollectionResource<DealEntity> {

    @Activate
    public DealsResource(@Reference ObjectCollections collections, @Reference StageModels stageModels,
            @Reference RevosData data) {
        super(Catalog.DEAL, collections, stageModels, data);
    }
}
