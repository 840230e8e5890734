package org.revos.kernel.spi;

import java.util.concurrent.Callable;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.ServiceReference;

/**
 * How an engine calls the strategies plugins registered: through the kernel's gateway (timeout, concurrency cap,
 * failure counts and quarantine per plugin and tenant), and only those of plugins enabled for the tenant. A service
 * of the kernel.
 */
@ProviderType
public interface PluginCalls {

    /** @return the plugin id (its bundle's symbolic name) a service was registered by, as tenants' settings name it */
    String pluginId(ServiceReference<?> service);

    /** @return whether the tenant has the plugin enabled (plugins are enabled for every tenant unless disabled) */
    boolean enabled(String tenantId, String pluginId);

    /**
     * Calls plugin code for a tenant through the gateway.
     *
     * @param operation what the call does, for messages and counts ("adoption probe")
     * @throws PluginCallFailed when the code threw, timed out, the plugin is saturated or quarantined for the tenant
     */
    <T> T call(String pluginId, String tenantId, String operation, Callable<T> work) throws PluginCallFailed;
}
