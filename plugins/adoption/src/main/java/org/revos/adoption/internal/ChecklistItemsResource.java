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

/**
 * {@code /api/v1/adoption/items}: the manual items of initiatives' checklists (tasks, trainings, reminders);
 * {@code PATCH {"done": true}} ticks one and records who and when.
 */
@Component(service = ChecklistItemsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("adoption/items")
public final class ChecklistItemsResource extends MutableCollectionResource<ChecklistItemEntity> {

    @Activate
    public ChecklistItemsResource(@Reference ObjectCollections collections,
            @Reference AdoptionCollections registered) {
        super(AdoptionCollections.CHECKLIST_ITEM, collections);
    }
}
