package org.revos.runtime.internal.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.Listing;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/audit}: the platform's audit log (plugin installs, bootstrap keys), for platform admins. */
@Component(service = PlatformAuditResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PLATFORM)
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class PlatformAuditResource {

    private final Store store;

    @Activate
    public PlatformAuditResource(@Reference Store store) {
        this.store = store;
    }

    @GET
    @Listing(filters = { AuditLog.OBJECT_TYPE, AuditLog.OBJECT_ID, AuditLog.ACTION })
    public JsonNode list(@Context UriInfo uri, @Context SecurityContext security) {
        return AuditLog.page(store, Store.PLATFORM, uri.getQueryParameters());
    }
}
