package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;

/**
 * The services of one extension point that plugins registered, and which of them a tenant sees. A component that
 * consumes an extension point holds one of these and feeds it from its dynamic reference's bind and unbind methods.
 *
 * @param <S> the extension point
 */
public final class PluginServices<S> {

    /** One plugin's service, with the id (bundle symbolic name) the gateway and tenant settings know it by. */
    public record Contribution<S>(String pluginId, S service, ServiceReference<S> reference) {
    }

    private final TenantPlugins plugins;
    private final Map<ServiceReference<S>, S> services = new ConcurrentHashMap<>();

    public PluginServices(TenantPlugins plugins) {
        this.plugins = plugins;
    }

    public void add(ServiceReference<S> ref, S service) {
        services.put(ref, service);
    }

    public void remove(ServiceReference<S> ref) {
        services.remove(ref);
    }

    /** @return every registered contribution, highest service ranking first */
    public List<Contribution<S>> all() {
        List<Map.Entry<ServiceReference<S>, S>> ordered = new ArrayList<>(services.entrySet());
        ordered.sort(Map.Entry.comparingByKey((a, b) -> b.compareTo(a)));
        List<Contribution<S>> out = new ArrayList<>(ordered.size());
        for (Map.Entry<ServiceReference<S>, S> e : ordered) {
            out.add(new Contribution<>(pluginId(e.getKey()), e.getValue(), e.getKey()));
        }
        return out;
    }

    /** @return the contributions of the plugins enabled for {@code tenantId}, highest service ranking first */
    public List<Contribution<S>> enabledFor(String tenantId) {
        return all().stream().filter(c -> plugins.isEnabled(tenantId, c.pluginId())).toList();
    }

    static String pluginId(ServiceReference<?> ref) {
        return ref.getBundle() == null ? "unknown" : ref.getBundle().getSymbolicName();
    }
}
