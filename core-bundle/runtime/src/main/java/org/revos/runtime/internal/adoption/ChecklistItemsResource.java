package org.revos.runtime.internal.adoption;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.runtime.internal.objects.Catalog;
import org.revos.runtime.internal.persistence.ChecklistItemEntity;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.rest.Idempotency;
import org.revos.runtime.internal.rest.MutableCollectionResource;
import org.revos.runtime.internal.rest.RevosApplication;

import jakarta.ws.rs.Path;

/**
 * {@code /api/v1/adoption/items}: the manual items of initiatives' checklists (tasks, trainings, reminders);
 * {@code PATCH {"done": true}} ticks one and records who and when.
 */
@Component(service = ChecklistItemsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("adoption/items")
public final class ChecklistItemsResource extends MutableCollectionResource<ChecklistItemEntity> {

    @Activate
    public ChecklistItemsResource(@Reference Store store, @Reference Idempotency idempotency) {
        super(Catalog.CHECKLIST_ITEM, store, idempotency);
    }
}
