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
import org.revos.runtime.internal.persistence.PropertyDefinitionEntity;

/** {@code /api/v1/properties}: the tenant's custom property definitions, per object type. */
@Component(service = PropertiesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("properties")
public final class PropertiesResource extends MutableCollectionResource<PropertyDefinitionEntity> {

    @Activate
    public PropertiesResource(@Reference ObjectCollections collections) {
        super(Catalog.PROPERTY, collections);
    }
}
