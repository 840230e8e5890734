package org.revos.integration.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.revos.api.model.ObjectType;
import org.revos.api.spi.ExportWriter;
import org.revos.api.spi.Exporter;
import org.revos.kernel.spi.Contributions;
import org.revos.kernel.spi.Contributions.Contribution;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.kernel.spi.TenantRow;
import org.revos.kernel.spi.TenantStore;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;

/**
 * Writes every object of a collection through a tenant's exporter plugin, page by page in id order, so an export of
 * any size needs memory for one page only. The exporter writes each page into a buffer through the gateway; the
 * runtime copies the buffer to the destination between calls. {@code GET /api/v1/exports} streams to the client,
 * an outbound sync to its target file.
 */
@Component(service = Exports.class)
public final class Exports {

    static final int PAGE = 1000;

    private final TenantStore store;
    private final PluginCalls gateway;
    private final ObjectCollections objects;
    private final Contributions<Exporter> exporters;
    private final Formats<Exporter> formats;

    @Activate
    public Exports(@Reference TenantStore store, @Reference PluginCalls gateway,
            @Reference ObjectCollections objects) {
        this.store = store;
        this.gateway = gateway;
        this.objects = objects;
        this.exporters = new Contributions<>(gateway);
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

    /** @return the kernel's collections, for the resource */
    ObjectCollections objects() {
        return objects;
    }

    Optional<Contribution<Exporter>> find(String tenantId, String format, ObjectType type) {
        return formats.find(tenantId, format, type);
    }

    List<String> names(String tenantId, ObjectType type) {
        return formats.names(tenantId, type);
    }

    <E extends TenantRow> void stream(String tenantId, ObjectSchema<E> schema,
            Contribution<Exporter> exporter, OutputStream out) throws IOException {
        List<String> fields = ExportsResource.fields(schema);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try {
            ExportWriter writer = gateway.call(exporter.pluginId(), tenantId, "export open",
                    () -> exporter.service().open(schema.type(), fields, buffer));
            ReferenceKeys keys = new ReferenceKeys(objects);
            String after = "";
            while (true) {
                String from = after;
                List<Map<String, String>> rows = new ArrayList<>(PAGE);
                List<E> page = store.query(tenantId, em -> {
                    List<E> entities = em.createQuery("SELECT e FROM " + schema.entityName() + " e WHERE e.id >"
                            + " :after ORDER BY e.id", schema.entityClass()).setParameter("after", from)
                            .setMaxResults(PAGE).getResultList();
                    entities.forEach(e -> rows.add(ExportsResource.row(schema, e)));
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

}
