package org.revos.runtime.internal.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

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
import org.revos.kernel.spi.Problem;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.rest.Access;
import org.revos.kernel.spi.rest.JsonSchemas;
import org.revos.kernel.spi.rest.SchemaFrom;
import org.revos.runtime.internal.gateway.PluginGateway;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantPluginEntity;
import org.revos.runtime.internal.plugins.PluginConfig;
import org.revos.runtime.internal.plugins.PluginInstaller;
import org.revos.runtime.internal.plugins.PluginView;
import org.revos.runtime.internal.plugins.TenantPluginConfigs;
import org.revos.runtime.internal.plugins.TenantPlugins;
import org.revos.runtime.internal.rest.RevosApplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/admin/tenants/{tenantId}/plugins}: which plugins a tenant has enabled and how it configured them. A
 * plugin is enabled for every tenant until an admin disables it; the configuration reaches the plugin through
 * Configuration Admin (see {@link TenantPluginConfigs}).
 */
@Component(service = TenantPluginsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RevosApplication.SELECT)
@Access(Access.Level.PLATFORM)
@Path("admin/tenants/{tenantId}/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantPluginsResource {

    private static final List<String> FIELDS = List.of("enabled", "config");

    private final Store store;
    private final PluginInstaller installer;
    private final TenantPlugins tenantPlugins;
    private final TenantPluginConfigs configs;

    private final PluginGateway gateway;

    @Activate
    public TenantPluginsResource(@Reference Store store, @Reference PluginInstaller installer,
            @Reference TenantPlugins tenantPlugins, @Reference TenantPluginConfigs configs,
            @Reference PluginGateway gateway) {
        this.gateway = gateway;
        this.store = store;
        this.installer = installer;
        this.tenantPlugins = tenantPlugins;
        this.configs = configs;
    }

    @GET
    public JsonNode list(@PathParam("tenantId") String tenantId) {
        TenantsResource.find(store, tenantId);
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        var items = page.putArray("items");
        for (PluginView plugin : installer.list()) {
            items.add(render(tenantId, plugin.id(), tenantPlugins.setting(tenantId, plugin.id())));
        }
        page.putNull("next");
        return page;
    }

    @PUT
    @Path("{pluginId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SchemaFrom(value = "putSchema", name = "TenantPluginSetting")
    public JsonNode put(@PathParam("tenantId") String tenantId, @PathParam("pluginId") String pluginId,
            JsonNode body, @Context SecurityContext security) {
        TenantsResource.find(store, tenantId);
        if (installer.find(pluginId).isEmpty()) {
            throw Problem.notFound("plugin", pluginId);
        }
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object such as {\"enabled\": true, \"config\": {}}");
        }
        Violations v = new Violations();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                v.add(f, "is not a field of a tenant's plugin setting; use enabled and config");
            }
        });
        JsonNode enabled = body.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            v.add("enabled", "is required: true or false");
        }
        JsonNode config = body.hasNonNull("config") ? body.get("config") : JsonNodeFactory.instance.objectNode();
        PluginConfig.validate(config, v);
        v.throwIfAny();
        boolean on = enabled.booleanValue();
        String configJson = FieldTypes.writeJson(config);
        TenantPluginEntity saved = store.write(tenantId, (Caller) security.getUserPrincipal(), tx -> {
            TenantPluginEntity existing = tx.em().find(TenantPluginEntity.class, tenantId + "/" + pluginId);
            ObjectNode before = existing == null ? null : render(tenantId, pluginId, Optional.of(existing));
            TenantPluginEntity setting = tenantPlugins.put(tx, tenantId, pluginId, on, configJson);
            tx.audit("TENANT_PLUGIN_SET", "PLUGIN", pluginId, before, render(tenantId, pluginId, Optional.of(setting)));
            return setting;
        });
        tenantPlugins.invalidate(tenantId, pluginId);
        if (on) {
            gateway.release(pluginId, tenantId); // an admin's explicit "enabled" gives a quarantined plugin another chance
        }
        try {
            configs.apply(tenantId, pluginId, on, config);
        } catch (IOException e) {
            throw new UncheckedIOException("The setting was saved but Configuration Admin refused it", e);
        }
        return render(tenantId, pluginId, Optional.of(saved));
    }

    /** @return what {@link #put} accepts */
    static ObjectNode putSchema() {
        return JsonSchemas.object("Whether the tenant uses the plugin, and its settings")
                .required("enabled", JsonSchemas.type("boolean"))
                .member("config", JsonSchemas.nullable(PluginConfig.schema())).build();
    }

    private static ObjectNode render(String tenantId, String pluginId, Optional<TenantPluginEntity> setting) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("tenantId", tenantId).put("pluginId", pluginId)
                .put("enabled", setting.map(s -> s.enabled).orElse(true));
        json.set("config", setting.map(s -> s.configJson).filter(c -> c != null)
                .map(FieldTypes::readTree).orElse(JsonNodeFactory.instance.objectNode()));
        json.put("updatedAt", setting.map(s -> FieldTypes.instantText(s.updatedAt)).orElse(null));
        return json;
    }
}
