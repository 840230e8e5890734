package org.revos.runtime.internal.plugins;

import java.util.concurrent.Callable;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.revos.kernel.spi.PluginCallFailed;
import org.revos.kernel.spi.PluginCalls;
import org.revos.runtime.internal.gateway.PluginGateway;

/** The plugin gateway and the tenants' plugin settings, as engines reach them through the engine SPI. */
@Component(service = PluginCalls.class)
public final class GatewayCalls implements PluginCalls {

    private final PluginGateway gateway;
    private final TenantPlugins plugins;

    @Activate
    public GatewayCalls(@Reference PluginGateway gateway, @Reference TenantPlugins plugins) {
        this.gateway = gateway;
        this.plugins = plugins;
    }

    @Override
    public String pluginId(ServiceReference<?> service) {
        return PluginServices.pluginId(service);
    }

    @Override
    public boolean enabled(String tenantId, String pluginId) {
        return plugins.isEnabled(tenantId, pluginId);
    }

    @Override
    public <T> T call(String pluginId, String tenantId, String operation, Callable<T> work) throws PluginCallFailed {
        return gateway.call(pluginId, tenantId, operation, work);
    }
}
