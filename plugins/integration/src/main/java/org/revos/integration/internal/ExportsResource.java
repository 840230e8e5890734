package org.revos.integration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.api.spi.Exporter;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.Described;
import org.revos.kernel.spi.rest.RevosResources;
import org.revos.kernel.spi.rest.SchemaFrom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v1/exports?object=&format=}: every object of a collection as CSV that the same format imports,
 * streamed page by page through {@link Exports}.
 */
@Component(service = ExportsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosResources.APPLICATION_SELECT)
@Path("exports")
public final class ExportsResource {

    private static final Set<String> PARAMETERS = Set.of("object", "format");

    private final Exports exports;

    @Activate
    public ExportsResource(@Reference Exports exports) {
        this.exports = exports;
    }

    /**
     * Without parameters: what the tenant can export, {@code {"items": [{"object", "formats"}], "next": null}};
     * with {@code object} (and {@code format}, default native): the CSV.
     */
    static ObjectNode objectSchema() {
        return Transfers.objectSchema();
    }

    static ObjectNode formatSchema() {
        return Transfers.formatSchema();
    }

    @GET
    @Produces({ "text/csv", "application/json", "application/problem+json" })
    public Response export(
            @QueryParam("object") @SchemaFrom("objectSchema") @Described("What to export: accounts, contacts, leads, deals, activities,"
                    + " revenue-events or users. Without it the answer lists each object's export formats.")
            String object,
            @QueryParam("format") @DefaultValue("native") @SchemaFrom("formatSchema") @Described("The column shape: native (every field, importable"
                    + " again), hubspot, salesforce, or another format a plugin provides.") String format,
            @Context UriInfo uri, @Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        Map<String, List<String>> query = uri.getQueryParameters();
        if (query.isEmpty()) {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            for (ObjectSchema<?> schema : Transfers.objects(exports.objects())) {
                ArrayNode names = items.addObject().put("object", schema.path()).putArray("formats");
                exports.names(tenantId, schema.type()).forEach(names::add);
            }
            page.putNull("next");
            return Response.ok(page, "application/json").build();
        }
        Violations v = new Violations();
        Transfers.unknownParameters(query, PARAMETERS, v);
        ObjectSchema<?> schema = Transfers.object(exports.objects(), Transfers.text(object), v);
        String chosen = Transfers.format(format);
        v.throwIfAny();
        Contribution<Exporter> exporter = exports.find(tenantId, chosen, schema.type()).orElseThrow(() -> Problem
                .invalid("format", "'" + chosen + "' is not an export format for " + schema.path()
                        + " of this tenant; available: " + exports.names(tenantId, schema.type())));
        StreamingOutput body = out -> exports.stream(tenantId, schema, exporter, out);
        return Response.ok(body, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"" + schema.path() + "-" + chosen + ".csv\"").build();
    }

    /** @return {@code id}, {@code externalId}, then the object's fields, as the native format's columns */
    static List<String> fields(ObjectSchema<?> schema) {
        List<String> out = new ArrayList<>(List.of("id", "externalId"));
        schema.fields().forEach(f -> out.add(f.name()));
        return out;
    }

    static <E extends TenantRow> Map<String, String> row(ObjectSchema<E> schema, E entity) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", entity.id);
        row.put("externalId", entity.externalId);
        for (Field<E> field : schema.fields()) {
            row.put(field.name(), CellValues.text(field.type().render(field.get(entity))));
        }
        return row;
    }
}
