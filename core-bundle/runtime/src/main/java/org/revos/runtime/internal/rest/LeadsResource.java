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
import org.revos.runtime.internal.persistence.LeadEntity;
import org.revos.runtime.internal.stages.StageModels;
import org.revos.runtime.internal.stages.StagedCollectionResource;

/** {@code /api/v1/leads}; stage changes go through {@code POST /api/v1/leads/{id}/transitions}. */
@Component(service = LeadsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("leads")
public final class LeadsResource extends StagedCollectionResource<LeadEntity> {

    @Activate
    public LeadsResource(@Reference ObjectCollections collections, @Reference StageModels stageModels,
            @Reference RevosData data) {
        super(Catalog.LEAD, collections, stageModels, data);
    }
}
