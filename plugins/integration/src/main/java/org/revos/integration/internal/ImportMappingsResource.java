package org.revos.integration.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.integration.internal.mapping.ImportMappings;
import org.revos.integration.internal.mapping.MappingDocuments;
import org.revos.integration.internal.mapping.MappingRules;
import org.revos.integration.internal.mapping.MappingTargets;
import org.revos.integration.internal.mapping.MappingsView;
import org.revos.integration.internal.mapping.ValueMappings;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET|PUT /api/v1/imports/mappings/{format}}: the tenant's value mappings for one import format (stages,
 * lifecycle stages, deal types, loss reasons, owners) and the format's defaults as they land in the tenant's pipelines.
 * A PUT replaces the tenant's mappings with those it sends; every target must exist in the tenant (422 naming those
 * that do not).
 */
@Component(service = ImportMappingsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("imports/mappings")
@Produces(MediaType.APPLICATION_JSON)
public final class ImportMappingsResource {

    private final Imports imports;
    private final ImportMappings mappings;

    @Activate
    public ImportMappingsResource(@Reference Imports imports, @Reference ImportMappings mappings) {
        this.imports = imports;
        this.mappings = mappings;
    }

    @GET
    @Path("{format}")
    public MappingsView get(@PathParam("format") @Described("An import format: hubspot, salesforce, native or"
            + " another a plugin provides.") String format, @Context SecurityContext security) {
        String tenantId = tenant(security);
        imports.requireFormat(tenantId, format);
        return MappingsView.of(format, mappings.stored(tenantId, format), mappings.targets(tenantId));
    }

    @PUT
    @Path("{format}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "putSchema", name = "ImportMappings")
    public MappingsView put(@PathParam("format") String format, JsonNode body, @Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        imports.requireFormat(caller.tenantId(), format);
        Violations v = new Violations();
        ValueMappings given = MappingDocuments.fromDocument(body, v);
        v.throwIfAny();
        MappingTargets targets = mappings.targets(caller.tenantId());
        MappingRules.check(given, targets, MappingDocuments.documentFields());
        mappings.store(caller.tenantId(), caller, format, given);
        return MappingsView.of(format, given, targets);
    }

    static ObjectNode putSchema() {
        return MappingDocuments.schema();
    }

    private static String tenant(SecurityContext security) {
        return ((Caller) security.getUserPrincipal()).tenantId();
    }
}
