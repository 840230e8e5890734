package org.revos.kernel.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.ServiceReference;

/**
 * The services plugins registered for one extension point, and which of them a tenant sees: an engine holds one per
 * extension point it consumes, feeds it from its dynamic reference's bind and unbind methods, and asks for the
 * contributions of the plugins a tenant has enabled, each with the plugin id to call it by through
 * {@link PluginCalls#call}.
 *
 * @param <S> the extension point
 */
public final class Contributions<S> {

    /** One plugin's service, with the id (bundle symbolic name) the gateway and tenant settings know it by. */
    public record Contribution<S>(String pluginId, S service) {
    }

    private final PluginCalls plugins;
    private final Map<ServiceReference<S>, S> services = new ConcurrentHashMap<>();

    public Contributions(PluginCalls plugins) {
        this.plugins = plugins;
    }

    public void add(ServiceReference<S> reference, S service) {
        services.put(reference, service);
    }

    public void remove(ServiceReference<S> reference) {
        services.remove(reference);
    }

    /** @return the contributions of the plugins enabled for {@code tenantId}, highest service ranking first */
    public List<Contribution<S>> enabledFor(String tenantId) {
        List<Map.Entry<ServiceReference<S>, S>> ordered = new ArrayList<>(services.entrySet());
        ordered.sort(Map.Entry.comparingByKey((a, b) -> b.compareTo(a)));
        List<Contribution<S>> out = new ArrayList<>(ordered.size());
        for (Map.Entry<ServiceReference<S>, S> e : ordered) {
            String pluginId = plugins.pluginId(e.getKey());
            if (plugins.enabled(tenantId, pluginId)) {
                out.add(new Contribution<>(pluginId, e.getValue()));
            }
        }
        return out;
    }
}
