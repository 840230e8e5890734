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
import org.revos.runtime.internal.persistence.UserEntity;

/** {@code /api/v1/users} */
@Component(service = UsersResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("users")
public final class UsersResource extends MutableCollectionResource<UserEntity> {

    @Activate
    public UsersResource(@Reference ObjectCollections collections) {
        super(Catalog.USER, collections);
    }
}
