package org.revos.runtime.internal.plugins;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TenantPluginEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hands each tenant's plugin configuration to the plugin through Configuration Admin: one factory configuration per
 * tenant that has the plugin enabled, with factory PID = plugin id, name = tenant id and the properties
 * {@value PluginConfig#TENANT_PROPERTY} plus the tenant's settings. A plugin gets one component instance per such
 * tenant with {@code @Component(configurationPid = "<plugin id>", configurationPolicy = REQUIRE)} and
 * {@code @Designate(factory = true)}. Disabling a plugin for a tenant deletes the configuration.
 * <p>
 * The framework's storage (where Configuration Admin keeps configurations) starts empty at each launch, so the
 * configurations are written again from the database at start-up, on a thread of their own: the database opens in
 * the background and activation must not wait for it.
 */
@Component(service = TenantPluginConfigs.class, immediate = true)
public final class TenantPluginConfigs {

    private static final Logger LOG = Logger.getLogger(TenantPluginConfigs.class.getName());

    private final ConfigurationAdmin configAdmin;

    @Activate
    public TenantPluginConfigs(@Reference ConfigurationAdmin configAdmin, @Reference Store store) {
        this.configAdmin = configAdmin;
        Thread restorer = new Thread(() -> restore(store), "revos-plugin-config-restore");
        restorer.setDaemon(true);
        restorer.start();
    }

    private void restore(Store store) {
        List<TenantPluginEntity> settings = store.readPlatform(em -> em
                .createQuery("SELECT s FROM TenantPluginEntity s ORDER BY s.id", TenantPluginEntity.class)
                .getResultList());
        for (TenantPluginEntity setting : settings) {
            try {
                JsonNode config = FieldTypes.readTree(setting.configJson == null ? "{}" : setting.configJson);
                apply(setting.tenantId, setting.pluginId, setting.enabled, config);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not restore the configuration of " + setting.pluginId + " for tenant "
                        + setting.tenantId, e);
            }
        }
    }

    /**
     * Writes (enabled) or deletes (disabled) the configuration of {@code pluginId} for {@code tenantId}.
     *
     * @param config a {@link PluginConfig#validate valid} settings object
     */
    public void apply(String tenantId, String pluginId, boolean enabled, JsonNode config) throws IOException {
        if (!enabled) {
            for (Configuration existing : existing(tenantId, pluginId)) {
                existing.delete();
            }
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>(PluginConfig.properties(tenantId, config));
        configAdmin.getFactoryConfiguration(pluginId, tenantId, "?").updateIfDifferent(properties);
    }

    private List<Configuration> existing(String tenantId, String pluginId) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations("(&(service.factoryPid=" + escape(pluginId) + ")("
                    + PluginConfig.TENANT_PROPERTY + "=" + escape(tenantId) + "))");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("Ids are escaped, so the filter is well-formed", e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
