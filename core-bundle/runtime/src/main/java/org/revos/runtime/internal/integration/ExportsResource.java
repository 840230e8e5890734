package org.revos.runtime.internal.integration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.revos.api.security.Caller;
import org.revos.api.spi.ExportWriter;
import org.revos.api.spi.Exporter;
import org.revos.runtime.internal.gateway.PluginCallFailed;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.objects.Field;
import org.revos.runtime.internal.objects.ObjectSchema;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantRow;
import org.revos.runtime.internal.plugins.PluginServices;
import org.revos.runtime.internal.plugins.PluginServices.Contribution;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.problem.Problem;
import org.revos.runtime.internal.problem.Violations;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /api/v1/exports?object=&format=}: every object of a collection as CSV that the same format imports,
 * streamed page by page in id order, so an export of any size needs memory for one page only. The exporter plugin
 * writes each page into a buffer through the gateway; the runtime copies the buffer to the client between calls.
 */
@Component(service = ExportsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Path("exports")
public final class ExportsResource {

    static final int PAGE = 1000;
    private static final Set<String> PARAMETERS = Set.of("object", "format");

    private final Store store;
    private final PluginGateway gateway;
    private final PluginServices<Exporter> exporters;
    private final Formats<Exporter> formats;

    @Activate
    public ExportsResource(@Reference Store store, @Reference PluginGateway gateway,
            @Reference TenantPlugins plugins) {
        this.store = store;
        this.gateway = gateway;
        this.exporters = new PluginServices<>(plugins);
        this.formats = new Formats<>(exporters, gateway, Exporter::format, Exporter::supports);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addExporter(ServiceReference<Exporter> ref, Exporter exporter) {
        exporters.add(ref, exporter);
    }

    void removeExporter(ServiceReference<Exporter> ref) {
        exporters.remove(ref);
    }

    /**
     * Without parameters: what the tenant can export, {@code {"items": [{"object", "formats"}], "next": null}};
     * with {@code object} (and {@code format}, default native): the CSV.
     */
    @GET
    @Produces({ "text/csv", "application/json", "application/problem+json" })
    public Response export(@Context UriInfo uri, @Context SecurityContext security) {
        String tenantId = ((Caller) security.getUserPrincipal()).tenantId();
        Map<String, List<String>> query = uri.getQueryParameters();
        if (query.isEmpty()) {
            ObjectNode page = JsonNodeFactory.instance.objectNode();
            ArrayNode items = page.putArray("items");
            for (ObjectSchema<?> schema : Transfers.OBJECTS) {
                ArrayNode names = items.addObject().put("object", schema.path()).putArray("formats");
                formats.names(tenantId, schema.type()).forEach(names::add);
            }
            page.putNull("next");
            return Response.ok(page, "application/json").build();
        }
        Violations v = new Violations();
        Transfers.unknownParameters(query, PARAMETERS, v);
        ObjectSchema<?> schema = Transfers.object(Transfers.first(query, "object"), v);
        String format = Transfers.first(query, "format");
        String chosen = format == null ? "native" : format;
        v.throwIfAny();
        Contribution<Exporter> exporter = formats.find(tenantId, chosen, schema.type()).orElseThrow(() -> Problem
                .invalid("format", "'" + chosen + "' is not an export format for " + schema.path()
                        + " of this tenant; available: " + formats.names(tenantId, schema.type())));
        StreamingOutput body = out -> stream(tenantId, schema, exporter, out);
        return Response.ok(body, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"" + schema.path() + "-" + chosen + ".csv\"").build();
    }

    private <E extends TenantRow> void stream(String tenantId, ObjectSchema<E> schema,
            Contribution<Exporter> exporter, OutputStream out) throws IOException {
        List<String> fields = fields(schema);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try {
            ExportWriter writer = gateway.call(exporter.pluginId(), tenantId, "export open",
                    () -> exporter.service().open(schema.type(), fields, buffer));
            ReferenceKeys keys = new ReferenceKeys();
            String after = "";
            while (true) {
                String from = after;
                List<Map<String, String>> rows = new ArrayList<>(PAGE);
                List<E> page = store.read(tenantId, em -> {
                    List<E> entities = em.createQuery("SELECT e FROM " + schema.entityName() + " e WHERE e.id >"
                            + " :after ORDER BY e.id", schema.entityClass()).setParameter("after", from)
                            .setMaxResults(PAGE).getResultList();
                    entities.forEach(e -> rows.add(row(schema, e)));
                    keys.apply(em, schema, rows);
                    return entities;
                });
                if (page.isEmpty()) {
                    break;
                }
                gateway.call(exporter.pluginId(), tenantId, "export write", () -> {
                    writer.write(rows);
                    return null;
                });
                buffer.writeTo(out);
                buffer.reset();
                after = page.get(page.size() - 1).id;
            }
            gateway.call(exporter.pluginId(), tenantId, "export close", () -> {
                writer.close();
                return null;
            });
            buffer.writeTo(out);
        } catch (PluginCallFailed e) {
            // The status line is gone already; a truncated body is all a client can be told.
            throw new IOException("Export of " + schema.path() + " stopped: " + e.getMessage(), e);
        }
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
